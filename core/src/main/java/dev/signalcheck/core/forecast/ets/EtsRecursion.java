package dev.signalcheck.core.forecast.ets;

/**
 * The ETS filtering recursion (one-step forecasts, errors and state updates) for one series, with
 * the state laid out as forecast's {@code etscalc}: level, growth, then m seasonal states, newest
 * first. The state updates do not depend on the error type; only the errors and the likelihood do.
 *
 * <p>An instance holds preallocated work space and is not thread-safe; one fit owns one instance.
 * The evaluation loops allocate nothing.
 */
final class EtsRecursion {

  private static final double TOL = 1.0e-10;
  private static final double HUGEN = 1.0e10;
  private static final long SIGN = 0x8000000000000000L;
  private static final long MANTISSA = 0x000fffffffffffffL;
  private static final long ONE = 0x3ff0000000000000L;
  private static final double LN2 = Math.log(2);

  /**
   * Mantissas (each in [1, 2)) multiplied before one log: their product stays below 2^LOG_BLOCK.
   */
  private static final int LOG_BLOCK = 32;

  private final double[] y;
  private final int n;
  private final int m;
  private final boolean multError;
  private final boolean trend;
  private final int season; // 0 none, 1 additive, 2 multiplicative
  private final double[] ring;

  // Results of the last run.
  /** Sum of squared errors (relative errors for multiplicative error). */
  double sse;

  /** Sum of log |one-step forecast| (multiplicative error only). */
  double sumLogF;

  /** Sum of squared one-step differences y - f. */
  double ssd;

  /** Final level, growth and seasonal states (newest first). */
  double level;

  double growth;

  /** Position in the ring of the oldest seasonal state after the last run. */
  private int ringPos;

  /** The sum of squared errors at which the current run may stop (see the run with a stop). */
  private double sseStop = Double.POSITIVE_INFINITY;

  EtsRecursion(double[] y, int m, EtsSpec spec) {
    this.y = y;
    this.n = y.length;
    this.multError = spec.error() == EtsSpec.ErrorType.MULTIPLICATIVE;
    this.trend = spec.hasTrend();
    this.season =
        switch (spec.season()) {
          case NONE -> 0;
          case ADDITIVE -> 1;
          case MULTIPLICATIVE -> 2;
        };
    this.m = season == 0 ? 1 : m;
    this.ring = new double[this.m];
  }

  int n() {
    return n;
  }

  /**
   * The likelihood criterion of forecast's {@code etscalc}: n·log(Σe²), plus 2·Σlog|f| for
   * multiplicative errors.
   */
  double lik() {
    double lik = n * Math.log(sse);
    if (multError) {
      lik += 2 * sumLogF;
    }
    return lik;
  }

  /**
   * Runs the recursion from the initial state {@code l0, b0, s[0..m-1]} (seasonal states newest
   * first, all m of them).
   *
   * @param resid when not null, receives the errors e_t
   */
  void run(
      double alpha,
      double beta,
      double gamma,
      double phi,
      double l0,
      double b0,
      double[] s0,
      double[] resid) {
    run(alpha, beta, gamma, phi, l0, b0, s0, resid, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #run} that may stop as soon as the sum of squared errors reaches {@code sseStop} (for
   * additive errors without residuals, level-only, trend and additive seasonal forms; other forms
   * run to the end): {@link #sse} is then the partial sum, at least {@code sseStop} and at most the
   * full sum, and the final states are not meaningful. The sum of nonnegative terms only grows, so
   * the full sum is at least as large.
   */
  void run(
      double alpha,
      double beta,
      double gamma,
      double phi,
      double l0,
      double b0,
      double[] s0,
      double[] resid,
      double sseStop) {
    this.sseStop = sseStop;
    if (season == 0) {
      if (trend) {
        runTrend(alpha, beta, phi, l0, b0, resid);
      } else {
        runLevel(alpha, l0, resid);
      }
    } else {
      for (int k = 0; k < m; k++) {
        ring[k] = s0[m - 1 - k];
      }
      if (!multError && season == 1 && resid == null) {
        runAdditiveSeasonal(alpha, beta, gamma, phi, l0, trend ? b0 : 0.0);
      } else {
        runSeasonal(alpha, beta, gamma, phi, l0, trend ? b0 : 0.0, resid);
      }
      // ring[p] is the oldest after the run (finalSeason() reads them newest first)
    }
  }

  private void runLevel(double alpha, double l0, double[] resid) {
    final double[] y = this.y;
    double l = l0;
    double sse = 0;
    double slog = 0;
    if (multError) {
      double ssd = 0;
      for (int i = 0; i < n; i++) {
        final double f = l;
        final double d = y[i] - f;
        final double e = d / f;
        slog += Math.log(Math.abs(f));
        sse += e * e;
        ssd += d * d;
        if (resid != null) {
          resid[i] = e;
        }
        l = Math.fma(alpha, d, f);
      }
      this.ssd = ssd;
    } else if (resid == null) {
      // The hot loop of the optimiser. The level update l + α(y − l) is written in its
      // algebraically equal form (1 − α)l + αy, one fused multiply-add from the old level, so the
      // loop's dependency chain is that one operation per step (the error and the test of the stop
      // are off it); the results differ from the longer form only by rounding.
      final double oma = 1 - alpha;
      final double stop = sseStop;
      for (int i = 0; i < n; i++) {
        final double yi = y[i];
        final double e = yi - l;
        sse += e * e;
        l = Math.fma(oma, l, alpha * yi);
        if (sse >= stop) {
          break;
        }
      }
      this.ssd = sse;
    } else {
      final double oma = 1 - alpha;
      for (int i = 0; i < n; i++) {
        final double yi = y[i];
        final double e = yi - l;
        sse += e * e;
        resid[i] = e;
        l = Math.fma(oma, l, alpha * yi);
      }
      this.ssd = sse;
    }
    this.sse = sse;
    this.sumLogF = slog;
    this.level = l;
    this.growth = 0;
  }

  /*
   * With q = l + φb the one-step forecast, forecast's etscalc updates l' = q + α(y − q) and b' = φb
   * + (β/α)(l' − l − φb) = φb + β(y − q). Both are written here in their algebraically equal forms
   * l' = (1 − α)l + (1 − α)φ·b + αy and b' = φ(1 − β)·b − β·l + βy: each new state is one fused
   * multiply-add from each old one, so the loop's dependency chain is two fused multiply-adds per
   * step instead of four or five; q and the error are off the chain. The results differ from the
   * longer forms only by rounding.
   */
  private void runTrend(
      double alpha, double beta, double phi, double l0, double b0, double[] resid) {
    final double[] y = this.y;
    final double oma = 1 - alpha;
    final double omaPhi = oma * phi;
    final double phiOmb = phi * (1 - beta);
    final double negBeta = -beta;
    double l = l0;
    double b = b0;
    double sse = 0;
    double slog = 0;
    if (multError) {
      double ssd = 0;
      for (int i = 0; i < n; i++) {
        final double yi = y[i];
        final double q = l + phi * b;
        final double d = yi - q;
        final double e = d / q;
        slog += Math.log(Math.abs(q));
        sse += e * e;
        ssd += d * d;
        if (resid != null) {
          resid[i] = e;
        }
        final double ln = Math.fma(oma, l, Math.fma(omaPhi, b, alpha * yi));
        b = Math.fma(phiOmb, b, Math.fma(negBeta, l, beta * yi));
        l = ln;
      }
      this.ssd = ssd;
    } else if (resid == null) {
      final double stop = sseStop;
      for (int i = 0; i < n; i++) {
        final double yi = y[i];
        final double e = yi - (l + phi * b);
        sse += e * e;
        final double ln = Math.fma(oma, l, Math.fma(omaPhi, b, alpha * yi));
        b = Math.fma(phiOmb, b, Math.fma(negBeta, l, beta * yi));
        l = ln;
        if (sse >= stop) {
          break;
        }
      }
      this.ssd = sse;
    } else {
      for (int i = 0; i < n; i++) {
        final double yi = y[i];
        final double e = yi - (l + phi * b);
        sse += e * e;
        resid[i] = e;
        final double ln = Math.fma(oma, l, Math.fma(omaPhi, b, alpha * yi));
        b = Math.fma(phiOmb, b, Math.fma(negBeta, l, beta * yi));
        l = ln;
      }
      this.ssd = sse;
    }
    this.sse = sse;
    this.sumLogF = slog;
    this.level = l;
    this.growth = b;
  }

  /*
   * The level update q + α(p − q) of forecast's etscalc (q = l + φb) is written in its
   * algebraically equal form (1 − α)l + (1 − α)φ·b + αp, and the growth update φb + (β/α)(l_new −
   * q) = φb + β(p − q) as φ(1 − β)·b − β·l + βp, so that each new state is one fused multiply-add
   * from each old one (as in runTrend); with multiplicative errors, Σ log|f| is summed as exponents
   * plus one log per LOG_BLOCK mantissas. The results differ from the longer forms only by rounding
   * (the R parity tests hold at their tolerances).
   */
  private void runSeasonal(
      double alpha, double beta, double gamma, double phi, double l0, double b0, double[] resid) {
    final double[] y = this.y;
    final double[] ring = this.ring;
    final boolean mult = multError;
    final boolean hasTrend = trend;
    final boolean multSeason = season == 2;
    final int m = this.m;
    final double oma = 1 - alpha;
    final double omaPhi = oma * phi;
    final double phiOmb = phi * (1 - beta);
    final double negBeta = -beta;
    double prod = 1;
    long exps = 0;
    int inBlock = 0;
    double l = l0;
    double b = b0;
    double sse = 0;
    double ssd = 0;
    double slog = 0;
    int p = 0;
    for (int i = 0; i < n; i++) {
      final double sold = ring[p];
      final double q = hasTrend ? l + phi * b : l;
      final double f = multSeason ? q * sold : q + sold;
      final double yi = y[i];
      final double d = yi - f;
      final double e;
      if (mult) {
        e = d / f;
        // Σ log|f| as the exponents' sum plus the log of the mantissas' product, one log per
        // LOG_BLOCK steps instead of one per step (a log costs more than the rest of the step)
        final long bits = Double.doubleToRawLongBits(f) & ~SIGN;
        final int ex = (int) (bits >>> 52);
        if (ex == 0 || ex == 0x7ff) {
          slog += Math.log(Math.abs(f)); // zero, subnormal, infinite or NaN: as it is
        } else {
          exps += ex - 1023;
          prod *= Double.longBitsToDouble((bits & MANTISSA) | ONE);
          if (++inBlock == LOG_BLOCK) {
            slog += Math.log(prod);
            prod = 1;
            inBlock = 0;
          }
        }
      } else {
        e = d;
      }
      sse += e * e;
      ssd += d * d;
      if (resid != null) {
        resid[i] = e;
      }
      final double pp;
      final double snew;
      if (multSeason) {
        pp = Math.abs(sold) < TOL ? HUGEN : yi / sold;
        final double t = Math.abs(q) < TOL ? HUGEN : yi / q;
        snew = sold + gamma * (t - sold);
      } else {
        pp = yi - sold;
        snew = sold + gamma * (yi - q - sold);
      }
      if (hasTrend) {
        final double ln = Math.fma(oma, l, Math.fma(omaPhi, b, alpha * pp));
        b = Math.fma(phiOmb, b, Math.fma(negBeta, l, beta * pp));
        l = ln;
      } else {
        l = Math.fma(oma, l, alpha * pp);
      }
      ring[p] = snew;
      if (++p == m) {
        p = 0;
      }
    }
    this.sse = sse;
    this.ssd = ssd;
    this.sumLogF = mult ? slog + Math.log(prod) + exps * LN2 : slog;
    this.level = l;
    this.growth = hasTrend ? b : 0;
    this.ringPos = p;
  }

  /*
   * runSeasonal for additive errors and season without residuals (the optimiser's evaluations of
   * ANA, AAA and AAdA): no per-step tests of the form, the error computed once (e = y − f is also
   * the squared difference's term); it may stop at the end of a season once the sum of squares has
   * reached the run's stop.
   */
  private void runAdditiveSeasonal(
      double alpha, double beta, double gamma, double phi, double l0, double b0) {
    final double[] y = this.y;
    final double[] ring = this.ring;
    final boolean hasTrend = trend;
    final int m = this.m;
    final double oma = 1 - alpha;
    final double omaPhi = oma * phi;
    final double phiOmb = phi * (1 - beta);
    final double negBeta = -beta;
    final double stop = sseStop;
    double l = l0;
    double b = b0;
    double sse = 0;
    int p = 0;
    for (int i = 0; i < n; i++) {
      final double sold = ring[p];
      final double yi = y[i];
      final double pp = yi - sold;
      final double q = hasTrend ? l + phi * b : l;
      final double e = yi - (q + sold);
      if (hasTrend) {
        final double ln = Math.fma(oma, l, Math.fma(omaPhi, b, alpha * pp));
        b = Math.fma(phiOmb, b, Math.fma(negBeta, l, beta * pp));
        l = ln;
      } else {
        l = Math.fma(oma, l, alpha * pp);
      }
      sse += e * e;
      ring[p] = sold + gamma * (yi - q - sold);
      if (++p == m) {
        p = 0;
        if (sse >= stop) {
          break;
        }
      }
    }
    this.sse = sse;
    this.ssd = sse;
    this.sumLogF = 0;
    this.level = l;
    this.growth = hasTrend ? b : 0;
    this.ringPos = p;
  }

  /**
   * The final seasonal states of the last run, newest first (empty without season); built on
   * demand, since the optimiser's evaluations need only the criterion.
   */
  double[] finalSeason() {
    if (season == 0) {
      return new double[0];
    }
    double[] out = new double[m];
    // newest is at ringPos-1, then ringPos-2, ...
    for (int j = 0; j < m; j++) {
      int k = ringPos - 1 - j;
      while (k < 0) {
        k += m;
      }
      out[j] = ring[k];
    }
    return out;
  }

  /**
   * Point forecasts from a state as forecast's {@code etsforecast}: level plus the damped sum of
   * growth, combined with the seasonal state of the same position.
   */
  static double[] forecast(
      double l, double b, double[] s, int m, boolean trend, int season, double phi, int h) {
    double[] f = new double[h];
    double phistar = phi;
    for (int i = 0; i < h; i++) {
      f[i] = trend ? l + phistar * b : l;
      if (season != 0) {
        int j = m - 1 - i;
        while (j < 0) {
          j += m;
        }
        f[i] = season == 1 ? f[i] + s[j] : f[i] * s[j];
      }
      if (i < h - 1) {
        if (Math.abs(phi - 1.0) < TOL) {
          phistar = phistar + 1.0;
        } else {
          phistar = phistar + Math.pow(phi, i + 2);
        }
      }
    }
    return f;
  }
}
