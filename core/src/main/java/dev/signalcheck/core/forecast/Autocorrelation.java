package dev.signalcheck.core.forecast;

/**
 * Sample autocovariance and autocorrelation as R's {@code acf}: the mean is removed and every lag
 * is divided by {@code n} (not {@code n - k}).
 */
public final class Autocorrelation {
  private Autocorrelation() {}

  /**
   * Autocovariances c(0) … c(lagMax), R {@code acf(x, type = "covariance", demean = TRUE)}. {@code
   * lagMax} is cut to {@code n - 1} as R does.
   */
  public static double[] autocovariance(double[] x, int lagMax) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("autocovariance of an empty series");
    }
    int lags = Math.min(Math.max(lagMax, 0), n - 1);
    double mean = mean(x);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = x[i] - mean;
    }
    double[] c = dev.signalcheck.core.stats.LaggedProducts.of(d, lags);
    for (int k = 0; k <= lags; k++) {
      c[k] /= n;
    }
    return c;
  }

  /**
   * Autocorrelations r(0) = 1, r(1) … r(lagMax), R {@code acf(x)}; NaN at every lag for a constant
   * series.
   */
  public static double[] acf(double[] x, int lagMax) {
    double[] c = autocovariance(x, lagMax);
    double c0 = c[0];
    double[] r = new double[c.length];
    for (int k = 0; k < c.length; k++) {
      r[k] = c[k] / c0;
    }
    return r;
  }

  /** Arithmetic mean, summed in two passes like R's {@code mean} for a little extra accuracy. */
  static double mean(double[] x) {
    return mean(x, 0, x.length);
  }

  /** Mean of x[from, to) in two passes, as R's {@code mean}. */
  public static double mean(double[] x, int from, int to) {
    int n = to - from;
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i];
    }
    double m = s / n;
    if (Double.isFinite(m)) {
      double t = 0;
      for (int i = from; i < to; i++) {
        t += x[i] - m;
      }
      m += t / n;
    }
    return m;
  }
}
