package dev.signalcheck.core.audit;

/**
 * What bounded the backtest of a long series (the report's {@code series[].limits}; absent when the
 * backtest ran on the whole series with every origin it allows). The checks and the profile always
 * see the whole series; only the backtest is bounded (docs/benchmarks.md, "Long sensor files").
 *
 * @param historyAvailable usable points of the series
 * @param historyUsed the most recent points the backtest ran on: at most {@code maxTrain} before
 *     the first origin, then every test window
 * @param maxTrain the training cap before the first origin ({@code --max-train}, at least three
 *     seasons)
 * @param originsPossible origins the series allows ({@code --origins auto})
 * @param originsUsed origins backtested
 * @param fitBudget the budget of fitted points per model that lowered the origins, or null when it
 *     did not ({@link AuditSettings#FIT_BUDGET})
 */
public record BacktestLimits(
    int historyAvailable,
    int historyUsed,
    int maxTrain,
    int originsPossible,
    int originsUsed,
    Long fitBudget) {

  /** The limits, or null when nothing was left out. */
  static BacktestLimits of(
      int available, int used, int maxTrain, int possible, int origins, boolean budgeted) {
    if (used >= available && !budgeted) {
      return null;
    }
    return new BacktestLimits(
        available, used, maxTrain, possible, origins, budgeted ? AuditSettings.FIT_BUDGET : null);
  }
}
