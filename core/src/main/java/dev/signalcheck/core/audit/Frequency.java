package dev.signalcheck.core.audit;

/**
 * The time grid of a series.
 *
 * @param step ISO 8601 step (or an integer for an index)
 * @param season seasonal period in steps used by the analyses
 * @param regularity share of observed spacings equal to exactly one step
 * @param horizon forecast horizon in steps used by the backtest
 */
public record Frequency(String step, int season, double regularity, int horizon) {}
