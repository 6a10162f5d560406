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
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code time.irregular}: places the distinct time stamps on the grid of the step and reports the
 * spacings that are not a multiple of it. Such a stamp moves to the nearest grid point; where that
 * point already holds an earlier row, the later row is left out (and counted).
 */
final class IrregularSpacing implements Check {

  @Override
  public void apply(Aligning a) {
    TimeFormat fmt = a.fmt;
    Step step = a.step;
    long[] ut = a.ut;
    int[] uniq = a.uniq;
    int u = a.u;
    long t0 = ut[0];
    long[] pos = new long[u];
    long irregular = 0;
    Rows irregularRows = new Rows();
    List<Interval> irregularIntervals = new ArrayList<>();
    long exactSteps = 0;
    for (int k = 0; k < u; k++) {
      double p =
          step.kind() == Step.Kind.MONTHS
              ? Math.floor(step.position(t0, ut[k]) + 1e-9)
              : step.position(t0, ut[k]);
      long r = Math.round(p);
      if (k > 0) {
        boolean offGrid = step.kind() != Step.Kind.MONTHS && Math.abs(p - r) > 1e-9;
        if (offGrid) {
          irregular++;
          irregularRows.add(a.data.row(uniq[k]));
          if (irregularIntervals.size() < MAX_INTERVALS) {
            irregularIntervals.add(new Interval(fmt.format(ut[k - 1]), fmt.format(ut[k]), 1));
          }
        } else if (r - pos[k - 1] == 1) {
          exactSteps++;
        }
      }
      pos[k] = r;
    }
    // snapping may put two stamps on one position: keep the first
    long last = pos[u - 1];
    if (last > Integer.MAX_VALUE - 8) {
      // unreachable: the span was bounded above; kept as the last guard of the allocation
      throw new IllegalStateException("series spans too many steps for its step " + step.iso());
    }
    int len = (int) last + 1;
    int[] keptIndex = new int[len];
    Arrays.fill(keptIndex, -1);
    long snappedAway = 0;
    for (int k = 0; k < u; k++) {
      int p = (int) pos[k];
      if (keptIndex[p] < 0) {
        keptIndex[p] = uniq[k];
      } else {
        snappedAway++;
      }
    }
    a.keptIndex = keptIndex;
    a.regularity = u > 1 ? exactSteps / (double) (u - 1) : 1.0;
    if (irregular > 0) {
      double share = irregular / (double) Math.max(1, u - 1);
      Severity sev = share > 0.05 ? Severity.WARNING : Severity.INFO;
      a.findings.add(
          new Finding(
              CheckType.TIME_IRREGULAR.id(),
              sev,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%s (%s) %s not a multiple of the step %s; %s moved to the nearest grid point%s",
                  Prose.count(irregular, "spacing"),
                  pct(share),
                  irregular == 1 ? "is" : "are",
                  step.iso(),
                  irregular == 1 ? "that stamp was" : "those stamps were",
                  snappedAway > 0
                      ? String.format(
                          Locale.ROOT,
                          ", where %s an earlier row and %s left out",
                          snappedAway == 1 ? "1 row met" : snappedAway + " rows met",
                          snappedAway == 1 ? "was" : "were")
                      : ""),
              irregular,
              irregularIntervals,
              irregularRows.first(),
              Map.of("leftOut", snappedAway)));
    }
  }
}
