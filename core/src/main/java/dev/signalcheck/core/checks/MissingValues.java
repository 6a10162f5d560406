package dev.signalcheck.core.checks;

import static dev.signalcheck.core.checks.Alignment.MAX_INTERVALS;
import static dev.signalcheck.core.checks.Alignment.pct;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code value.missing} and {@code value.non-numeric}: the rows placed on the grid whose value cell
 * is empty or holds text, counted and located as runs (grid positions without a row do not break a
 * run); the text is treated as missing and its most common tokens are named.
 */
final class MissingValues {
  private MissingValues() {}

  static List<Finding> findings(SeriesData data, RegularSeries reg, int[] keptIndex) {
    List<Finding> out = new ArrayList<>();
    Rows missing = new Rows();
    Rows nonNumeric = new Rows();
    List<Interval> missingRuns = new ArrayList<>();
    List<Interval> nonNumericRuns = new ArrayList<>();
    int len = keptIndex.length;
    // every grid position holding a row counts once, also those a run below skips over
    long observed = 0;
    for (int i : keptIndex) {
      if (i >= 0) {
        observed++;
      }
    }
    for (int p = 0; p < len; p++) {
      int i = keptIndex[p];
      if (i < 0) {
        continue;
      }
      byte st = data.state(i);
      if (st == SeriesData.OK) {
        continue;
      }
      Rows target = st == SeriesData.MISSING ? missing : nonNumeric;
      List<Interval> runs = st == SeriesData.MISSING ? missingRuns : nonNumericRuns;
      int q = p;
      long c = 0;
      int lastP = p;
      while (q < len && (keptIndex[q] < 0 || data.state(keptIndex[q]) == st)) {
        if (keptIndex[q] >= 0) {
          target.add(data.row(keptIndex[q]));
          c++;
          lastP = q;
        }
        q++;
      }
      if (runs.size() < MAX_INTERVALS) {
        runs.add(new Interval(reg.formattedTime(p), reg.formattedTime(lastP), c));
      }
      p = lastP;
    }
    if (missing.count() > 0) {
      double share = missing.count() / (double) Math.max(1, observed);
      Severity sev = share > 0.20 ? Severity.CRITICAL : Severity.WARNING;
      out.add(
          new Finding(
              CheckType.VALUE_MISSING.id(),
              sev,
              Category.DATA_MISSING,
              String.format(
                  Locale.ROOT,
                  "%d of %d values (%s) are missing, in %s",
                  missing.count(),
                  observed,
                  pct(share),
                  Prose.count(missingRuns.size(), "run")),
              missing.count(),
              missingRuns,
              missing.first(),
              Map.of()));
    }
    if (nonNumeric.count() > 0) {
      Map<String, Long> tokens = new LinkedHashMap<>();
      data.nonNumericTokens().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(10)
          .forEach(e -> tokens.put(e.getKey(), e.getValue()));
      String top =
          tokens.entrySet().stream()
              .limit(3)
              .map(e -> "'" + e.getKey() + "' ×" + e.getValue())
              .reduce((a, b) -> a + ", " + b)
              .orElse("");
      out.add(
          new Finding(
              CheckType.VALUE_NON_NUMERIC.id(),
              Severity.WARNING,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%d values are text where a number was expected (%s); treated as missing",
                  nonNumeric.count(),
                  top),
              nonNumeric.count(),
              nonNumericRuns,
              nonNumeric.first(),
              Map.of("tokens", tokens)));
    }
    return out;
  }
}
