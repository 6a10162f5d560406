package dev.signalcheck.core.checks;

import static dev.signalcheck.core.checks.Alignment.MAX_INTERVALS;
import static dev.signalcheck.core.checks.Alignment.pct;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code time.gap}: runs of grid positions no row was placed on. A gap no longer than the
 * unparseable rows between its two neighbours (in file order) is their absence, not a gap in the
 * collection: it is not reported as a gap, and the unparseable finding says how many stamps of the
 * grid are empty only because of them.
 */
final class TimeGaps implements Check {

  @Override
  public void apply(Aligning a) {
    TimeFormat fmt = a.fmt;
    Step step = a.step;
    int[] keptIndex = a.keptIndex;
    int len = keptIndex.length;
    long t0 = a.ut[0];
    int n = a.n;
    // unparseable rows before each row in file order
    int[] unparsedBefore = new int[n + 1];
    for (int i = 0; i < n; i++) {
      unparsedBefore[i + 1] = unparsedBefore[i] + (a.times[i] == TimeParser.UNPARSEABLE ? 1 : 0);
    }
    long gaps = 0;
    long missingStamps = 0;
    long explainedStamps = 0;
    List<Interval> gapIntervals = new ArrayList<>();
    Rows gapRows = new Rows();
    for (int p = 1; p < len; p++) {
      if (keptIndex[p] < 0) {
        int q = p;
        while (q < len && keptIndex[q] < 0) {
          q++;
        }
        int before = keptIndex[p - 1];
        int after = keptIndex[q];
        if (after > before && unparsedBefore[after] - unparsedBefore[before + 1] >= q - p) {
          explainedStamps += q - p;
          p = q;
          continue;
        }
        gaps++;
        missingStamps += q - p;
        gapRows.add(a.data.row(keptIndex[q]));
        if (gapIntervals.size() < MAX_INTERVALS) {
          gapIntervals.add(
              new Interval(
                  fmt.format(step.advance(t0, p)), fmt.format(step.advance(t0, q - 1)), q - p));
        }
        p = q;
      }
    }
    if (gaps > 0) {
      double share = missingStamps / (double) len;
      Severity sev = share > 0.20 ? Severity.CRITICAL : Severity.WARNING;
      a.findings.add(
          new Finding(
              CheckType.TIME_GAP.id(),
              sev,
              Category.DATA_MISSING,
              String.format(
                  Locale.ROOT,
                  "%s: %d of %d expected time stamps (%s) are absent at step %s%s",
                  Prose.count(gaps, "gap"),
                  missingStamps,
                  len,
                  pct(share),
                  step.iso(),
                  longestGap(gapIntervals)),
              gaps,
              gapIntervals,
              gapRows.first(),
              Map.of("missingStamps", missingStamps)));
    }
    if (explainedStamps > 0 && a.unparseableFinding >= 0) {
      Finding f = a.findings.get(a.unparseableFinding);
      a.findings.set(
          a.unparseableFinding,
          new Finding(
              f.check(),
              f.severity(),
              f.category(),
              f.message()
                  + String.format(
                      Locale.ROOT,
                      "; %s of the grid %s empty only because of them (not reported as gaps)",
                      Prose.count(explainedStamps, "time stamp"),
                      explainedStamps == 1 ? "is" : "are"),
              f.count(),
              f.intervals(),
              f.rows(),
              Map.of("stampsLeftEmpty", explainedStamps)));
    }
  }

  private static String longestGap(List<Interval> gaps) {
    Interval best = null;
    for (Interval g : gaps) {
      if (best == null || g.count() > best.count()) {
        best = g;
      }
    }
    if (best == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "; the longest, %s, from %s to %s",
        Prose.count(best.count(), "stamp"),
        best.from(),
        best.to());
  }
}
