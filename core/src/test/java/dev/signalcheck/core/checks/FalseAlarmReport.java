package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints, per check, what the value checks report on untouched real series: the numbers in
 * docs/checks.md. Run with {@code ./mvnw -q -B -pl core test-compile exec:java} or from the IDE.
 */
public final class FalseAlarmReport {
  private FalseAlarmReport() {}

  static final List<String> CHECKS =
      List.of(
          CheckType.VALUE_SENTINEL.id(),
          CheckType.VALUE_STUCK.id(),
          CheckType.VALUE_ZERO_RUN.id(),
          CheckType.VALUE_SPIKE.id(),
          CheckType.VALUE_LEVEL_SHIFT.id());

  /** check → {files flagged, findings' count (points or change points), runs}. */
  static Map<String, long[]> measure(List<RealSeries.Named> series, StringBuilder perFile) {
    Map<String, long[]> totals = new TreeMap<>();
    for (String c : CHECKS) {
      totals.put(c, new long[3]);
    }
    for (RealSeries.Named s : series) {
      ValueChecks.Result r = ValueChecks.run(s.series(), s.season(), null, null);
      List<String> parts = new ArrayList<>();
      for (Finding f : r.findings()) {
        long[] t = totals.get(f.check());
        if (t == null) {
          continue;
        }
        t[0]++;
        t[1] += f.count();
        t[2] += f.intervals().size();
        parts.add(f.check() + " " + f.count() + " in " + f.intervals().size());
      }
      if (perFile != null) {
        perFile.append(
            String.format(
                Locale.ROOT,
                "  %-48s n=%6d  %s%n",
                s.name(),
                s.series().length(),
                parts.isEmpty() ? "-" : String.join("; ", parts)));
      }
    }
    return totals;
  }

  /** The untouched sets of docs/checks.md, by name. */
  static Map<String, List<RealSeries.Named>> sets() {
    Map<String, List<RealSeries.Named>> sets = new java.util.LinkedHashMap<>();
    for (String folder :
        List.of("realKnownCause", "realAWSCloudwatch", "realTraffic", "realTweets")) {
      sets.put("NAB " + folder, RealSeries.nabFolder(folder));
    }
    sets.put("SKAB anomaly-free (8 sensors)", RealSeries.skabFile("anomaly-free.csv.gz"));
    sets.put("M4 Hourly (first 60)", RealSeries.m4Hourly());
    return sets;
  }

  /** Prints the table per set; with an argument, one line per series as well. */
  public static void main(String[] args) {
    sets()
        .forEach(
            (name, series) -> {
              StringBuilder sb = new StringBuilder();
              Map<String, long[]> t = measure(series, sb);
              System.out.println(name + " (" + series.size() + " series)");
              System.out.print(args.length > 0 ? sb : "");
              t.forEach(
                  (k, v) ->
                      System.out.printf(
                          Locale.ROOT,
                          "  %-20s series %d, readings/points %d, runs %d%n",
                          k,
                          v[0],
                          v[1],
                          v[2]));
            });
  }
}
