package dev.signalcheck.core.profile;

/**
 * Friedman's (1984) super smoother, as R {@code stats::supsmu(x, y, span = "cv", bass = 0)}.
 *
 * <p>Three running-line smoothers (spans 0.05, 0.2, 0.5 of n: "tweeter", "midrange", "woofer") are
 * fitted by updating formulas; each one's leave-one-out absolute residuals {@code |y_j - ŝ_j| / (1
 * - w_j h_jj)} are smoothed with the midrange span, the span with the smallest smoothed residual is
 * picked per point, the picked spans are smoothed (midrange) and clamped to [0.05, 0.5], the three
 * smooths are interpolated at that span, and the result is smoothed once more with the tweeter
 * span. Near-zero slopes are suppressed below {@code (0.001 · IQR-ish scale of x)²}. Points with
 * equal x get the weighted mean of their smooths. The span constants are single-precision values
 * widened to double, as in R's Fortran.
 *
 * <p>O(n) per smoother after sorting; every intermediate array is allocated once per call.
 */
public final class SuperSmoother {
  private static final double[] SPANS = {(double) 0.05f, (double) 0.2f, (double) 0.5f};
  private static final double BIG = (double) 1.0e20f;
  private static final double EPS = (double) 1.0e-3f;

  private SuperSmoother() {}

  /**
   * Smooths y against the positions 1..n, as {@code supsmu(seq_len(n), y)$y}.
   *
   * @param y values, at least 5
   */
  public static double[] smoothIndex(double[] y) {
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    return smooth(x, y);
  }

  /**
   * Smooths y against x with automatic (cross-validated) span and unit weights. Unlike R, which
   * drops the smooth of repeated x values from its output, this returns one value per input point.
   *
   * @param x abscissae in non-decreasing order
   * @param y ordinates, same length, at least 5 values
   */
  public static double[] smooth(double[] x, double[] y) {
    int n = y.length;
    if (x.length != n) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    if (n < 5) {
      throw new IllegalArgumentException("needs at least 5 points, has " + n);
    }
    for (int i = 1; i < n; i++) {
      if (x[i] < x[i - 1]) {
        throw new IllegalArgumentException("x must be sorted");
      }
    }
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    double[] smo = new double[n];
    if (!(x[n - 1] > x[0])) {
      double sy = 0;
      double sw = 0;
      for (int j = 0; j < n; j++) {
        sy += w[j] * y[j];
        sw += w[j];
      }
      java.util.Arrays.fill(smo, sw > 0 ? sy / sw : 0);
      return smo;
    }
    int i = n / 4;
    int j = 3 * i;
    double scale = x[j - 1] - x[i - 1];
    while (!(scale > 0)) {
      if (j < n) {
        j++;
      }
      if (i > 1) {
        i--;
      }
      scale = x[j - 1] - x[i - 1];
    }
    double vsmlsq = (EPS * scale) * (EPS * scale);
    double[][] sc = new double[7][n];
    double[] h = new double[n];
    for (int k = 0; k < 3; k++) {
      running(x, y, w, SPANS[k], true, vsmlsq, sc[2 * k], sc[6]);
      running(x, sc[6], w, SPANS[1], false, vsmlsq, sc[2 * k + 1], h);
    }
    for (int t = 0; t < n; t++) {
      double resmin = BIG;
      for (int k = 0; k < 3; k++) {
        if (sc[2 * k + 1][t] < resmin) {
          resmin = sc[2 * k + 1][t];
          sc[6][t] = SPANS[k];
        }
      }
      // bass = 0: no bass (woofer) enhancement
    }
    running(x, sc[6], w, SPANS[1], false, vsmlsq, sc[1], h);
    for (int t = 0; t < n; t++) {
      if (sc[1][t] <= SPANS[0]) {
        sc[1][t] = SPANS[0];
      }
      if (sc[1][t] >= SPANS[2]) {
        sc[1][t] = SPANS[2];
      }
      double f = sc[1][t] - SPANS[1];
      if (f >= 0) {
        f = f / (SPANS[2] - SPANS[1]);
        sc[3][t] = (1.0 - f) * sc[2][t] + f * sc[4][t];
      } else {
        f = -f / (SPANS[1] - SPANS[0]);
        sc[3][t] = (1.0 - f) * sc[2][t] + f * sc[0][t];
      }
    }
    running(x, sc[3], w, SPANS[0], false, vsmlsq, smo, h);
    return smo;
  }

  /**
   * Running-line smoother with a symmetric window of {@code 2·⌊span·n/2 + 1/2⌋ + 1} points (at
   * least 5), R's Fortran {@code smooth} (non-periodic). When {@code cv}, {@code acvr} receives the
   * leave-one-out absolute residuals.
   */
  private static void running(
      double[] x,
      double[] y,
      double[] w,
      double span,
      boolean cv,
      double vsmlsq,
      double[] smo,
      double[] acvr) {
    int n = y.length;
    double xm = 0;
    double ym = 0;
    double var = 0;
    double cvar = 0;
    double fbw = 0;
    int ibw = (int) (0.5 * span * n + 0.5);
    if (ibw < 2) {
      ibw = 2;
    }
    int it = Math.min(2 * ibw + 1, n);
    for (int i = 0; i < it; i++) {
      double xti = x[i];
      double wt = w[i];
      double fbo = fbw;
      fbw += wt;
      if (fbw > 0) {
        xm = (fbo * xm + wt * xti) / fbw;
        ym = (fbo * ym + wt * y[i]) / fbw;
      }
      double tmp = 0;
      if (fbo > 0) {
        tmp = fbw * wt * (xti - xm) / fbo;
      }
      var += tmp * (xti - xm);
      cvar += tmp * (y[i] - ym);
    }
    for (int j = 0; j < n; j++) {
      int out = j - ibw - 1;
      int in = j + ibw;
      if (out >= 0 && in < n) {
        double xto = x[out];
        double xti = x[in];
        double wt = w[out];
        double fbo = fbw;
        fbw -= wt;
        double tmp = 0;
        if (fbw > 0) {
          tmp = fbo * wt * (xto - xm) / fbw;
        }
        var -= tmp * (xto - xm);
        cvar -= tmp * (y[out] - ym);
        if (fbw > 0) {
          xm = (fbo * xm - wt * xto) / fbw;
          ym = (fbo * ym - wt * y[out]) / fbw;
        }
        wt = w[in];
        fbo = fbw;
        fbw += wt;
        if (fbw > 0) {
          xm = (fbo * xm + wt * xti) / fbw;
          ym = (fbo * ym + wt * y[in]) / fbw;
        }
        tmp = 0;
        if (fbo > 0) {
          tmp = fbw * wt * (xti - xm) / fbo;
        }
        var += tmp * (xti - xm);
        cvar += tmp * (y[in] - ym);
      }
      double a = 0;
      if (var > vsmlsq) {
        a = cvar / var;
      }
      smo[j] = a * (x[j] - xm) + ym;
      if (cv) {
        double hh = 0;
        if (fbw > 0) {
          hh = 1.0 / fbw;
        }
        if (var > vsmlsq) {
          double d = x[j] - xm;
          hh += d * d / var;
        }
        acvr[j] = 0;
        a = 1.0 - w[j] * hh;
        if (a > 0) {
          acvr[j] = Math.abs(y[j] - smo[j]) / a;
        } else if (j > 0) {
          acvr[j] = acvr[j - 1];
        }
      }
    }
    // points with equal x share the weighted mean of their smooths
    int j = 0;
    while (j < n) {
      int j0 = j;
      double sy = smo[j] * w[j];
      double sw = w[j];
      while (j < n - 1 && !(x[j + 1] > x[j])) {
        j++;
        sy += w[j] * smo[j];
        sw += w[j];
      }
      if (j > j0) {
        double a = sw > 0 ? sy / sw : 0;
        for (int i = j0; i <= j; i++) {
          smo[i] = a;
        }
      }
      j++;
    }
  }
}
