package dev.signalcheck.core.checks;

import static dev.signalcheck.core.checks.Alignment.MOSTLY;
import static dev.signalcheck.core.checks.Alignment.pct;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code time.unparseable}: time stamps that do not parse. Those rows are left out; when they are
 * most of the rows, the likely {@code --time-format} is named and no verdict is given. The rows
 * that parse are the ones every later check sees.
 */
final class UnparseableStamps implements Check {

  @Override
  public void apply(Aligning a) {
    SeriesData data = a.data;
    int n = a.n;
    Rows unparseable = new Rows();
    int parsed = 0;
    for (int i = 0; i < n; i++) {
      if (data.time(i) == TimeParser.UNPARSEABLE) {
        unparseable.add(data.row(i));
      } else {
        parsed++;
      }
    }
    if (unparseable.count() > 0) {
      double share = unparseable.count() / (double) n;
      Severity sev = share > 0.01 ? Severity.CRITICAL : Severity.WARNING;
      String examples = String.join("', '", data.unparseableExamples());
      String fix = "";
      if (share > MOSTLY) {
        String format = TimeFormats.reading(data.unparseableExamples());
        fix =
            format != null
                ? "; they read as times with --time-format "
                    + format
                    + ": pass it (no verdict until the times are read)"
                : "; pass --time-format (epoch-s, epoch-ms, index, year, ymd, dmy, mdy) or fix the"
                    + " column (no verdict until the times are read)";
        a.withheld =
            "most time stamps ("
                + pct(share)
                + ") do not parse"
                + (format != null ? ": pass --time-format " + format : ": pass --time-format");
      }
      a.unparseableFinding = a.findings.size();
      a.findings.add(
          new Finding(
              CheckType.TIME_UNPARSEABLE.id(),
              sev,
              Category.DATA_COLLECTION,
              String.format(
                  Locale.ROOT,
                  "%s of %d time stamps (%s) do not parse (e.g. '%s'); those rows are left out%s",
                  unparseable.count(),
                  n,
                  pct(share),
                  examples,
                  fix),
              unparseable.count(),
              List.of(),
              unparseable.first(),
              Map.of()));
    }
    int[] idx = new int[parsed];
    long[] times = new long[n];
    for (int i = 0, k = 0; i < n; i++) {
      times[i] = data.time(i);
      if (times[i] != TimeParser.UNPARSEABLE) {
        idx[k++] = i;
      }
    }
    a.idx = idx;
    a.times = times;
  }
}
