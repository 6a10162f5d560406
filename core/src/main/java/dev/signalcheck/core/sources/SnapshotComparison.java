package dev.signalcheck.core.sources;

import static dev.signalcheck.core.sources.SourceChecks.instant;
import static dev.signalcheck.core.sources.SourceChecks.quoted;

import dev.signalcheck.core.checks.Extracts;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code source.revised} and {@code source.shrunk}: the series of two snapshots compared stamp by
 * stamp, in one pass, since both read the same comparison.
 */
final class SnapshotComparison {
  private SnapshotComparison() {}

  /**
   * {@code source.revised} and {@code source.shrunk}: the series of the previous and the current
   * snapshot compared stamp by stamp ({@link History#compare}).
   *
   * @return zero, one or two findings
   */
  static List<Finding> check(
      Map<String, SeriesData> old,
      Map<String, SeriesData> neu,
      Snapshot previous,
      Snapshot current) {
    long revised = 0;
    long common = 0;
    long removed = 0;
    int seriesRevised = 0;
    List<Interval> revIntervals = new ArrayList<>();
    List<Interval> remIntervals = new ArrayList<>();
    List<Map<String, Object>> largest = new ArrayList<>();
    List<Long> rows = new ArrayList<>();
    List<String> goneSeries = new ArrayList<>();
    for (Map.Entry<String, SeriesData> e : old.entrySet()) {
      SeriesData n = neu.get(e.getKey());
      if (n == null) {
        goneSeries.add(e.getKey());
        continue;
      }
      Extracts.Comparison c = Extracts.compare(e.getValue(), n);
      common += c.common();
      revised += c.revised();
      removed += c.removed();
      for (Finding f : c.findings()) {
        if (f.check().equals(CheckType.HISTORY_REVISED.id())) {
          seriesRevised++;
          addCapped(revIntervals, f.intervals());
          for (Long r : f.rows()) {
            if (rows.size() < 5) {
              rows.add(r);
            }
          }
          Object top = f.details().get("largestChanges");
          if (top instanceof List<?> l) {
            for (Object o : l) {
              if (o instanceof Map<?, ?> m) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("series", e.getKey());
                for (Map.Entry<?, ?> me : m.entrySet()) {
                  x.put(String.valueOf(me.getKey()), me.getValue());
                }
                largest.add(x);
              }
            }
          }
        } else if (f.check().equals(CheckType.HISTORY_REMOVED.id())) {
          addCapped(remIntervals, f.intervals());
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    if (revised > 0) {
      largest.sort((x, y) -> Double.compare(size(y), size(x)));
      List<Map<String, Object>> top = largest.subList(0, Math.min(10, largest.size()));
      Map<String, Object> big = top.get(0);
      double share = revised / (double) Math.max(1, common);
      String where =
          old.size() > 1
              ? String.format(Locale.ROOT, " in %d of %d series", seriesRevised, old.size())
              : "";
      String msg =
          String.format(
              Locale.ROOT,
              "%d of %d values already seen (%s) changed since the previous snapshot (%s)%s; the"
                  + " largest at %s%s, %s → %s (%s): a backtest on this history uses values that"
                  + " were not known at the time",
              revised,
              common,
              Prose.share(share),
              instant(previous.fetchedAt()),
              where,
              big.get("time"),
              old.size() > 1 ? " in '" + big.get("series") + "'" : "",
              Prose.value(num(big.get("old"))),
              Prose.value(num(big.get("new"))),
              relative(num(big.get("old")), num(big.get("new"))));
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("seen", common);
      d.put("seriesRevised", seriesRevised);
      d.put("previousSnapshot", instant(previous.fetchedAt()));
      d.put("largestChanges", top);
      out.add(
          new Finding(
              CheckType.SOURCE_REVISED.id(),
              share > SourceChecks.REVISED_CRITICAL_SHARE ? Severity.CRITICAL : Severity.WARNING,
              Category.EXTERNAL_DEPENDENCY,
              msg,
              revised,
              revIntervals,
              rows,
              d));
    }
    boolean fewerRows = current.rows() < previous.rows();
    if (removed > 0 || !goneSeries.isEmpty() || fewerRows) {
      List<String> parts = new ArrayList<>();
      parts.add(
          String.format(
              Locale.ROOT,
              "%s → %s",
              Prose.count(previous.rows(), "row"),
              Prose.count(current.rows(), "row")));
      if (removed > 0) {
        parts.add(Prose.count(removed, "time stamp") + " seen before are gone");
      }
      if (!goneSeries.isEmpty()) {
        parts.add(
            "series "
                + quoted(goneSeries.subList(0, Math.min(10, goneSeries.size())))
                + (goneSeries.size() > 10 ? " and " + (goneSeries.size() - 10) + " more" : "")
                + (goneSeries.size() == 1 ? " is gone" : " are gone"));
      }
      double lost = (previous.rows() - current.rows()) / (double) Math.max(1, previous.rows());
      boolean critical = !goneSeries.isEmpty() || lost > SourceChecks.SHRUNK_CRITICAL_SHARE;
      String msg =
          "the source shrank since the previous snapshot ("
              + instant(previous.fetchedAt())
              + "): "
              + String.join("; ", parts);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("previousRows", previous.rows());
      d.put("rows", current.rows());
      d.put("removedStamps", removed);
      d.put("goneSeries", goneSeries.subList(0, Math.min(50, goneSeries.size())));
      out.add(
          new Finding(
              CheckType.SOURCE_SHRUNK.id(),
              critical ? Severity.CRITICAL : Severity.WARNING,
              Category.EXTERNAL_DEPENDENCY,
              msg,
              Math.max(removed, Math.max(0, previous.rows() - current.rows())),
              remIntervals,
              List.of(),
              d));
    }
    return out;
  }

  private static void addCapped(List<Interval> to, List<Interval> from) {
    for (Interval i : from) {
      if (to.size() < 200) {
        to.add(i);
      }
    }
  }

  private static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static double size(Map<String, Object> m) {
    double d = Math.abs(num(m.get("new")) - num(m.get("old")));
    return Double.isNaN(d) ? Double.MAX_VALUE : d;
  }

  private static String relative(double before, double after) {
    if (!Double.isFinite(before) || !Double.isFinite(after)) {
      return "filled in or blanked";
    }
    double ch = after - before;
    String abs = (ch >= 0 ? "+" : "") + Prose.value(ch);
    if (before == 0) {
      return abs;
    }
    return abs + ", " + (ch >= 0 ? "+" : "") + Prose.percent(ch / Math.abs(before));
  }
}
