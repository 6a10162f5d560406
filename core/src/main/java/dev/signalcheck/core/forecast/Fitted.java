package dev.signalcheck.core.forecast;

/** A fitted forecasting model. */
public interface Fitted {

  /** Point forecasts for the next {@code h} steps after the training data. */
  double[] forecast(int h);

  /**
   * One-step in-sample fitted values, same length as the training data; NaN where the method has
   * none (e.g. the first value for naive).
   */
  double[] fitted();

  /** A short description of what was fitted, e.g. {@code ETS(M,N,N)} or {@code AR(8)}. */
  default String description() {
    return "";
  }
}
