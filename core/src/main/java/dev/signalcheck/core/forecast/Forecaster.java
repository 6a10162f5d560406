package dev.signalcheck.core.forecast;

/**
 * A forecasting method: fit on a regular series without missing values, then forecast.
 * Implementations are stateless and thread-safe; all state lives in the {@link Fitted} they return.
 */
public interface Forecaster {

  /** Kebab-case name, as in reports and {@code --models}. */
  String name();

  /**
   * Fits the method.
   *
   * @param y the training data, oldest first, no NaN
   * @param m the seasonal period in steps (1 = non-seasonal)
   * @throws ModelFailure when the method cannot be fitted to these data
   */
  Fitted fit(double[] y, int m);
}
