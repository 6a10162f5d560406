package dev.signalcheck.core.forecast;

/**
 * Thrown by a {@link Forecaster} that cannot fit the data it was given (too short, optimiser
 * failure, non-positive data for a multiplicative form). The backtest turns it into a "skipped"
 * value with the reason; it never ends a run.
 */
public class ModelFailure extends RuntimeException {
  public ModelFailure(String reason) {
    super(reason, null, false, false);
  }
}
