package dev.signalcheck.core.checks;

import static dev.signalcheck.core.checks.Alignment.MAX_INTERVALS;
import static dev.signalcheck.core.checks.Alignment.MOSTLY;
import static dev.signalcheck.core.checks.Alignment.pct;
import static dev.signalcheck.core.checks.Alignment.sameValue;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code time.duplicate}: rows that repeat a time stamp. The first row is kept (or the one recorded
 * latest, with a recorded-at column); when most rows repeat a stamp, the rows cannot be one series:
 * the likely fix is named and no verdict is given.
 */
final class DuplicateStamps implements Check {

  @Override
  public void apply(Aligning a) {
    SeriesData data = a.data;
    TimeFormat fmt = a.fmt;
    int[] idx = a.idx;
    long[] times = a.times;
    int[] uniq = new int[idx.length];
    int u = 0;
    Rows dupRows = new Rows();
    List<Interval> dupIntervals = new ArrayList<>();
    long disagreeing = 0;
    long dupStamps = 0;
    long runFrom = Long.MIN_VALUE;
    long runTo = Long.MIN_VALUE;
    long runCount = 0;
    for (int k = 0; k < idx.length; ) {
      int j = k + 1;
      long t = times[idx[k]];
      while (j < idx.length && times[idx[j]] == t) {
        j++;
      }
      int keep = idx[k];
      if (j - k > 1) {
        dupStamps++;
        if (data.hasRecordedAt()) {
          for (int q = k + 1; q < j; q++) {
            if (data.recordedAt(idx[q]) != TimeParser.UNPARSEABLE
                && data.recordedAt(idx[q]) > data.recordedAt(keep)) {
              keep = idx[q];
            }
          }
        }
        for (int q = k; q < j; q++) {
          if (idx[q] != keep) {
            dupRows.add(data.row(idx[q]));
            if (!sameValue(data.value(idx[q]), data.value(keep))) {
              disagreeing++;
            }
          }
        }
        // merge duplicate stamps that follow each other on the sorted stamp list
        if (runCount > 0 && u > 0 && times[uniq[u - 1]] == runTo) {
          runTo = t;
          runCount += j - k - 1;
        } else {
          if (runCount > 0 && dupIntervals.size() < MAX_INTERVALS) {
            dupIntervals.add(new Interval(fmt.format(runFrom), fmt.format(runTo), runCount));
          }
          runFrom = t;
          runTo = t;
          runCount = j - k - 1;
        }
      }
      uniq[u++] = keep;
      k = j;
    }
    if (runCount > 0 && dupIntervals.size() < MAX_INTERVALS) {
      dupIntervals.add(new Interval(fmt.format(runFrom), fmt.format(runTo), runCount));
    }
    if (dupRows.count() > 0) {
      String agree =
          disagreeing == 0
              ? (dupRows.count() == 1 ? "its value agrees" : "their values agree")
              : disagreeing == 1 && dupRows.count() == 1
                  ? "with a different value"
                  : disagreeing + " of them with a different value";
      String kept =
          data.hasRecordedAt() ? "the latest recorded row is kept" : "the first row is kept";
      double share = dupRows.count() / (double) Math.max(1, idx.length);
      Severity sev = Severity.WARNING;
      String fix = "";
      if (share > MOSTLY) {
        sev = Severity.CRITICAL;
        String what = duplicateFix(a.hints.get(), idx.length / (double) Math.max(1, dupStamps));
        fix = ". These rows cannot be one series: " + what + " (no verdict until then)";
        a.withheld = "most rows (" + pct(share) + ") repeat a time stamp: " + what;
      }
      a.findings.add(
          new Finding(
              CheckType.TIME_DUPLICATE.id(),
              sev,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%s %s %s (%s); %s%s",
                  Prose.count(dupRows.count(), "extra row"),
                  dupRows.count() == 1 ? "repeats" : "repeat",
                  Prose.count(dupStamps, "time stamp"),
                  agree,
                  kept,
                  fix),
              dupRows.count(),
              dupIntervals,
              dupRows.first(),
              Map.of("valuesDisagree", disagreeing)));
    }
    a.uniq = uniq;
    a.u = u;
  }

  /**
   * The likely fix for a series most of whose rows repeat a time stamp: a time-of-day column left
   * out of {@code --time}, a series key left out of {@code --id}, or else a general hint.
   *
   * @param perStamp rows per distinct time stamp, on average
   */
  static String duplicateFix(InputHints hints, double perStamp) {
    if (hints.timeOfDayColumn() != null) {
      return String.format(
          Locale.ROOT,
          "each date repeats about %d times and column %s holds times of day: pass --time %s,%s",
          Math.round(perStamp),
          hints.timeOfDayColumn(),
          hints.dateColumn(),
          hints.timeOfDayColumn());
    }
    if (!hints.idCandidates().isEmpty()) {
      String c = hints.idCandidates().get(0);
      return "a series key seems missing: pass --id " + c + " (it makes every time stamp unique)";
    }
    return "pass --id with the column(s) that tell the series apart, or name the time-of-day"
        + " column in --time DATE,TIME";
  }
}
