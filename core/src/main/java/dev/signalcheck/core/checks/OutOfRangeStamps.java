package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time stamps far outside the others ({@code time.out-of-range}): an epoch in milliseconds read as
 * seconds, a year typed as 20223, an index of 10^12 among 1…500. A few stamps more than {@link
 * #GAP_FACTOR} interquartile ranges beyond the middle half of the stamps are left out of the grid;
 * and a grid longer than {@link #maxGrid} positions is never allocated.
 */
final class OutOfRangeStamps {

  /** Stamps this many interquartile ranges beyond the middle half of the stamps are cut off. */
  static final double GAP_FACTOR = 100;

  /** The grid may be at most this many times as long as the number of stamps… */
  static final long GRID_PER_STAMP = 100;

  /** …or this long, whichever is more. */
  static final long GRID_FLOOR = 1_000_000;

  private OutOfRangeStamps() {}

  /** The longest grid (in steps) a series of {@code stamps} distinct time stamps is put on. */
  static double maxGrid(int stamps) {
    return Math.max(GRID_FLOOR, GRID_PER_STAMP * (double) stamps);
  }

  /**
   * The index range {from, to} (inclusive) of the sorted stamps that are kept: stamps more than
   * {@link #GAP_FACTOR} interquartile ranges beyond the middle half are cut off, when they are at
   * most {@code max(3, 2%)} of the stamps (more than that is not a typo but the data).
   */
  static int[] bulk(long[] ut) {
    int n = ut.length;
    int[] all = {0, n - 1};
    if (n < 10) {
      return all;
    }
    double q1 = ut[(n - 1) / 4];
    double q3 = ut[3 * (n - 1) / 4];
    double iqr = q3 - q1;
    if (iqr <= 0) {
      return all;
    }
    double low = q1 - GAP_FACTOR * iqr;
    double high = q3 + GAP_FACTOR * iqr;
    int lo = 0;
    while (lo < n && ut[lo] < low) {
      lo++;
    }
    int hi = n - 1;
    while (hi >= 0 && ut[hi] > high) {
      hi--;
    }
    int cut = lo + (n - 1 - hi);
    if (cut == 0 || cut > Math.max(3, (int) (0.02 * n))) {
      return all;
    }
    return new int[] {lo, hi};
  }

  /**
   * Leaves out the stamps far outside the others: adds the finding and returns the indices (into
   * the series' rows, in file order) that remain, or null when none is out of range.
   */
  /** As a {@link Check}: the stamps far outside the others leave the rows in play. */
  static void leaveOut(Aligning a) {
    int[] inRange = leaveOut(a.data, a.idx, a.times, a.findings);
    if (inRange != null) {
      a.idx = inRange;
    }
  }

  static int[] leaveOut(SeriesData data, int[] idx, long[] times, List<Finding> findings) {
    if (idx.length < 10) {
      return null;
    }
    long[] sorted = new long[idx.length];
    for (int k = 0; k < idx.length; k++) {
      sorted[k] = times[idx[k]];
    }
    java.util.Arrays.sort(sorted);
    int[] range = bulk(sorted);
    if (range[0] == 0 && range[1] == sorted.length - 1) {
      return null;
    }
    long lo = sorted[range[0]];
    long hi = sorted[range[1]];
    TimeFormat fmt = data.timeFormat();
    Rows rows = new Rows();
    int[] kept = new int[idx.length];
    int nk = 0;
    int example = -1;
    for (int i : idx) {
      long t = times[i];
      if (t < lo || t > hi) {
        rows.add(data.row(i));
        if (example < 0) {
          example = i;
        }
      } else {
        kept[nk++] = i;
      }
    }
    List<Interval> intervals = new ArrayList<>();
    if (range[0] > 0) {
      intervals.add(
          new Interval(fmt.format(sorted[0]), fmt.format(sorted[range[0] - 1]), range[0]));
    }
    if (range[1] < sorted.length - 1) {
      intervals.add(
          new Interval(
              fmt.format(sorted[range[1] + 1]),
              fmt.format(sorted[sorted.length - 1]),
              sorted.length - 1 - range[1]));
    }
    long n = rows.count();
    double share = n / (double) data.size();
    findings.add(
        new Finding(
            CheckType.TIME_OUT_OF_RANGE.id(),
            share > 0.01 ? Severity.CRITICAL : Severity.WARNING,
            CheckType.TIME_OUT_OF_RANGE.category(),
            String.format(
                Locale.ROOT,
                "%s far outside the others (e.g. %s at row %d, while the others run from %s to"
                    + " %s): an epoch in milliseconds read as seconds, or a mistyped date?; %s"
                    + " left out",
                Prose.count(n, "time stamp lies", "time stamps lie"),
                fmt.text(times[example]),
                data.row(example),
                fmt.text(lo),
                fmt.text(hi),
                n == 1 ? "that row is" : "those rows are"),
            n,
            intervals,
            rows.first(),
            Map.of()));
    return java.util.Arrays.copyOf(kept, nk);
  }

  static Finding tooLong(
      SeriesData data, int[] uniq, long[] ut, int u, double span, Step step, TimeFormat fmt) {
    Rows rows = new Rows();
    rows.add(data.row(uniq[0]));
    rows.add(data.row(uniq[u - 1]));
    return new Finding(
        CheckType.TIME_OUT_OF_RANGE.id(),
        Severity.CRITICAL,
        CheckType.TIME_OUT_OF_RANGE.category(),
        String.format(
            Locale.ROOT,
            "the %d time stamps run from %s to %s: %s steps of %s, more than %s positions, too"
                + " sparse to put on a grid; check the time column (pass --time-format) or the"
                + " step (--step); the series is not analysed",
            u,
            fmt.text(ut[0]),
            fmt.text(ut[u - 1]),
            String.format(Locale.ROOT, "%.3g", span),
            step.iso(),
            String.format(Locale.ROOT, "%,.0f", maxGrid(u))),
        u,
        List.of(new Interval(fmt.format(ut[0]), fmt.format(ut[u - 1]), u)),
        rows.first(),
        Map.of("maxGridPositions", (long) maxGrid(u)));
  }
}
