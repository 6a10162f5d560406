// Over 400 lines on purpose: a routine-by-routine port of the netlib stl Fortran that R's stl runs
// (stlstp = innerLoop, stlss = cycleSubseries, stlfts/stlma = lowPassAverages/movingAverage,
// stless/stlest = loess/estimate, stlrwt = robustnessWeights). The routines share the Work arrays
// and the Fortran's 1-based offsets; in one file each can be checked against its original.
package dev.signalcheck.core.profile;

import java.util.Arrays;

/**
 * Seasonal-trend decomposition by loess, as R {@code stats::stl} (Cleveland, Cleveland, McRae and
 * Terpenning 1990, the algorithm of the netlib {@code stl} Fortran that R ships).
 *
 * <p>{@code y = S + T + R}. Each inner pass (1) detrends, (2) smooths every cycle-subseries with a
 * loess of span {@code sWindow} and degree {@code sDegree}, extended one period at both ends, (3)
 * low-pass filters that with moving averages of lengths m, m, 3 and a loess of span {@code
 * lWindow}, (4) takes {@code S} = smoothed cycle-subseries minus low-pass, and (5) smooths {@code y
 * - S} with a loess of span {@code tWindow} and degree {@code tDegree} to get {@code T}. Loess fits
 * are computed every {@code jump} points and linearly interpolated between. Robust fits ({@code
 * outer > 0}) reweight by Tukey's bisquare of {@code |R| / (6 · median |R|)}.
 *
 * <p>R's defaults, reproduced by {@link #defaults(int, int)}: {@code sDegree = 0}, {@code tDegree =
 * 1}, {@code lWindow = nextodd(m)}, {@code lDegree = tDegree}, {@code tWindow = nextodd(ceiling(1.5
 * m / (1 - 1.5/sWindow)))}, every jump {@code ceiling(window/10)}, {@code inner = 2}, {@code outer
 * = 0} (or {@code inner = 1}, {@code outer = 15} when robust). Windows below 3 become 3 and even
 * windows are made odd.
 */
public final class Stl {
  private Stl() {}

  /**
   * Settings of one decomposition; see R's {@code stl} for their meaning.
   *
   * @param period seasonal period m ≥ 2
   * @param sWindow span (in cycles) of the seasonal loess
   * @param sDegree degree (0 or 1) of the seasonal loess
   * @param tWindow span of the trend loess
   * @param tDegree degree (0 or 1) of the trend loess
   * @param lWindow span of the low-pass loess
   * @param lDegree degree (0 or 1) of the low-pass loess
   * @param sJump seasonal loess evaluated every sJump points
   * @param tJump trend loess evaluated every tJump points
   * @param lJump low-pass loess evaluated every lJump points
   * @param inner inner (backfitting) passes
   * @param outer robustness iterations
   */
  public record Settings(
      int period,
      int sWindow,
      int sDegree,
      int tWindow,
      int tDegree,
      int lWindow,
      int lDegree,
      int sJump,
      int tJump,
      int lJump,
      int inner,
      int outer) {

    /** The same settings with a robust fit ({@code inner = 1}, {@code outer = 15}) or not. */
    public Settings robust(boolean robust) {
      return new Settings(
          period,
          sWindow,
          sDegree,
          tWindow,
          tDegree,
          lWindow,
          lDegree,
          sJump,
          tJump,
          lJump,
          robust ? 1 : 2,
          robust ? 15 : 0);
    }
  }

  /**
   * A decomposition {@code y = seasonal + trend + remainder}.
   *
   * @param seasonal seasonal component
   * @param trend trend-cycle component
   * @param remainder {@code y - seasonal - trend}
   * @param weights final robustness weights (all 1 when not robust)
   */
  public record Decomposition(
      double[] seasonal, double[] trend, double[] remainder, double[] weights) {}

  /** R's {@code stl(x, s.window)} defaults for period m. */
  public static Settings defaults(int period, int sWindow) {
    return defaults(period, sWindow, 0, null, 1);
  }

  /**
   * R's defaults for the windows and jumps not given.
   *
   * @param tWindow trend span, or null for R's default
   */
  public static Settings defaults(
      int period, int sWindow, int sDegree, Integer tWindow, int tDegree) {
    int t = tWindow != null ? tWindow : nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / sWindow)));
    int l = nextOdd(period);
    return new Settings(
        period,
        sWindow,
        sDegree,
        t,
        tDegree,
        l,
        tDegree,
        ceilTenth(sWindow),
        ceilTenth(t),
        ceilTenth(l),
        2,
        0);
  }

  private static int ceilTenth(int window) {
    return (int) Math.ceil(window / 10.0);
  }

  /** R's {@code nextodd}: round half to even, then add one if even. */
  static int nextOdd(double x) {
    long r = (long) Math.rint(x);
    if (r % 2 == 0) {
      r++;
    }
    return (int) r;
  }

  /**
   * Decomposes {@code y}.
   *
   * @throws IllegalArgumentException unless {@code period >= 2} and {@code n > 2·period}, as R
   */
  public static Decomposition decompose(double[] y, Settings s) {
    int n = y.length;
    int np = s.period();
    if (np < 2 || n <= 2 * np) {
      throw new IllegalArgumentException("series is not periodic or has less than two periods");
    }
    int ns = oddAtLeast3(s.sWindow());
    int nt = oddAtLeast3(s.tWindow());
    int nl = oddAtLeast3(s.lWindow());
    double[] season = new double[n];
    double[] trend = new double[n];
    double[] rw = new double[n];
    Work w = new Work(n, np);
    boolean userw = false;
    for (int k = 0; ; k++) {
      innerLoop(y, n, np, ns, nt, nl, s, userw, rw, season, trend, w);
      if (k + 1 > s.outer()) {
        break;
      }
      double[] fit = w.a;
      for (int i = 0; i < n; i++) {
        fit[i] = trend[i] + season[i];
      }
      robustnessWeights(y, n, fit, rw);
      userw = true;
    }
    if (s.outer() <= 0) {
      Arrays.fill(rw, 1.0);
    }
    double[] remainder = new double[n];
    for (int i = 0; i < n; i++) {
      remainder[i] = y[i] - season[i] - trend[i];
    }
    return new Decomposition(season, trend, remainder, rw);
  }

  private static int oddAtLeast3(int w) {
    int v = Math.max(3, w);
    return v % 2 == 0 ? v + 1 : v;
  }

  /** Scratch arrays of length n + 2·period, reused across passes. */
  private static final class Work {
    final double[] a;
    final double[] b;
    final double[] c;
    final double[] d;
    final double[] e;

    /** Tricube weights of the last window of each smoother (cycle subseries, low pass, trend). */
    final Kernel sub = new Kernel();

    final Kernel low = new Kernel();
    final Kernel trend = new Kernel();

    Work(int n, int np) {
      int len = n + 2 * np;
      a = new double[len];
      b = new double[len];
      c = new double[len];
      d = new double[len];
      e = new double[len];
    }
  }

  private static void innerLoop(
      double[] y,
      int n,
      int np,
      int ns,
      int nt,
      int nl,
      Settings s,
      boolean userw,
      double[] rw,
      double[] season,
      double[] trend,
      Work w) {
    for (int pass = 0; pass < s.inner(); pass++) {
      for (int i = 0; i < n; i++) {
        w.a[i] = y[i] - trend[i];
      }
      // cycle-subseries smoothing into w.b (length n + 2np)
      cycleSubseries(
          w.a, n, np, ns, s.sDegree(), s.sJump(), userw, rw, w.b, w.c, w.d, w.e, season, w.sub);
      // low-pass filter of w.b: MA(np), MA(np), MA(3) into w.c (length n), then loess into w.a
      lowPassAverages(w.b, n + 2 * np, np, w.c, w.a);
      loess(w.c, n, nl, s.lDegree(), s.lJump(), false, w.d, w.a, 0, w.e, w.low);
      for (int i = 0; i < n; i++) {
        season[i] = w.b[np + i] - w.a[i];
      }
      for (int i = 0; i < n; i++) {
        w.a[i] = y[i] - season[i];
      }
      loess(w.a, n, nt, s.tDegree(), s.tJump(), userw, rw, trend, 0, w.c, w.trend);
    }
  }

  /**
   * Smooths each of the np cycle-subseries with a loess and extrapolates one cycle at each end; the
   * result (length n + 2np) goes to {@code out}.
   */
  private static void cycleSubseries(
      double[] y,
      int n,
      int np,
      int ns,
      int isdeg,
      int nsjump,
      boolean userw,
      double[] rw,
      double[] out,
      double[] sub,
      double[] subW,
      double[] scratch,
      double[] fitted,
      Kernel kernel) {
    for (int j = 0; j < np; j++) {
      int k = (n - 1 - j) / np + 1;
      for (int i = 0; i < k; i++) {
        sub[i] = y[i * np + j];
      }
      if (userw) {
        for (int i = 0; i < k; i++) {
          subW[i] = rw[i * np + j];
        }
      }
      // fitted[1..k] holds the smoothed subseries, fitted[0] and fitted[k+1] the extrapolations
      loess(sub, k, ns, isdeg, nsjump, userw, subW, fitted, 1, scratch, kernel);
      int nright = Math.min(ns, k);
      double v = estimate(sub, k, ns, isdeg, 0, 1, nright, scratch, userw, subW, kernel);
      fitted[0] = Double.isNaN(v) ? fitted[1] : v;
      int nleft = Math.max(1, k - ns + 1);
      v = estimate(sub, k, ns, isdeg, k + 1, nleft, k, scratch, userw, subW, kernel);
      fitted[k + 1] = Double.isNaN(v) ? fitted[k] : v;
      for (int m = 0; m < k + 2; m++) {
        out[m * np + j] = fitted[m];
      }
    }
  }

  /**
   * Moving averages of lengths np, np and 3 of {@code x[0..n)}: {@code n - 2np} values into {@code
   * trend}.
   */
  private static void lowPassAverages(double[] x, int n, int np, double[] trend, double[] work) {
    movingAverage(x, n, np, trend);
    movingAverage(trend, n - np + 1, np, work);
    movingAverage(work, n - 2 * np + 2, 3, trend);
  }

  private static void movingAverage(double[] x, int n, int len, double[] ave) {
    int newn = n - len + 1;
    double flen = len;
    double v = 0;
    for (int i = 0; i < len; i++) {
      v += x[i];
    }
    ave[0] = v / flen;
    for (int j = 1, k = len, m = 0; j < newn; j++, k++, m++) {
      v = v - x[m] + x[k];
      ave[j] = v / flen;
    }
  }

  /**
   * Loess smooth of {@code y[0..n)} at every point, evaluated every {@code njump} points and
   * linearly interpolated; results go to {@code ys[off .. off+n)}. R's {@code stless}.
   */
  private static void loess(
      double[] y,
      int n,
      int len,
      int ideg,
      int njump,
      boolean userw,
      double[] rw,
      double[] ys,
      int off,
      double[] res,
      Kernel kernel) {
    if (n < 2) {
      ys[off] = y[0];
      return;
    }
    int newnj = Math.min(njump, n - 1);
    int nleft = 0;
    int nright = 0;
    if (len >= n) {
      nleft = 1;
      nright = n;
      for (int i = 1; i <= n; i += newnj) {
        fitAt(y, n, len, ideg, i, nleft, nright, res, userw, rw, ys, off, kernel);
      }
    } else if (newnj == 1) {
      int nsh = (len + 1) / 2;
      nleft = 1;
      nright = len;
      for (int i = 1; i <= n; i++) {
        if (i > nsh && nright != n) {
          nleft++;
          nright++;
        }
        fitAt(y, n, len, ideg, i, nleft, nright, res, userw, rw, ys, off, kernel);
      }
    } else {
      int nsh = (len + 1) / 2;
      for (int i = 1; i <= n; i += newnj) {
        if (i < nsh) {
          nleft = 1;
          nright = len;
        } else if (i >= n - nsh + 1) {
          nleft = n - len + 1;
          nright = n;
        } else {
          nleft = i - nsh + 1;
          nright = len + i - nsh;
        }
        fitAt(y, n, len, ideg, i, nleft, nright, res, userw, rw, ys, off, kernel);
      }
    }
    if (newnj != 1) {
      for (int i = 1; i <= n - newnj; i += newnj) {
        double delta = (ys[off + i + newnj - 1] - ys[off + i - 1]) / newnj;
        for (int j = i + 1; j <= i + newnj - 1; j++) {
          ys[off + j - 1] = ys[off + i - 1] + delta * (j - i);
        }
      }
      int k = ((n - 1) / newnj) * newnj + 1;
      if (k != n) {
        fitAt(y, n, len, ideg, n, nleft, nright, res, userw, rw, ys, off, kernel);
        if (k != n - 1) {
          double delta = (ys[off + n - 1] - ys[off + k - 1]) / (n - k);
          for (int j = k + 1; j <= n - 1; j++) {
            ys[off + j - 1] = ys[off + k - 1] + delta * (j - k);
          }
        }
      }
    }
  }

  /** One loess estimate at 1-based position i; falls back to y(i) when all weights vanish. */
  private static void fitAt(
      double[] y,
      int n,
      int len,
      int ideg,
      int i,
      int nleft,
      int nright,
      double[] w,
      boolean userw,
      double[] rw,
      double[] ys,
      int off,
      Kernel kernel) {
    double v = estimate(y, n, len, ideg, i, nleft, nright, w, userw, rw, kernel);
    ys[off + i - 1] = Double.isNaN(v) ? y[i - 1] : v;
  }

  /**
   * The tricube weights of one window, kept for the next estimate: they depend only on the window's
   * extent around the abscissa and its half width, which are the same for every interior point of a
   * smoother. The weights and their sum are computed exactly as R's {@code stlest} computes them,
   * so reusing them changes nothing.
   */
  static final class Kernel {
    private double[] tri = new double[0];
    private double left = Double.NaN;
    private double right = Double.NaN;
    private double half = Double.NaN;

    /** Σ of the weights (before any robustness weights), in R's order of summation. */
    double sum;

    /** The weights at nleft … nright (index 0 at nleft); zero outside the window's 0.999·h. */
    double[] weights(double xs, int nleft, int nright, double h) {
      double dl = xs - nleft;
      double dr = nright - xs;
      if (dl == left && dr == right && h == half) {
        return tri;
      }
      int size = nright - nleft + 1;
      if (tri.length < size) {
        tri = new double[Math.max(size, 2 * tri.length)];
      }
      double h9 = 0.999 * h;
      double h1 = 0.001 * h;
      double a = 0;
      for (int j = nleft; j <= nright; j++) {
        double r = Math.abs(j - xs);
        double wj;
        if (r <= h9) {
          if (r <= h1) {
            wj = 1.0;
          } else {
            double q = r / h;
            double t = 1.0 - q * q * q;
            wj = t * t * t;
          }
          a += wj;
        } else {
          wj = 0.0;
        }
        tri[j - nleft] = wj;
      }
      sum = a;
      left = dl;
      right = dr;
      half = h;
      return tri;
    }
  }

  /**
   * Local (degree 0 or 1) tricube-weighted fit at abscissa {@code xs} (1-based positions) using
   * points {@code nleft..nright}; NaN when every weight is zero. R's {@code stlest}.
   */
  private static double estimate(
      double[] y,
      int n,
      int len,
      int ideg,
      double xs,
      int nleft,
      int nright,
      double[] w,
      boolean userw,
      double[] rw,
      Kernel kernel) {
    double range = n - 1.0;
    double h = Math.max(xs - nleft, nright - xs);
    if (len > n) {
      h += (len - n) / 2;
    }
    double[] tri = kernel.weights(xs, nleft, nright, h);
    double a;
    if (userw) {
      a = 0;
      for (int j = nleft; j <= nright; j++) {
        double t = tri[j - nleft];
        double wj;
        if (t > 0) {
          wj = rw[j - 1] * t;
          a += wj;
        } else {
          wj = 0.0;
        }
        w[j - 1] = wj;
      }
    } else {
      System.arraycopy(tri, 0, w, nleft - 1, nright - nleft + 1);
      a = kernel.sum;
    }
    if (a <= 0) {
      return Double.NaN;
    }
    for (int j = nleft; j <= nright; j++) {
      w[j - 1] /= a;
    }
    if (h > 0 && ideg > 0) {
      a = 0;
      for (int j = nleft; j <= nright; j++) {
        a += w[j - 1] * j;
      }
      double b = xs - a;
      double c = 0;
      for (int j = nleft; j <= nright; j++) {
        double d = j - a;
        c += w[j - 1] * d * d;
      }
      if (Math.sqrt(c) > 0.001 * range) {
        b /= c;
        for (int j = nleft; j <= nright; j++) {
          w[j - 1] *= b * (j - a) + 1.0;
        }
      }
    }
    double ys = 0;
    for (int j = nleft; j <= nright; j++) {
      ys += w[j - 1] * y[j - 1];
    }
    return ys;
  }

  /**
   * Bisquare robustness weights from {@code |y - fit|} relative to 6 × their "median". As in R, the
   * median is read after R's partial sort with the two middle positions requested in decreasing
   * order; for even n that partial sort does not always place the lower middle order statistic, and
   * R's weights (which this reproduces) then differ slightly from those of the exact median.
   */
  private static void robustnessWeights(double[] y, int n, double[] fit, double[] rw) {
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) {
      abs[i] = Math.abs(y[i] - fit[i]);
    }
    double[] part = abs.clone();
    int mid1 = n / 2 + 1;
    int mid2 = n - mid1 + 1;
    PartialSort.select(part, n, new int[] {mid1, mid2});
    double cmad = 3.0 * (part[mid1 - 1] + part[mid2 - 1]);
    double c9 = 0.999 * cmad;
    double c1 = 0.001 * cmad;
    for (int i = 0; i < n; i++) {
      double r = abs[i];
      if (r <= c1) {
        rw[i] = 1.0;
      } else if (r <= c9) {
        double u = r / cmad;
        double t = 1.0 - u * u;
        rw[i] = t * t;
      } else {
        rw[i] = 0.0;
      }
    }
  }
}
