package dev.signalcheck.core.covariates;

import dev.signalcheck.core.forecast.ArYuleWalker;

/**
 * Pre-whitened cross-correlation (Box–Jenkins): the target's AR filter (order by AIC, as R's {@code
 * ar()}) is applied to the target and to the covariate, each with its own mean removed, and the
 * filtered series are correlated. Filtering the target leaves its unpredictable part (its
 * innovations); a covariate whose filtered value at t correlates with the target's innovation at t
 * + k carries information about the target k steps ahead that the target's own past does not.
 * Missing values make the filtered values that touch them missing; each lag uses the pairs where
 * both are present.
 */
final class CrossCorrelation {
  private CrossCorrelation() {}

  /**
   * The AR filter 1 − φ_1 B − … − φ_p B^p of the target, or an empty one when it cannot be fitted.
   */
  static double[] filter(double[] y) {
    try {
      return new ArYuleWalker().fit(y, 1).coefficients();
    } catch (RuntimeException e) {
      return new double[0];
    }
  }

  /**
   * The filtered series (mean removed): NaN for the first p values and wherever an input is
   * missing.
   */
  static double[] whiten(double[] v, double[] phi) {
    double s = 0;
    int c = 0;
    for (double d : v) {
      if (Double.isFinite(d)) {
        s += d;
        c++;
      }
    }
    double mean = c == 0 ? 0 : s / c;
    int p = phi.length;
    double[] out = new double[v.length];
    for (int t = 0; t < v.length; t++) {
      if (t < p) {
        out[t] = Double.NaN;
        continue;
      }
      double e = v[t] - mean;
      for (int i = 0; i < p; i++) {
        e -= phi[i] * (v[t - 1 - i] - mean);
      }
      out[t] = e;
    }
    return out;
  }

  /**
   * Element k (0…maxLag) is corr(x̃_t, ỹ_{t+k}): the covariate k steps before the target. (R's
   * {@code ccf(x, y)} reports the same value at lag −k.) NaN where fewer than 10 pairs exist or one
   * side is constant.
   */
  static double[] ccf(double[] xw, double[] yw, int maxLag) {
    double[] r = new double[maxLag + 1];
    for (int k = 0; k <= maxLag; k++) {
      r[k] = corr(xw, yw, k);
    }
    return r;
  }

  /** Pearson correlation of a[t] and b[t + k] over the pairs where both are finite. */
  static double corr(double[] a, double[] b, int k) {
    int n = Math.min(a.length, b.length - k);
    double sa = 0, sb = 0;
    int c = 0;
    for (int t = 0; t < n; t++) {
      if (Double.isFinite(a[t]) && Double.isFinite(b[t + k])) {
        sa += a[t];
        sb += b[t + k];
        c++;
      }
    }
    if (c < 10) {
      return Double.NaN;
    }
    double ma = sa / c, mb = sb / c;
    double sab = 0, saa = 0, sbb = 0;
    for (int t = 0; t < n; t++) {
      if (Double.isFinite(a[t]) && Double.isFinite(b[t + k])) {
        double da = a[t] - ma, db = b[t + k] - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
      }
    }
    if (!(saa > 0) || !(sbb > 0)) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
  }
}
