package dev.signalcheck.core.profile;

/**
 * Sample autocorrelation function as R {@code stats::acf(x, type = "correlation")}.
 *
 * <p>With the mean {@code x̄} removed, the autocovariance at lag k is {@code c_k = (1/n)
 * Σ_{t=1}^{n-k} (x_{t+k} - x̄)(x_t - x̄)} (denominator n for every lag, as R) and {@code r_k = c_k
 * / c_0}, clamped to [-1, 1] as R does.
 */
public final class Acf {
  private Acf() {}

  /**
   * Autocorrelations {@code r_0 .. r_maxLag} (so {@code r_0 = 1}). Direct O(n·maxLag) sums, which
   * match R to rounding.
   *
   * @param y series, at least 2 values, not constant
   * @param maxLag largest lag, {@code 0 <= maxLag < y.length}
   * @throws IllegalArgumentException if the series is constant or too short for the lag
   */
  public static double[] acf(double[] y, int maxLag) {
    int n = y.length;
    if (maxLag < 0 || maxLag >= n) {
      throw new IllegalArgumentException(
          "maxLag must be in [0, n-1], was " + maxLag + " for n=" + n);
    }
    double[] x = demeaned(y);
    double c0 = 0;
    for (double v : x) {
      c0 += v * v;
    }
    c0 /= n;
    if (!(c0 > 0) || !Double.isFinite(c0)) {
      throw new IllegalArgumentException("series is constant or not finite");
    }
    double se = Math.sqrt(c0);
    double[] r = new double[maxLag + 1];
    double[] sums = dev.signalcheck.core.stats.LaggedProducts.of(x, maxLag);
    for (int k = 0; k <= maxLag; k++) {
      double s = sums[k];
      double a = (s / n) / (se * se);
      r[k] = a > 1 ? 1 : (a < -1 ? -1 : a);
    }
    return r;
  }

  /** Lag-1 autocorrelation {@code r_1}; see {@link #acf(double[], int)}. */
  public static double acf1(double[] y) {
    return acf(y, 1)[1];
  }

  static double mean(double[] y) {
    double s = 0;
    for (double v : y) {
      s += v;
    }
    return s / y.length;
  }

  static double[] demeaned(double[] y) {
    double m = mean(y);
    double[] x = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      x[i] = y[i] - m;
    }
    return x;
  }
}
