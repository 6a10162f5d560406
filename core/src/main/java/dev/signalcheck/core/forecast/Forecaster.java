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

  /**
   * The method as a backtest uses it on the origins of one series: fitted in order on growing
   * prefixes of the same series, each containing the one before. The returned instance may carry
   * what it learnt at one origin to the next (a chosen form, an optimum to start from), which sees
   * no data after any origin; it serves one series and one thread. The default is this method
   * itself, every origin fitted afresh.
   */
  default Forecaster forOrigins() {
    return this;
  }
}
