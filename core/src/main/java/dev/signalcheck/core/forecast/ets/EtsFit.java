package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.Fitted;

/**
 * A fitted ETS model: smoothing parameters, initial and final states, likelihood and information
 * criteria (as forecast's {@code ets} reports them), in-sample fit and point forecasts. Immutable.
 */
public final class EtsFit implements Fitted {

  private final EtsSpec spec;
  private final int m;
  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double phi;
  private final double[] initialState;
  private final double finalLevel;
  private final double finalGrowth;
  private final double[] finalSeason;
  private final double[] fitted;
  private final double[] residuals;
  private final double lik;
  private final int parameters;
  private final double mse;
  private final int evaluations;
  private final boolean converged;

  EtsFit(
      EtsSpec spec,
      int m,
      double alpha,
      double beta,
      double gamma,
      double phi,
      double[] initialState,
      double finalLevel,
      double finalGrowth,
      double[] finalSeason,
      double[] fitted,
      double[] residuals,
      double lik,
      int parameters,
      double mse,
      int evaluations,
      boolean converged) {
    this.spec = spec;
    this.m = m;
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
    this.phi = phi;
    this.initialState = initialState;
    this.finalLevel = finalLevel;
    this.finalGrowth = finalGrowth;
    this.finalSeason = finalSeason;
    this.fitted = fitted;
    this.residuals = residuals;
    this.lik = lik;
    this.parameters = parameters;
    this.mse = mse;
    this.evaluations = evaluations;
    this.converged = converged;
  }

  public EtsSpec spec() {
    return spec;
  }

  /** Seasonal period used by the model (1 when non-seasonal). */
  public int period() {
    return m;
  }

  public double alpha() {
    return alpha;
  }

  /** Growth smoothing parameter (state-space form, 0 ≤ β ≤ α); NaN without trend. */
  public double beta() {
    return spec.hasTrend() ? beta : Double.NaN;
  }

  /** Seasonal smoothing parameter; NaN without season. */
  public double gamma() {
    return spec.seasonal() ? gamma : Double.NaN;
  }

  /** Damping parameter; NaN when not damped. */
  public double phi() {
    return spec.damped() ? phi : Double.NaN;
  }

  /**
   * Initial states: level, growth (if any), then all m seasonal states newest first (the last one
   * is implied by the others, as in forecast).
   */
  public double[] initialState() {
    return initialState.clone();
  }

  /** The −2·log-likelihood up to a constant, forecast's {@code lik}. */
  public double lik() {
    return lik;
  }

  /** Log-likelihood as forecast reports it: −lik/2. */
  public double logLik() {
    return -0.5 * lik;
  }

  /** Number of estimated parameters counted by the information criteria (including σ²). */
  public int parameterCount() {
    return parameters;
  }

  public double aic() {
    return lik + 2.0 * parameters;
  }

  public double aicc() {
    int n = fitted.length;
    int k = parameters;
    return aic() + 2.0 * k * (k + 1) / (n - k - 1);
  }

  public double bic() {
    return lik + Math.log(fitted.length) * parameters;
  }

  /** Mean squared one-step in-sample error (original scale). */
  public double mse() {
    return mse;
  }

  /** Residual variance Σe²/(n − #parameters excluding σ²), as forecast's {@code sigma2}. */
  public double sigma2() {
    double s = 0;
    for (double e : residuals) {
      s += e * e;
    }
    return s / (residuals.length - (parameters - 1));
  }

  /** Residuals e_t (relative errors for multiplicative error). */
  public double[] residuals() {
    return residuals.clone();
  }

  /** Number of likelihood evaluations the optimiser spent. */
  public int evaluations() {
    return evaluations;
  }

  /** Whether the optimiser met its tolerance within its evaluation budget. */
  public boolean converged() {
    return converged;
  }

  @Override
  public double[] forecast(int h) {
    if (h < 0) {
      throw new IllegalArgumentException("h must not be negative: " + h);
    }
    if (h == 0) {
      return new double[0];
    }
    if (spec.error() == EtsSpec.ErrorType.MULTIPLICATIVE
        && spec.season() == EtsSpec.SeasonType.MULTIPLICATIVE) {
      return multiplicativeSeasonMean(h);
    }
    int season =
        switch (spec.season()) {
          case NONE -> 0;
          case ADDITIVE -> 1;
          case MULTIPLICATIVE -> 2;
        };
    return EtsRecursion.forecast(
        finalLevel,
        finalGrowth,
        finalSeason,
        m,
        spec.hasTrend(),
        season,
        spec.damped() ? phi : 1.0,
        h);
  }

  /**
   * Forecast mean of the multiplicative-error, multiplicative-season forms, as forecast's {@code
   * class3}: the recursion on the level-times-season moments, which includes σ² terms (and the
   * growth enters the first step undamped, as there).
   */
  private double[] multiplicativeSeasonMean(int h) {
    int rows = spec.hasTrend() ? 2 : 1;
    double[][] mh = new double[rows][m];
    double[] x =
        spec.hasTrend() ? new double[] {finalLevel, finalGrowth} : new double[] {finalLevel};
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < m; c++) {
        mh[r][c] = x[r] * finalSeason[c];
      }
    }
    double s2 = sigma2();
    double ph = spec.damped() ? phi : 1.0;
    double[] mu = new double[h];
    double[][] next = new double[rows][m];
    for (int i = 0; i < h; i++) {
      double v = 0;
      for (int r = 0; r < rows; r++) {
        v += mh[r][m - 1];
      }
      mu[i] = v;
      for (int c = 0; c < m; c++) {
        int from = c == 0 ? m - 1 : c - 1;
        double g = c == 0 ? gamma * s2 : 0.0;
        if (rows == 1) {
          double a = mh[0][from];
          next[0][c] = a + alpha * mh[0][m - 1] * g;
        } else {
          double a0 = mh[0][from];
          double a1 = mh[1][from];
          double gsum = mh[0][m - 1] + mh[1][m - 1];
          next[0][c] = (a0 + a1) + alpha * gsum * g;
          next[1][c] = ph * a1 + beta * gsum * g;
        }
      }
      double[][] t = mh;
      mh = next;
      next = t;
    }
    return mu;
  }

  @Override
  public double[] fitted() {
    return fitted.clone();
  }

  @Override
  public String description() {
    return spec.toString();
  }
}
