package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.ModelFailure;

/**
 * Estimation of exponential-smoothing state-space models as R's {@code forecast::ets} (version
 * 8.20) does it: heuristic initial states ({@code initstate}), starting smoothing parameters
 * ({@code initparam}), then smoothing parameters and initial states jointly optimised by R's
 * Nelder–Mead (maximum 2000 evaluations, relative tolerance √ε) under the "usual" and "admissible"
 * bounds, with α, β, γ in [1e-4, 0.9999] and φ in [0.8, 0.98].
 *
 * <p>All methods are stateless and thread-safe.
 */
public final class Ets {

  /** What the optimiser minimises. */
  public enum Criterion {
    /** −2·log-likelihood (forecast's {@code opt.crit = "lik"}, used by {@code ets}). */
    LIK,
    /**
     * Mean squared one-step error ({@code opt.crit = "mse"}, used by {@code ses} and {@code holt}).
     */
    MSE
  }

  static final double[] LOWER = {1e-4, 1e-4, 1e-4, 0.8};
  static final double[] UPPER = {0.9999, 0.9999, 0.9999, 0.98};
  static final int MAXIT = 2000;
  static final double RELTOL = Math.sqrt(Math.ulp(1.0));

  /** forecast's etscalc keeps at most 24 seasonal states. */
  public static final int MAX_PERIOD = 24;

  private Ets() {}

  /**
   * Fits one model form, as {@code forecast::ets(y, model = spec, opt.crit = crit)}.
   *
   * @param m seasonal period (ignored for non-seasonal forms)
   * @throws ModelFailure when the data are too short, not positive for a multiplicative form, or
   *     the optimisation cannot start
   */
  public static EtsFit fit(double[] y, int m, EtsSpec spec, Criterion crit) {
    checkData(y);
    if (spec.seasonal() && (m <= 1 || m > MAX_PERIOD)) {
      throw new ModelFailure(
          m <= 1 ? "seasonal ETS needs a period above 1" : "frequency too high for seasonal ETS");
    }
    int n = y.length;
    int npars = 2 + (spec.hasTrend() ? 2 : 0) + (spec.seasonal() ? m : 0) + (spec.damped() ? 1 : 0);
    if (n <= npars + 4) {
      throw new ModelFailure("too short for " + spec + ": " + n + " values, need " + (npars + 5));
    }
    return estimate(y, m, spec, crit);
  }

  static void checkData(double[] y) {
    if (y.length == 0) {
      throw new ModelFailure("no data");
    }
    for (double v : y) {
      if (!Double.isFinite(v)) {
        throw new ModelFailure("data contain missing or infinite values");
      }
    }
  }

  /** forecast's {@code etsmodel} up to the optimiser: the checks and the starting vector. */
  private static double[] start(double[] y, int mIn, EtsSpec spec) {
    final int n = y.length;
    final boolean trend = spec.hasTrend();
    final boolean damped = spec.damped();
    final boolean seasonal = spec.seasonal();
    final boolean multSeason = spec.season() == EtsSpec.SeasonType.MULTIPLICATIVE;
    final int m = seasonal ? mIn : 1;
    if (spec.needsPositiveData()) {
      for (double v : y) {
        if (v <= 0) {
          throw new ModelFailure("multiplicative " + spec + " needs positive data");
        }
      }
    }
    // Starting smoothing parameters (initparam).
    int nsmooth = 1 + (trend ? 1 : 0) + (seasonal ? 1 : 0) + (damped ? 1 : 0);
    double alpha0 = LOWER[0] + 0.2 * (UPPER[0] - LOWER[0]) / m;
    if (alpha0 > 1 || alpha0 < 0) {
      alpha0 = LOWER[0] + 2e-3;
    }
    double beta0 = 0;
    if (trend) {
      double up = Math.min(UPPER[1], alpha0);
      beta0 = LOWER[1] + 0.1 * (up - LOWER[1]);
      if (beta0 < 0 || beta0 > alpha0) {
        beta0 = alpha0 - 1e-3;
      }
    }
    double gamma0 = 0;
    if (seasonal) {
      double up = Math.min(UPPER[2], 1 - alpha0);
      gamma0 = LOWER[2] + 0.05 * (up - LOWER[2]);
      if (gamma0 < 0 || gamma0 > 1 - alpha0) {
        gamma0 = 1 - alpha0 - 1e-3;
      }
    }
    double phi0 = 1;
    if (damped) {
      phi0 = LOWER[3] + 0.99 * (UPPER[3] - LOWER[3]);
      if (phi0 < 0 || phi0 > 1) {
        phi0 = UPPER[3] - 1e-3;
      }
    }
    double[] work = new double[2 * (m + 2)];
    if (!Admissibility.usual(alpha0, beta0, gamma0, phi0, trend, seasonal, damped, LOWER, UPPER)
        || !Admissibility.admissible(alpha0, beta0, gamma0, phi0, seasonal, m, work)) {
      throw new ModelFailure("starting parameters out of range for " + spec);
    }
    double[] init = EtsInitialState.of(y, m, spec);
    int nstate = init.length;
    int np = nsmooth + nstate;
    if (np >= n - 1) {
      throw new ModelFailure("too short for " + spec + ": " + n + " values");
    }
    double[] start = new double[np];
    int j = 0;
    start[j++] = alpha0;
    if (trend) {
      start[j++] = beta0;
    }
    if (seasonal) {
      start[j++] = gamma0;
    }
    if (damped) {
      start[j++] = phi0;
    }
    System.arraycopy(init, 0, start, j, nstate);
    return start;
  }

  /** forecast's {@code etsmodel}: one form, no short-data fallbacks. */
  static EtsFit estimate(double[] y, int mIn, EtsSpec spec, Criterion crit) {
    double[] start = start(y, mIn, spec);
    return optimise(y, spec.seasonal() ? mIn : 1, spec, crit, start, null, MAXIT, RELTOL);
  }

  /**
   * {@link #estimate} begun and stopped after at most about {@code maxit} evaluations: {@link
   * Begun#finish} then ends exactly where {@link #estimate} would have (the same optimiser run,
   * taken on from where it stopped).
   *
   * @throws ModelFailure as {@link #estimate}
   */
  static Begun begin(double[] y, int mIn, EtsSpec spec, Criterion crit, int maxit) {
    double[] start = start(y, mIn, spec);
    int m = spec.seasonal() ? mIn : 1;
    EtsObjective obj = new EtsObjective(y, m, spec, crit, nsmooth(spec));
    NelderMead.Run run;
    try {
      run = new NelderMead.Run(obj, start, null, Double.NEGATIVE_INFINITY, RELTOL);
    } catch (IllegalStateException e) {
      throw new ModelFailure(spec + ": " + e.getMessage());
    }
    run.advance(maxit);
    return new Begun(y, m, spec, obj, run, start.length);
  }

  /** A fit of one form stopped part way ({@link #begin}). */
  static final class Begun {
    private final double[] y;
    private final int m;
    private final EtsSpec spec;
    private final EtsObjective obj;
    private final NelderMead.Run run;
    private final int np;

    private Begun(double[] y, int m, EtsSpec spec, EtsObjective obj, NelderMead.Run run, int np) {
      this.y = y;
      this.m = m;
      this.spec = spec;
      this.obj = obj;
      this.run = run;
      this.np = np;
    }

    EtsSpec spec() {
      return spec;
    }

    /** Whether the optimiser has already ended by its own rule: finishing changes nothing. */
    boolean ended() {
      return run.finished();
    }

    /** The AICc of the best point so far (as {@link EtsFit#aicc} would give for it). */
    double aiccSoFar() {
      int n = y.length;
      int k = np + 1;
      return run.best() + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /** Takes the optimiser on to {@link #MAXIT} evaluations (or its end) and returns the fit. */
    EtsFit finish() {
      run.advance(MAXIT);
      return fitAt(y, m, spec, obj, run.result(), np);
    }
  }

  private static int nsmooth(EtsSpec spec) {
    return 1 + (spec.hasTrend() ? 1 : 0) + (spec.seasonal() ? 1 : 0) + (spec.damped() ? 1 : 0);
  }

  /**
   * The parameter vector the optimiser works on for a fit: smoothing parameters, then level, growth
   * and the m − 1 free seasonal states newest first (as {@link #estimate} starts from).
   */
  static double[] parameters(EtsFit fit) {
    EtsSpec spec = fit.spec();
    int m = fit.period();
    int nsmooth =
        1 + (spec.hasTrend() ? 1 : 0) + (spec.seasonal() ? 1 : 0) + (spec.damped() ? 1 : 0);
    int nstate = 1 + (spec.hasTrend() ? 1 : 0) + (spec.seasonal() ? m - 1 : 0);
    double[] par = new double[nsmooth + nstate];
    int j = 0;
    par[j++] = fit.alpha();
    if (spec.hasTrend()) {
      par[j++] = fit.beta();
    }
    if (spec.seasonal()) {
      par[j++] = fit.gamma();
    }
    if (spec.damped()) {
      par[j++] = fit.phi();
    }
    double[] init = fit.initialState();
    System.arraycopy(init, 0, par, j, nstate);
    return par;
  }

  /**
   * One form fitted from a given parameter vector (a warm start: the optimum of the same form on a
   * shorter prefix of the same series, whose initial states belong to the same first time point),
   * with a simplex of 5% of each coordinate and at most {@code maxit} evaluations, ending when the
   * simplex's values agree to {@code reltol} (relative).
   *
   * @throws ModelFailure when the start is not admissible for these data or the data do not suit
   *     the form
   */
  static EtsFit estimateFrom(
      double[] y, int m, EtsSpec spec, Criterion crit, double[] start, int maxit, double reltol) {
    if (spec.needsPositiveData()) {
      for (double v : y) {
        if (v <= 0) {
          throw new ModelFailure("multiplicative " + spec + " needs positive data");
        }
      }
    }
    if (start.length >= y.length - 1) {
      throw new ModelFailure("too short for " + spec + ": " + y.length + " values");
    }
    double[] steps = new double[start.length];
    for (int i = 0; i < start.length; i++) {
      steps[i] = Math.abs(start[i]) > 0 ? 0.05 * Math.abs(start[i]) : 0.01;
    }
    return optimise(y, spec.seasonal() ? m : 1, spec, crit, start.clone(), steps, maxit, reltol);
  }

  private static EtsFit optimise(
      double[] y,
      int m,
      EtsSpec spec,
      Criterion crit,
      double[] start,
      double[] steps,
      int maxit,
      double reltol) {
    int np = start.length;
    int nsmooth = nsmooth(spec);
    EtsObjective obj = new EtsObjective(y, m, spec, crit, nsmooth);
    NelderMead.Result res;
    try {
      res = NelderMead.minimize(obj, start, steps, Double.NEGATIVE_INFINITY, reltol, maxit);
    } catch (IllegalStateException e) {
      throw new ModelFailure(spec + ": " + e.getMessage());
    }
    return fitAt(y, m, spec, obj, res, np);
  }

  private static EtsFit fitAt(
      double[] y, int m, EtsSpec spec, EtsObjective obj, NelderMead.Result res, int np) {
    final int n = y.length;
    final boolean trend = spec.hasTrend();
    final boolean damped = spec.damped();
    final boolean seasonal = spec.seasonal();
    double[] par = res.x();
    int j = 0;
    double alpha = par[j++];
    double beta = trend ? par[j++] : 0;
    double gamma = seasonal ? par[j++] : 0;
    double phi = damped ? par[j++] : 1;
    double l0 = par[j++];
    double b0 = trend ? par[j++] : 0;
    double[] s0 = obj.seasonStates(par, j);
    double[] initialState = new double[1 + (trend ? 1 : 0) + (seasonal ? m : 0)];
    int k = 0;
    initialState[k++] = l0;
    if (trend) {
      initialState[k++] = b0;
    }
    if (seasonal) {
      System.arraycopy(s0, 0, initialState, k, m);
    }
    EtsRecursion rec = new EtsRecursion(y, m, spec);
    double[] resid = new double[n];
    rec.run(alpha, beta, gamma, phi, l0, b0, s0, resid);
    double lik = rec.lik();
    double[] fitted = new double[n];
    boolean multError = spec.error() == EtsSpec.ErrorType.MULTIPLICATIVE;
    for (int i = 0; i < n; i++) {
      fitted[i] = multError ? y[i] / (1 + resid[i]) : y[i] - resid[i];
    }
    return new EtsFit(
        spec,
        m,
        alpha,
        beta,
        gamma,
        phi,
        initialState,
        rec.level,
        rec.growth,
        seasonal ? rec.finalSeason() : new double[0],
        fitted,
        resid,
        lik,
        np + 1,
        rec.ssd / n,
        res.evaluations(),
        res.converged());
  }
}
