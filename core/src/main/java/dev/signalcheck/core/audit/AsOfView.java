package dev.signalcheck.core.audit;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.checks.History;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.verdict.Verdict;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The as-of backtest's training data (analyses.md §1, {@code history.late-entry}): at an origin,
 * only the rows recorded by the start of the first forecast period, codes for "missing" removed,
 * short holes interpolated. When the latest values had not been entered yet, the data end early and
 * the model has to forecast further ahead — exactly what a live model would have faced.
 */
final class AsOfView implements RollingOriginBacktest.TrainingView {

  private final SeriesData data;
  private final RegularSeries grid;
  private final double[] codes;
  private final int startPos;

  /**
   * @param grid the series on its grid (positions and times)
   * @param codes values that mean "missing"
   * @param startPos the grid position of the backtest's first value
   */
  AsOfView(SeriesData data, RegularSeries grid, double[] codes, int startPos) {
    this.data = data;
    this.grid = grid;
    this.codes = codes;
    this.startPos = startPos;
  }

  @Override
  public RollingOriginBacktest.Training at(int trainLength) {
    int end = startPos + trainLength;
    long origin = grid.timeAt(end);
    double[] known = History.knownAt(data, grid, origin);
    double[] slice = Arrays.copyOfRange(known, startPos, end);
    for (int i = 0; i < slice.length; i++) {
      for (double c : codes) {
        if (slice[i] == c) {
          slice[i] = Double.NaN;
        }
      }
    }
    int first = 0;
    while (first < slice.length && Double.isNaN(slice[first])) {
      first++;
    }
    int last = slice.length - 1;
    while (last >= first && Double.isNaN(slice[last])) {
      last--;
    }
    if (first > last) {
      return new RollingOriginBacktest.Training(new double[0], trainLength);
    }
    double[] v = Arrays.copyOfRange(slice, first, last + 1);
    for (int i = 1; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        int j = i;
        while (Double.isNaN(v[j])) {
          j++;
        }
        for (int k = i; k < j; k++) {
          v[k] = v[i - 1] + (v[j] - v[i - 1]) * (k - i + 1) / (j - i + 1);
        }
        i = j;
      }
    }
    return new RollingOriginBacktest.Training(v, slice.length - 1 - last);
  }

  /**
   * The late-entry finding with the as-of comparison: how optimistic the ordinary backtest is, and
   * whether the verdict changes (then the finding is critical).
   */
  static Finding compare(
      Finding late, BacktestResult ordinary, Verdict v, BacktestResult asOf, Verdict asOfV) {
    String best = ordinary.best() != null ? ordinary.best() : ordinary.baseline();
    double mase = ordinary.model(best).map(ModelScore::mase).orElse(Double.NaN);
    ModelScore a = best == null ? null : asOf.model(best).orElse(null);
    double asOfMase = a == null || a.skipped() ? Double.NaN : a.mase();
    boolean changes = v != null && asOfV != null && v.signal() != asOfV.signal();
    Map<String, Object> d = new LinkedHashMap<>(late.details());
    Map<String, Object> as = new LinkedHashMap<>();
    as.put("model", best);
    as.put("mase", asOfMase);
    as.put("ordinaryMase", mase);
    as.put("optimism", asOfMase - mase);
    as.put("signal", asOfV == null ? null : asOfV.signal().label());
    as.put("ordinarySignal", v == null ? null : v.signal().label());
    as.put("verdictChanges", changes);
    d.put("asOf", as);
    String how;
    if (Double.isNaN(asOfMase)) {
      how =
          String.format(
              Locale.ROOT,
              "; the as-of backtest could not fit %s on the data known at the origins",
              best);
    } else {
      double pct = mase > 0 ? 100 * (asOfMase - mase) / mase : Double.NaN;
      how =
          String.format(
              Locale.ROOT,
              "; with only the rows known at each origin, %s scores MASE %.3f instead of %.3f: the ordinary backtest is"
                  + " %s%s",
              best,
              asOfMase,
              mase,
              Math.abs(pct) < 1
                  ? "about right"
                  : String.format(
                      Locale.ROOT,
                      "%.0f%% %s",
                      Math.abs(pct),
                      pct > 0 ? "too optimistic" : "too pessimistic"),
              changes
                  ? String.format(
                      Locale.ROOT,
                      ", and the verdict changes from %s to %s",
                      v.signal().label(),
                      asOfV.signal().label())
                  : "");
    }
    return new Finding(
        late.check(),
        changes ? Severity.CRITICAL : late.severity(),
        late.category(),
        late.message() + how,
        late.count(),
        late.intervals(),
        late.rows(),
        d);
  }
}
