package dev.signalcheck.report;

import dev.signalcheck.core.audit.SeriesResult;

/**
 * A series result without what only its charts need: the series on its grid and every model's
 * per-origin forecasts. The report keeps a long series this way once its charts are computed, so a
 * held detail costs its bounded chart data, not millions of values (docs/benchmarks.md, W4).
 */
final class SlimResult {
  private SlimResult() {}

  static SeriesResult of(SeriesResult r) {
    return r.toBuilder()
        .series(null)
        .backtest(r.backtest() == null ? null : r.backtest().withoutForecasts())
        .build();
  }
}
