package dev.signalcheck.core.checks;

import static dev.signalcheck.core.checks.Alignment.MAX_INTERVALS;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.IndexSort;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code time.out-of-order}: time going backwards in file order. An episode starts where time goes
 * backwards and lasts while time stays at or below the latest time seen before it. The rows are
 * then sorted by time for the checks after this one.
 */
final class OutOfOrderStamps implements Check {

  @Override
  public void apply(Aligning a) {
    SeriesData data = a.data;
    TimeFormat fmt = a.fmt;
    int[] idx = a.idx;
    long[] times = a.times;
    Rows backward = new Rows();
    long outOfOrderRows = 0;
    List<Interval> episodes = new ArrayList<>();
    boolean sorted = true;
    long max = Long.MIN_VALUE;
    String firstJump = null;
    for (int k = 0; k < idx.length; k++) {
      long t = times[idx[k]];
      if (k > 0 && t < times[idx[k - 1]]) {
        sorted = false;
        long ceiling = max;
        backward.add(data.row(idx[k]));
        if (firstJump == null) {
          firstJump =
              String.format(
                  Locale.ROOT,
                  "at row %d (%s → %s)",
                  data.row(idx[k]),
                  fmt.shortText(times[idx[k - 1]]),
                  fmt.shortText(t));
        }
        long lo = t;
        long hi = t;
        int j = k;
        while (j < idx.length && times[idx[j]] <= ceiling) {
          lo = Math.min(lo, times[idx[j]]);
          hi = Math.max(hi, times[idx[j]]);
          j++;
        }
        long cnt = j - k;
        outOfOrderRows += cnt;
        if (episodes.size() < MAX_INTERVALS) {
          episodes.add(new Interval(fmt.format(lo), fmt.format(hi), cnt));
        }
        k = j - 1;
        if (j - 1 >= 0) {
          max = Math.max(max, times[idx[j - 1]]);
        }
        continue;
      }
      max = Math.max(max, t);
    }
    if (!sorted) {
      a.findings.add(
          new Finding(
              CheckType.TIME_OUT_OF_ORDER.id(),
              Severity.WARNING,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "time goes backwards %s%s; %s after later time stamps (e.g. a clock set back at a"
                      + " daylight-saving change); rows were sorted by time before analysis",
                  firstJump,
                  backward.count() > 1
                      ? " and " + Prose.count(backward.count() - 1, "more time", "more times")
                      : "",
                  outOfOrderRows == 1 ? "1 row arrives" : outOfOrderRows + " rows arrive"),
              outOfOrderRows,
              episodes,
              backward.first(),
              Map.of()));
      IndexSort.sort(idx, times);
    }
  }
}
