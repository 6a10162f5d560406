package dev.signalcheck.core.profile;

/**
 * Bandt–Pompe permutation entropy of order 3 and delay 1, normalised to [0, 1].
 *
 * <p>Every window {@code (x_t, x_{t+1}, x_{t+2})} is mapped to its ordinal pattern, the permutation
 * that sorts it, with ties broken by position (earlier first) as R's {@code order(method =
 * "radix")} does. With {@code p_π} the relative frequency of pattern π among the {@code n-2}
 * windows, {@code H = -Σ p_π ln p_π / ln(3!)}.
 */
public final class PermutationEntropy {
  private PermutationEntropy() {}

  /**
   * Normalised permutation entropy.
   *
   * @param y series with at least 3 values
   */
  public static double of(double[] y) {
    int windows = y.length - 2;
    if (windows < 1) {
      throw new IllegalArgumentException("needs at least 3 values, has " + y.length);
    }
    // the pattern is fixed by three pairwise "earlier precedes later" comparisons (stable ties)
    int[] counts = new int[8];
    for (int t = 0; t < windows; t++) {
      double a = y[t];
      double b = y[t + 1];
      double c = y[t + 2];
      int code = (a <= b ? 4 : 0) | (a <= c ? 2 : 0) | (b <= c ? 1 : 0);
      counts[code]++;
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / windows;
        h -= p * Math.log(p);
      }
    }
    return h / Math.log(6.0);
  }
}
