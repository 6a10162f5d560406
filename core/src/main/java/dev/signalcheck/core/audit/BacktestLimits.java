package dev.signalcheck.core.audit;

/**
 * What bounded the backtest of a long series (the report's {@code series[].limits}; absent when the
 * backtest ran on the whole series with every origin it allows). The checks always see the whole
 * series; the backtest is bounded, and the profile of a series longer than {@link
 * SeriesAuditor#PROFILE_WINDOW} points describes its latest part (docs/benchmarks.md, "Long sensor
 * files").
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
 * @param profileHistoryUsed the most recent points the profile describes, or null when it describes
 *     the whole series
 */
public record BacktestLimits(
    int historyAvailable,
    int historyUsed,
    int maxTrain,
    int originsPossible,
    int originsUsed,
    Long fitBudget,
    Integer profileHistoryUsed) {

  /** The limits, or null when nothing was left out. */
  static BacktestLimits of(
      int available,
      int used,
      int maxTrain,
      int possible,
      int origins,
      boolean budgeted,
      int profiled) {
    if (used >= available && !budgeted && profiled >= available) {
      return null;
    }
    return new BacktestLimits(
        available,
        used,
        maxTrain,
        possible,
        origins,
        budgeted ? AuditSettings.FIT_BUDGET : null,
        profiled < available ? profiled : null);
  }
}
