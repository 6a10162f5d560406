package dev.signalcheck.core.verdict;

/**
 * The accuracy to expect from the best candidate: its MASE at the backtest origins.
 *
 * @param mase the median over origins
 * @param low the lowest origin's MASE
 * @param high the highest origin's MASE
 */
public record Expected(double mase, double low, double high) {
  static final Expected UNKNOWN = new Expected(Double.NaN, Double.NaN, Double.NaN);
}
