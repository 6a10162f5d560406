package dev.signalcheck.core.stats;

/**
 * Union-find over the indices 0…n−1 held in a parent array ({@code parent[i] == i} for a root), for
 * grouping items into connected components.
 */
public final class DisjointSets {
  private DisjointSets() {}

  /** The root of {@code i}'s set, halving the path on the way. */
  public static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
