package dev.signalcheck.core.forecast;

/**
 * What the program needs to know about a model beyond its forecasts, declared once on its {@link
 * ModelRegistry.Entry}: the backtest, the verdict and its wording read these, never the model's
 * name.
 *
 * @param baseline a trivial baseline (analyses.md §3); every other model is a candidate, and the
 *     verdict measures what the best candidate adds over the best baseline
 * @param basis what the model forecasts by
 * @param m4Adjusted whether it runs on the series seasonally adjusted the M4 way ({@link
 *     M4SeasonalAdjustment}); the M4 benchmark that is also a baseline (naive2) is the reference of
 *     the OWA
 */
public record ModelInfo(boolean baseline, Basis basis, boolean m4Adjusted) {

  /** What a model forecasts by. */
  public enum Basis {
    /** The mean of the training data: the reference of predictability. */
    MEAN,
    /** The last observed value: the reference of the overfitting ratio. */
    LAST_VALUE,
    /** The seasonal pattern (the value one season ago, or a seasonally adjusted last value). */
    SEASON,
    /** Parameters fitted to the data. */
    FITTED
  }

  /** A candidate model with fitted parameters, not seasonally adjusted first. */
  public static final ModelInfo CANDIDATE = new ModelInfo(false, Basis.FITTED, false);

  public ModelInfo {
    if (basis == null) {
      throw new IllegalArgumentException("a model needs a basis");
    }
  }

  /** A baseline forecasting by {@code basis}. */
  public static ModelInfo baseline(Basis basis) {
    return new ModelInfo(true, basis, false);
  }

  /** Whether the model forecasts by the seasonal pattern of a series with season {@code m}. */
  public boolean seasonal(int m) {
    return m > 1 && basis == Basis.SEASON;
  }

  /** Whether it is the reference of the OWA (the M4 protocol's naive2). */
  public boolean owaReference() {
    return baseline && m4Adjusted;
  }

  /** The same model, seasonally adjusted the M4 way first. */
  public ModelInfo m4() {
    return new ModelInfo(baseline, basis, true);
  }
}
