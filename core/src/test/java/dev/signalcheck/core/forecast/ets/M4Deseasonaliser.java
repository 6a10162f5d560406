package dev.signalcheck.core.forecast.ets;

/**
 * Test helper: the M4 organisers' seasonal adjustment (90% autocorrelation test at lag m, classical
 * multiplicative decomposition), to feed the non-seasonal forecasters as the benchmark protocol
 * does.
 */
final class M4Deseasonaliser {

  final double[] adjusted;
  final double[] futureIndices;
  final boolean seasonal;

  M4Deseasonaliser(double[] x, int m, int h) {
    seasonal = isSeasonal(x, m);
    futureIndices = new double[h];
    java.util.Arrays.fill(futureIndices, 1.0);
    if (seasonal) {
      double[] s = dev.signalcheck.core.forecast.ClassicalDecomposition.of(x, m, true).seasonal();
      adjusted = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        adjusted[i] = x[i] / s[i];
      }
      for (int i = 0; i < h; i++) {
        futureIndices[i] = s[x.length - m + (i % m)];
      }
    } else {
      adjusted = x.clone();
    }
  }

  double[] reseasonalise(double[] f) {
    double[] out = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = f[i] * futureIndices[i];
    }
    return out;
  }

  static boolean isSeasonal(double[] x, int m) {
    int n = x.length;
    if (m <= 1 || n < 3 * m) {
      return false;
    }
    double mean = dev.signalcheck.core.forecast.Autocorrelation.mean(x, 0, n);
    double c0 = 0;
    for (double v : x) {
      c0 += (v - mean) * (v - mean);
    }
    double sumsq = 0;
    double rm = 0;
    for (int k = 1; k <= m; k++) {
      double ck = 0;
      for (int t = 0; t + k < n; t++) {
        ck += (x[t] - mean) * (x[t + k] - mean);
      }
      double r = ck / c0;
      if (k < m) {
        sumsq += r * r;
      } else {
        rm = r;
      }
    }
    double limit = 1.645 / Math.sqrt(n) * Math.sqrt(1 + 2 * sumsq);
    return Math.abs(rm) > limit;
  }
}
