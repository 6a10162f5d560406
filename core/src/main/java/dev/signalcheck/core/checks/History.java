package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.IndexSort;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.core.text.Prose;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The history of a series: when its rows were entered ({@code history.late-entry}, with {@code
 * --recorded-at}), values that were revised ({@code history.revised}: between duplicate rows with
 * different recorded-at times, or between two extracts), and rows added or removed between two
 * extracts (compared by {@link Extracts}). Never throws on bad data.
 */
public final class History {
  private History() {}

  /** Largest changes listed in a {@code history.revised} finding. */
  static final int LARGEST = 10;

  /** The checks that need {@code --recorded-at}: late entries and revisions inside one file. */
  public static List<Finding> check(SeriesData data, Alignment.Result aligned) {
    List<Finding> out = new ArrayList<>();
    if (!data.hasRecordedAt() || aligned.regular() == null) {
      return out;
    }
    Finding late = lateEntry(data, aligned);
    if (late != null) {
      out.add(late);
    }
    Finding revised = revisedWithinFile(data);
    if (revised != null) {
      out.add(revised);
    }
    return out;
  }

  // ------------------------------------------------------------------ late entries

  /**
   * {@code history.late-entry}: rows recorded more than one step after their time stamp. The delay
   * distribution (median, 90th percentile, maximum) covers every row with a usable recorded-at
   * time.
   */
  static Finding lateEntry(SeriesData data, Alignment.Result aligned) {
    RegularSeries reg = aligned.regular();
    Step step = reg.step();
    int n = data.size();
    long[] delays = new long[n];
    int known = 0;
    long late = 0;
    long early = 0;
    long unknown = 0;
    boolean[] isLate = new boolean[n];
    Rows lateRows = new Rows();
    for (int i = 0; i < n; i++) {
      long t = data.time(i);
      long rec = data.recordedAt(i);
      if (t == TimeParser.UNPARSEABLE) {
        continue;
      }
      if (rec == TimeParser.UNPARSEABLE) {
        unknown++;
        continue;
      }
      long d = rec - t;
      delays[known++] = d;
      if (d < 0) {
        early++;
      }
      long oneStep;
      try {
        oneStep = step.advance(t, 1);
      } catch (RuntimeException e) {
        oneStep = Long.MAX_VALUE;
      }
      if (rec > oneStep) {
        late++;
        isLate[i] = true;
        lateRows.add(data.row(i));
      }
    }
    if (late == 0) {
      return null;
    }
    long[] sorted = Arrays.copyOf(delays, known);
    Arrays.sort(sorted);
    long median = sorted[(known - 1) / 2];
    long p90 = sorted[(int) Math.min(known - 1, Math.ceil(0.9 * known) - 1)];
    long max = sorted[known - 1];
    // intervals: runs of grid positions whose kept row was entered late
    List<Interval> intervals = new ArrayList<>();
    int[] kept = aligned.keptIndex();
    for (int p = 0; p < kept.length; p++) {
      if (kept[p] < 0 || !isLate[kept[p]]) {
        continue;
      }
      int q = p;
      long c = 0;
      int last = p;
      while (q < kept.length && (kept[q] < 0 || isLate[kept[q]])) {
        if (kept[q] >= 0) {
          c++;
          last = q;
        }
        q++;
      }
      if (intervals.size() < Alignment.MAX_INTERVALS) {
        intervals.add(new Interval(reg.formattedTime(p), reg.formattedTime(last), c));
      }
      p = last;
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("delay", Map.of("median", iso(median), "p90", iso(p90), "max", iso(max)));
    d.put(
        "delaySeconds",
        Map.of("median", median / 1000.0, "p90", p90 / 1000.0, "max", max / 1000.0));
    d.put("recordedBeforeStamp", early);
    d.put("recordedAtUnknown", unknown);
    String msg =
        String.format(
            Locale.ROOT,
            "%d of %d rows (%s) were recorded more than one step (%s) after their time stamp; delay median %s, 90th"
                + " percentile %s, maximum %s. A backtest on this extract uses values that were not known at the"
                + " forecast origin",
            late,
            known,
            Alignment.pct(late / (double) Math.max(1, known)),
            step.iso(),
            text(median),
            text(p90),
            text(max));
    return new Finding(
        CheckType.HISTORY_LATE_ENTRY.id(),
        Severity.WARNING,
        Category.DATA_COLLECTION,
        msg,
        late,
        intervals,
        lateRows.first(),
        d);
  }

  private static String iso(long ms) {
    return Duration.ofMillis(ms).toString();
  }

  /** A delay in words: 90 s, 2.5 h, 3.0 d. */
  static String text(long ms) {
    double s = ms / 1000.0;
    double a = Math.abs(s);
    if (a < 120) {
      return String.format(Locale.ROOT, "%.0f s", s);
    }
    if (a < 7200) {
      return String.format(Locale.ROOT, "%.0f min", s / 60);
    }
    if (a < 172800) {
      return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
    return String.format(Locale.ROOT, "%.1f d", s / 86400);
  }

  // ------------------------------------------------------------------ as of an origin

  /**
   * The values known at {@code origin}: for every grid position of {@code grid} whose time is at or
   * before the origin, the value of the row recorded latest among those recorded at or before the
   * origin; NaN where no such row exists (and after the origin). Rows without a recorded-at time
   * count as recorded at their time stamp. This is the input of an as-of backtest: rerun the
   * backtest with, at each origin, only these values as training data, and compare with the
   * backtest on the final extract to measure its optimism.
   */
  public static double[] knownAt(SeriesData data, RegularSeries grid, long origin) {
    int len = grid.length();
    double[] out = new double[len];
    Arrays.fill(out, Double.NaN);
    long[] bestRec = new long[len];
    Arrays.fill(bestRec, Long.MIN_VALUE);
    Step step = grid.step();
    for (int i = 0; i < data.size(); i++) {
      long t = data.time(i);
      if (t == TimeParser.UNPARSEABLE || t > origin) {
        continue;
      }
      long rec = data.recordedAt(i) == TimeParser.UNPARSEABLE ? t : data.recordedAt(i);
      if (rec > origin) {
        continue;
      }
      double pos = step.position(grid.start(), t);
      long p = Math.round(pos);
      if (p < 0 || p >= len || Math.abs(pos - p) > 1e-9) {
        continue;
      }
      int k = (int) p;
      if (rec >= bestRec[k]) {
        bestRec[k] = rec;
        out[k] = data.value(i);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ revisions

  /** Row indices sorted by time, unparseable times left out. */
  static int[] byTime(SeriesData d) {
    int n = d.size();
    long[] times = new long[n];
    int c = 0;
    for (int i = 0; i < n; i++) {
      times[i] = d.time(i);
      if (times[i] != TimeParser.UNPARSEABLE) {
        c++;
      }
    }
    int[] idx = new int[c];
    for (int i = 0, k = 0; i < n; i++) {
      if (times[i] != TimeParser.UNPARSEABLE) {
        idx[k++] = i;
      }
    }
    IndexSort.sort(idx, times);
    return idx;
  }

  static boolean same(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    return a == b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }

  /** One revised value. */
  record Change(long time, double before, double after, long row) {}

  /**
   * {@code history.revised} inside one file: time stamps with several rows whose recorded-at times
   * differ and whose values differ. The count is the number of revisions (a later recording with a
   * different value than the one before it).
   */
  static Finding revisedWithinFile(SeriesData data) {
    int[] idx = byTime(data);
    List<Change> changes = new ArrayList<>();
    List<Long> stamps = new ArrayList<>();
    for (int k = 0; k < idx.length; ) {
      int j = k + 1;
      long t = data.time(idx[k]);
      while (j < idx.length && data.time(idx[j]) == t) {
        j++;
      }
      if (j - k > 1) {
        // order the group by recorded-at (unknown first), stable
        int[] g = Arrays.copyOfRange(idx, k, j);
        for (int q = 1; q < g.length; q++) {
          int x = g[q];
          int p = q - 1;
          while (p >= 0 && data.recordedAt(g[p]) > data.recordedAt(x)) {
            g[p + 1] = g[p];
            p--;
          }
          g[p + 1] = x;
        }
        boolean any = false;
        for (int q = 1; q < g.length; q++) {
          long r0 = data.recordedAt(g[q - 1]);
          long r1 = data.recordedAt(g[q]);
          if (r0 != r1
              && r1 != TimeParser.UNPARSEABLE
              && !same(data.value(g[q - 1]), data.value(g[q]))) {
            changes.add(new Change(t, data.value(g[q - 1]), data.value(g[q]), data.row(g[q])));
            any = true;
          }
        }
        if (any) {
          stamps.add(t);
        }
      }
      k = j;
    }
    if (changes.isEmpty()) {
      return null;
    }
    return revisedFinding(
        changes,
        runsOfStamps(stamps, data.timeFormat(), allStamps(idx, data)),
        String.format(
            Locale.ROOT,
            "%s at %s %s revised: rows for the same time stamp"
                + " recorded at different times disagree; the latest recorded value is used. A backtest on the"
                + " final values is more optimistic than forecasting was at the time",
            Prose.count(changes.size(), "value"),
            Prose.count(stamps.size(), "time stamp"),
            changes.size() == 1 ? "was" : "were"),
        data.timeFormat());
  }

  private static long[] allStamps(int[] idx, SeriesData d) {
    long[] t = new long[idx.length];
    int c = 0;
    for (int k = 0; k < idx.length; k++) {
      long x = d.time(idx[k]);
      if (c == 0 || t[c - 1] != x) {
        t[c++] = x;
      }
    }
    return Arrays.copyOf(t, c);
  }

  /** Intervals of flagged stamps that follow each other among all stamps (sorted, distinct). */
  static List<Interval> runsOfStamps(List<Long> flagged, TimeFormat fmt, long[] all) {
    List<Interval> out = new ArrayList<>();
    int a = 0;
    for (int f = 0; f < flagged.size(); ) {
      long t = flagged.get(f);
      while (a < all.length && all[a] < t) {
        a++;
      }
      int g = f + 1;
      int pos = a;
      while (g < flagged.size() && pos + 1 < all.length && all[pos + 1] == flagged.get(g)) {
        g++;
        pos++;
      }
      if (out.size() < Alignment.MAX_INTERVALS) {
        out.add(new Interval(fmt.format(t), fmt.format(flagged.get(g - 1)), g - f));
      }
      f = g;
    }
    return out;
  }

  static Finding revisedFinding(
      List<Change> changes, List<Interval> intervals, String msg, TimeFormat fmt) {
    Rows rows = new Rows();
    for (Change c : changes) {
      rows.add(c.row());
    }
    List<Change> largest = new ArrayList<>(changes);
    largest.sort((x, y) -> Double.compare(magnitude(y), magnitude(x)));
    List<Map<String, Object>> top = new ArrayList<>();
    for (Change c : largest.subList(0, Math.min(LARGEST, largest.size()))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("time", fmt.format(c.time()));
      m.put("old", c.before());
      m.put("new", c.after());
      m.put("change", c.after() - c.before());
      top.add(m);
    }
    return new Finding(
        CheckType.HISTORY_REVISED.id(),
        Severity.WARNING,
        Category.DATA_COLLECTION,
        msg,
        changes.size(),
        intervals,
        rows.first(),
        Map.of("largestChanges", top));
  }

  static double magnitude(Change c) {
    double d = Math.abs(c.after() - c.before());
    return Double.isNaN(d) ? Double.MAX_VALUE : d;
  }
}
