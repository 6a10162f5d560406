package dev.signalcheck.report;

import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.verdict.Signal;
import java.util.Comparator;

/**
 * The few numbers the overview table shows for every series; kept for all series, so small. Strings
 * that repeat (check ids, model names) are held as positions in the report's dictionaries.
 *
 * @param index position of the series in the input, from 0
 * @param signal {@link Signal} ordinal, −1 when the series got no verdict
 * @param skill the verdict's skill, NaN when undefined
 * @param mase the expected MASE of the best candidate, NaN when undefined
 * @param best dictionary position of the best candidate, −1 when none
 * @param worst {@link Severity} ordinal of the most severe finding, −1 when there is none
 * @param worstCheck dictionary position of the most severe finding's check, −1 when there is none
 * @param counts findings per severity: info, warning, critical
 * @param checks dictionary positions of the distinct checks that fired
 */
record SeriesSummary(
    int index,
    String id,
    long n,
    int signal,
    double skill,
    double mase,
    int best,
    int worst,
    int worstCheck,
    int[] counts,
    int[] checks) {

  static SeriesSummary of(int index, SeriesResult r, Dictionary checkNames, Dictionary modelNames) {
    int[] counts = new int[Severity.values().length];
    java.util.BitSet seen = new java.util.BitSet();
    for (Finding f : r.findings()) {
      counts[f.severity().ordinal()]++;
      seen.set(checkNames.of(f.check()));
    }
    Finding w = r.worst();
    int signal = r.verdict() == null ? -1 : r.verdict().signal().ordinal();
    double skill = r.verdict() == null ? Double.NaN : r.verdict().skill();
    double mase =
        r.verdict() == null || r.verdict().expected() == null
            ? Double.NaN
            : r.verdict().expected().mase();
    int best =
        r.backtest() == null || r.backtest().best() == null
            ? -1
            : modelNames.of(r.backtest().best());
    return new SeriesSummary(
        index,
        r.id(),
        r.n(),
        signal,
        skill,
        mase,
        best,
        w == null ? -1 : w.severity().ordinal(),
        w == null ? -1 : checkNames.of(w.check()),
        counts,
        seen.stream().toArray());
  }

  /**
   * How badly a series needs a reader's attention, most urgent first: the most severe finding, then
   * the verdict (no verdict, too short, no signal, weak, strong), then the number of critical and
   * warning findings, then input order. The page's "attention" sort is the same.
   */
  static final Comparator<SeriesSummary> ATTENTION =
      Comparator.comparingInt((SeriesSummary s) -> -s.worst())
          .thenComparingInt(s -> -signalConcern(s.signal()))
          .thenComparingInt(s -> -s.counts()[Severity.CRITICAL.ordinal()])
          .thenComparingInt(s -> -s.counts()[Severity.WARNING.ordinal()])
          .thenComparingInt(SeriesSummary::index);

  /** 4 for no verdict, 3 insufficient data, 2 no signal, 1 weak, 0 strong. */
  static int signalConcern(int signal) {
    if (signal < 0) {
      return 4;
    }
    switch (Signal.values()[signal]) {
      case INSUFFICIENT_DATA:
        return 3;
      case NONE:
        return 2;
      case WEAK:
        return 1;
      default:
        return 0;
    }
  }
}
