package dev.signalcheck.core.forecast.ets;

/**
 * Classical decomposition by moving averages, as R's {@code decompose}: a centred moving average of
 * order m (2×m for even m) as trend, the seasonal figure as the per-position mean of the detrended
 * series (normalised to mean 0, or 1 when multiplicative), positions counted from the first
 * observation.
 */
final class ClassicalDecomposition {

  private ClassicalDecomposition() {}

  /**
   * The seasonal component, one value per observation.
   *
   * @throws IllegalArgumentException when there are fewer than two full periods
   */
  static double[] seasonal(double[] x, int m, boolean multiplicative) {
    double[] figure = figure(x, m, multiplicative);
    double[] s = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      s[t] = figure[t % m];
    }
    return s;
  }

  /** The m seasonal indices; index 0 belongs to the first observation. */
  static double[] figure(double[] x, int m, boolean multiplicative) {
    int n = x.length;
    if (m <= 1 || n < 2 * m) {
      throw new IllegalArgumentException("time series has no or less than 2 periods");
    }
    double[] trend = trend(x, m);
    double[] figure = new double[m];
    double[] buf = new double[n / m + 1];
    for (int i = 0; i < m; i++) {
      int k = 0;
      for (int t = i; t < n; t += m) {
        if (!Double.isNaN(trend[t])) {
          buf[k++] = multiplicative ? x[t] / trend[t] : x[t] - trend[t];
        }
      }
      figure[i] = mean(buf, k);
    }
    double mf = mean(figure, m);
    for (int i = 0; i < m; i++) {
      figure[i] = multiplicative ? figure[i] / mf : figure[i] - mf;
    }
    return figure;
  }

  /** Centred moving average as R's {@code filter(x, f, sides = 2)}; NaN at the ends. */
  static double[] trend(double[] x, int m) {
    int n = x.length;
    int nf = (m % 2 == 0) ? m + 1 : m;
    double[] w = new double[nf];
    if (m % 2 == 0) {
      w[0] = 0.5 / m;
      w[nf - 1] = 0.5 / m;
      for (int j = 1; j < nf - 1; j++) {
        w[j] = 1.0 / m;
      }
    } else {
      for (int j = 0; j < nf; j++) {
        w[j] = 1.0 / m;
      }
    }
    int shift = nf / 2;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      if (i + shift - (nf - 1) < 0 || i + shift >= n) {
        out[i] = Double.NaN;
        continue;
      }
      double z = 0;
      for (int j = 0; j < nf; j++) {
        z += w[j] * x[i + shift - j];
      }
      out[i] = z;
    }
    return out;
  }

  /** Mean of the first k values with one refinement pass, as R's {@code mean}. */
  static double mean(double[] v, int k) {
    if (k == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = 0; i < k; i++) {
      s += v[i];
    }
    s /= k;
    if (Double.isFinite(s)) {
      double t = 0;
      for (int i = 0; i < k; i++) {
        t += v[i] - s;
      }
      s += t / k;
    }
    return s;
  }
}
