package dev.signalcheck.core.series;

/** Stable sort of row indices by a long key, without boxing. */
public final class IndexSort {
  private IndexSort() {}

  /** Sorts {@code idx} (positions into {@code keys}) by key; ties keep their order. */
  public static void sort(int[] idx, long[] keys) {
    int n = idx.length;
    int[] buf = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          buf[k++] = keys[idx[j]] < keys[idx[i]] ? idx[j++] : idx[i++];
        }
        while (i < mid) {
          buf[k++] = idx[i++];
        }
        while (j < hi) {
          buf[k++] = idx[j++];
        }
      }
      System.arraycopy(buf, 0, idx, 0, n);
    }
  }
}
