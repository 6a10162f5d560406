package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two extracts of one series compared stamp by stamp ({@code signalcheck diff}, and a source
 * compared with its last snapshot): values revised, stamps added and stamps removed. The revision
 * finding is worded as {@link History} words the revisions inside one file.
 */
public final class Extracts {
  private Extracts() {}

  /** Counts of a comparison of two extracts of one series. */
  public record Comparison(
      List<Finding> findings, long common, long revised, long added, long removed) {}

  /**
   * The value kept for each stamp as {@link Alignment} keeps it: the first row, or the latest
   * recorded.
   */
  private static int[] keptRows(SeriesData d, int[] idx) {
    int[] out = new int[idx.length];
    int c = 0;
    for (int k = 0; k < idx.length; ) {
      int j = k + 1;
      long t = d.time(idx[k]);
      int keep = idx[k];
      while (j < idx.length && d.time(idx[j]) == t) {
        if (d.hasRecordedAt()
            && d.recordedAt(idx[j]) != TimeParser.UNPARSEABLE
            && d.recordedAt(idx[j]) > d.recordedAt(keep)) {
          keep = idx[j];
        }
        j++;
      }
      out[c++] = keep;
      k = j;
    }
    return Arrays.copyOf(out, c);
  }

  /**
   * Compares two extracts of one series stamp by stamp: values revised ({@code history.revised}),
   * stamps added ({@code history.added}, info; "inserted" when inside the old extract's time range)
   * and stamps removed ({@code history.removed}, warning). Two missing values are equal; a value
   * that became missing, or was filled in, is a revision.
   */
  public static Comparison compare(SeriesData old, SeriesData neu) {
    TimeFormat fmt = neu.timeFormat();
    int[] a = keptRows(old, History.byTime(old));
    int[] b = keptRows(neu, History.byTime(neu));
    List<History.Change> changes = new ArrayList<>();
    List<Long> revisedStamps = new ArrayList<>();
    List<Long> addedStamps = new ArrayList<>();
    List<Long> removedStamps = new ArrayList<>();
    Rows addedRows = new Rows();
    Rows removedRows = new Rows();
    long[] union = new long[a.length + b.length];
    int u = 0;
    long common = 0;
    long inserted = 0;
    long oldFirst = a.length > 0 ? old.time(a[0]) : Long.MAX_VALUE;
    long oldLast = a.length > 0 ? old.time(a[a.length - 1]) : Long.MIN_VALUE;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      long ta = i < a.length ? old.time(a[i]) : Long.MAX_VALUE;
      long tb = j < b.length ? neu.time(b[j]) : Long.MAX_VALUE;
      if (ta == tb) {
        common++;
        if (!History.same(old.value(a[i]), neu.value(b[j]))) {
          changes.add(new History.Change(ta, old.value(a[i]), neu.value(b[j]), neu.row(b[j])));
          revisedStamps.add(ta);
        }
        union[u++] = ta;
        i++;
        j++;
      } else if (ta < tb) {
        removedStamps.add(ta);
        removedRows.add(old.row(a[i]));
        union[u++] = ta;
        i++;
      } else {
        addedStamps.add(tb);
        addedRows.add(neu.row(b[j]));
        if (tb > oldFirst && tb < oldLast) {
          inserted++;
        }
        union[u++] = tb;
        j++;
      }
    }
    long[] all = Arrays.copyOf(union, u);
    List<Finding> out = new ArrayList<>();
    if (!changes.isEmpty()) {
      out.add(
          History.revisedFinding(
              changes,
              History.runsOfStamps(revisedStamps, fmt, all),
              String.format(
                  Locale.ROOT,
                  "%d of %d values present in both extracts (%s) were revised%s",
                  changes.size(),
                  common,
                  Alignment.pct(changes.size() / (double) Math.max(1, common)),
                  largestText(changes, fmt)),
              fmt));
    }
    if (!removedStamps.isEmpty()) {
      out.add(
          new Finding(
              CheckType.HISTORY_REMOVED.id(),
              Severity.WARNING,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%s of the old extract %s missing from the new one: history was" + " deleted",
                  Prose.count(removedStamps.size(), "time stamp"),
                  removedStamps.size() == 1 ? "is" : "are"),
              removedStamps.size(),
              History.runsOfStamps(removedStamps, fmt, all),
              removedRows.first(),
              Map.of()));
    }
    if (!addedStamps.isEmpty()) {
      out.add(
          new Finding(
              CheckType.HISTORY_ADDED.id(),
              Severity.INFO,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%s %s new%s",
                  Prose.count(addedStamps.size(), "time stamp"),
                  addedStamps.size() == 1 ? "is" : "are",
                  inserted > 0
                      ? String.format(
                          Locale.ROOT,
                          ", %d of them inside the old extract's time range" + " (backfilled)",
                          inserted)
                      : ", all after the old extract's end"),
              addedStamps.size(),
              History.runsOfStamps(addedStamps, fmt, all),
              addedRows.first(),
              Map.of("inserted", inserted, "appended", addedStamps.size() - inserted)));
    }
    return new Comparison(out, common, changes.size(), addedStamps.size(), removedStamps.size());
  }

  private static String largestText(List<History.Change> changes, TimeFormat fmt) {
    History.Change best = null;
    for (History.Change c : changes) {
      if (best == null || History.magnitude(c) > History.magnitude(best)) {
        best = c;
      }
    }
    return best == null
        ? ""
        : String.format(
            Locale.ROOT,
            "; the largest at %s, %s → %s",
            fmt.text(best.time()),
            Robust.num(best.before()),
            Robust.num(best.after()));
  }
}
