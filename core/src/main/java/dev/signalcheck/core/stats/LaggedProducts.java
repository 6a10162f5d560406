package dev.signalcheck.core.stats;

import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

/**
 * Sums of lagged products s(k) = Σ_t d[t]·d[t+k], k = 0 … lags, the core of every autocovariance.
 * Direct summation (R's order of operations, so results match R's {@code acf} to the last bits)
 * while n·(lags+1) is at most {@link #DIRECT_LIMIT}; beyond that, through the FFT (Wiener–Khinchin,
 * zero-padded to avoid wrap-around) in O(n log n), with a relative error of order 1e-13 — so a
 * million-point series with a daily season of 17,280 steps costs milliseconds, not minutes.
 */
public final class LaggedProducts {
  private LaggedProducts() {}

  /** Work (multiply-adds) above which the FFT is used. */
  public static final long DIRECT_LIMIT = 20_000_000L;

  /**
   * @param d the (already centred) data
   * @param lags the largest lag, cut to {@code d.length - 1}
   */
  public static double[] of(double[] d, int lags) {
    int n = d.length;
    int last = Math.min(Math.max(lags, 0), n - 1);
    if ((long) n * (last + 1) <= DIRECT_LIMIT) {
      double[] s = new double[last + 1];
      for (int k = 0; k <= last; k++) {
        double acc = 0;
        for (int t = 0; t + k < n; t++) {
          acc += d[t] * d[t + k];
        }
        s[k] = acc;
      }
      return s;
    }
    return viaFft(d, last);
  }

  static double[] viaFft(double[] d, int last) {
    int n = d.length;
    int size = Integer.highestOneBit(Math.max(1, 2 * n - 1));
    if (size < 2 * n - 1) {
      size <<= 1;
    }
    double[] re = new double[size];
    double[] im = new double[size];
    System.arraycopy(d, 0, re, 0, n);
    double[][] data = {re, im};
    FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
    for (int i = 0; i < size; i++) {
      double a = re[i];
      double b = im[i];
      re[i] = a * a + b * b;
      im[i] = 0;
    }
    FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.INVERSE);
    double[] s = new double[last + 1];
    System.arraycopy(re, 0, s, 0, last + 1);
    return s;
  }
}
