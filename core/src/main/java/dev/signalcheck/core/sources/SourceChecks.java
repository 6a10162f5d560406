package dev.signalcheck.core.sources;

import dev.signalcheck.core.checks.Extracts;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.text.Prose;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The {@code source.*} checks (category external-dependency): pure functions of the history of
 * pulls of one source, fed with {@link Snapshot} summaries, the newest readings of each series and,
 * for revisions, the series of the previous and the current snapshot. Thresholds and why:
 * docs/checks.md, "External sources".
 */
public final class SourceChecks {
  private SourceChecks() {}

  /** A series whose newest reading is this many steps behind the pull (or more) is stale. */
  public static final int STALE_STEPS = 3;

  /** Pulls needed before arrival times are judged. */
  public static final int MIN_PULLS = 5;

  /** Most recent pulls looked at for arrival times. */
  public static final int ARRIVAL_WINDOW = 30;

  /** Spread of the lag (newest reading to pull), in steps, from which arrival is irregular. */
  public static final double IRREGULAR_SPREAD = 3;

  /** Share of values already seen whose revision makes {@code source.revised} critical. */
  public static final double REVISED_CRITICAL_SHARE = 0.05;

  /** Share of the previous rows whose loss makes {@code source.shrunk} critical. */
  public static final double SHRUNK_CRITICAL_SHARE = 0.10;

  // ------------------------------------------------------------------ unavailable

  /**
   * {@code source.unavailable}: every attempt of this pull failed.
   *
   * @param reason the last attempt's failure, one line, without secrets
   * @param attempts attempts made in this pull
   * @param failingSince the first failed pull since the last success (this pull when it is the
   *     first)
   * @param failedPulls failed pulls in a row, this one included
   * @param previous the last good snapshot, or null when there is none
   * @param now when this pull gave up
   */
  public static Finding unavailable(
      String source,
      String reason,
      int attempts,
      Instant failingSince,
      int failedPulls,
      Snapshot previous,
      Instant now) {
    String kept =
        previous == null
            ? "there is no earlier snapshot"
            : "the previous snapshot ("
                + instant(previous.fetchedAt())
                + ", "
                + Prose.count(previous.rows(), "row")
                + ") is kept";
    String since =
        failedPulls <= 1
            ? "failing since this pull"
            : "failing since "
                + instant(failingSince)
                + " ("
                + Prose.count(failedPulls, "pull")
                + " in a row)";
    String msg =
        String.format(
            Locale.ROOT,
            "source '%s' is unavailable: %s failed (last: %s); %s; not evaluated, %s",
            source,
            attempts == 1 ? "the only attempt" : "all " + attempts + " attempts",
            reason,
            since,
            kept);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", source);
    d.put("evaluated", false);
    d.put("reason", reason);
    d.put("attempts", attempts);
    d.put("failingSince", instant(failingSince));
    d.put("failedPulls", failedPulls);
    if (previous != null) {
      d.put("previousSnapshot", instant(previous.fetchedAt()));
    }
    return new Finding(
        CheckType.SOURCE_UNAVAILABLE.id(),
        Severity.CRITICAL,
        Category.EXTERNAL_DEPENDENCY,
        msg,
        failedPulls,
        List.of(new Interval(instant(failingSince), instant(now), failedPulls)),
        List.of(),
        d);
  }

  // ------------------------------------------------------------------ stale

  /**
   * {@code source.stale}: series whose newest reading is older than their own step allows: at least
   * {@link #STALE_STEPS} whole steps before the pull, or older than {@code maxDelay} when it is
   * given. Series on an integer index have no calendar and are skipped.
   *
   * @return the finding, or null when no series is late
   */
  public static Finding stale(List<SeriesEnd> ends, Instant fetchedAt, Duration maxDelay) {
    long now = fetchedAt.toEpochMilli();
    List<Map<String, Object>> late = new ArrayList<>();
    List<Interval> intervals = new ArrayList<>();
    SeriesEnd worst = null;
    long worstSteps = -1;
    boolean critical = false;
    for (SeriesEnd e : ends) {
      if (e.step() == null || e.step().kind() == Step.Kind.INDEX || e.lastMillis() > now) {
        continue;
      }
      long steps = (long) Math.floor(e.step().position(e.lastMillis(), now) + 1e-9);
      long delay = now - e.lastMillis();
      boolean isLate = maxDelay != null ? delay > maxDelay.toMillis() : steps >= STALE_STEPS;
      if (!isLate) {
        continue;
      }
      if (steps > Math.max(STALE_STEPS, e.step().defaultSeason())) {
        critical = true;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("series", e.id());
      m.put("newest", e.lastText());
      m.put("stepsLate", steps);
      m.put("delaySeconds", delay / 1000);
      late.add(m);
      if (intervals.size() < 200) {
        intervals.add(new Interval(e.lastText(), instant(fetchedAt), steps));
      }
      if (steps > worstSteps) {
        worstSteps = steps;
        worst = e;
      }
    }
    if (worst == null) {
      return null;
    }
    String what =
        String.format(
            Locale.ROOT,
            "%s late: %s data, newest %s, fetched %s",
            Prose.count(worstSteps, "step"),
            cadence(worst.step()),
            worst.lastText(),
            instant(fetchedAt));
    String limit =
        maxDelay == null
            ? String.format(Locale.ROOT, "%d steps or more is stale", STALE_STEPS)
            : "allowed delay " + duration(maxDelay) + " (--max-delay)";
    String msg =
        late.size() == 1 && ends.size() == 1
            ? "the last reading is " + what + " (" + limit + ")"
            : String.format(
                Locale.ROOT,
                "%d of %d series are late; the worst, '%s', is %s (%s)",
                late.size(),
                ends.size(),
                worst.id(),
                what,
                limit);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("stepsLate", worstSteps);
    d.put("step", worst.step().iso());
    d.put("fetchedAt", instant(fetchedAt));
    if (maxDelay != null) {
      d.put("maxDelaySeconds", maxDelay.toSeconds());
    }
    d.put("series", late.size() > 20 ? late.subList(0, 20) : late);
    return new Finding(
        CheckType.SOURCE_STALE.id(),
        critical ? Severity.CRITICAL : Severity.WARNING,
        Category.EXTERNAL_DEPENDENCY,
        msg,
        late.size(),
        intervals,
        List.of(),
        d);
  }

  // ------------------------------------------------------------------ schema

  /**
   * {@code source.schema-changed}: columns added, removed, renamed (a removed and an added column
   * whose names are close: a did-you-mean) or retyped between two snapshots.
   *
   * @param used the columns the audit reads (time, targets, ids); a change to one of them is
   *     critical
   * @return the finding, or null when the columns are the same
   */
  public static Finding schemaChanged(Snapshot previous, Snapshot current, Set<String> used) {
    Map<String, String> a = types(previous.columns());
    Map<String, String> b = types(current.columns());
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> retyped = new ArrayList<>();
    for (String k : a.keySet()) {
      if (!b.containsKey(k)) {
        removed.add(k);
      } else if (!a.get(k).equalsIgnoreCase(b.get(k))) {
        retyped.add(k);
      }
    }
    for (String k : b.keySet()) {
      if (!a.containsKey(k)) {
        added.add(k);
      }
    }
    if (removed.isEmpty() && added.isEmpty() && retyped.isEmpty()) {
      return null;
    }
    Map<String, String> renamed = new LinkedHashMap<>();
    for (String r : removed) {
      String best = closest(r, added, renamed.values());
      if (best != null) {
        renamed.put(r, best);
      }
    }
    if (renamed.isEmpty() && removed.size() == 1 && added.size() == 1) {
      // one column out, one in, at the same place with the same type: a rename
      String r = removed.get(0);
      String n = added.get(0);
      if (indexOf(previous.columns(), r) == indexOf(current.columns(), n)
          && a.get(r).equalsIgnoreCase(b.get(n))) {
        renamed.put(r, n);
      }
    }
    List<String> parts = new ArrayList<>();
    List<String> gone = new ArrayList<>(removed);
    gone.removeAll(renamed.keySet());
    List<String> fresh = new ArrayList<>(added);
    fresh.removeAll(renamed.values());
    for (Map.Entry<String, String> e : renamed.entrySet()) {
      parts.add("'" + e.getKey() + "' is gone (renamed to '" + e.getValue() + "'?)");
    }
    if (!gone.isEmpty()) {
      parts.add("removed " + quoted(gone));
    }
    if (!fresh.isEmpty()) {
      parts.add("added " + quoted(fresh));
    }
    for (String r : retyped) {
      parts.add("'" + r + "' retyped " + a.get(r) + " → " + b.get(r));
    }
    boolean critical = false;
    for (String u : used) {
      if (removed.contains(u) || retyped.contains(u)) {
        critical = true;
      }
    }
    String msg =
        "the columns changed since the previous snapshot ("
            + instant(previous.fetchedAt())
            + "): "
            + String.join("; ", parts)
            + (critical ? "; columns this audit reads are affected" : "");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("added", fresh);
    d.put("removed", gone);
    d.put("renamed", renamed);
    Map<String, Object> rt = new LinkedHashMap<>();
    for (String r : retyped) {
      rt.put(r, Map.of("old", a.get(r), "new", b.get(r)));
    }
    d.put("retyped", rt);
    return new Finding(
        CheckType.SOURCE_SCHEMA_CHANGED.id(),
        critical ? Severity.CRITICAL : Severity.WARNING,
        Category.EXTERNAL_DEPENDENCY,
        msg,
        (long) removed.size() + added.size() - renamed.size() + retyped.size(),
        List.of(
            new Interval(
                instant(previous.fetchedAt()), instant(current.fetchedAt()), (long) parts.size())),
        List.of(),
        d);
  }

  private static Map<String, String> types(List<Snapshot.Column> cols) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Snapshot.Column c : cols) {
      m.put(c.name(), c.type() == null ? "" : c.type());
    }
    return m;
  }

  private static int indexOf(List<Snapshot.Column> cols, String name) {
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The added name closest to a removed one, when close enough to be a rename. */
  static String closest(String name, List<String> candidates, java.util.Collection<String> taken) {
    String n = normal(name);
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (taken.contains(c)) {
        continue;
      }
      String m = normal(c);
      int limit = Math.max(2, Math.max(n.length(), m.length()) / 3);
      int dist = m.equals(n) ? 0 : lev(n, m, limit);
      if (dist < 0) {
        continue;
      }
      if (dist < bestD) {
        bestD = dist;
        best = c;
      }
    }
    return best;
  }

  private static int lev(String a, String b, int limit) {
    int d = new LevenshteinDistance(limit).apply(a, b);
    return d;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static String quoted(List<String> names) {
    List<String> q = new ArrayList<>();
    for (String n : names) {
      q.add("'" + n + "'");
    }
    return String.join(", ", q);
  }

  // ------------------------------------------------------------------ revised and shrunk

  /**
   * {@code source.revised} and {@code source.shrunk}: the series of the previous and the current
   * snapshot compared stamp by stamp ({@link History#compare}).
   *
   * @return zero, one or two findings
   */
  public static List<Finding> compare(
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
              share > REVISED_CRITICAL_SHARE ? Severity.CRITICAL : Severity.WARNING,
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
      boolean critical = !goneSeries.isEmpty() || lost > SHRUNK_CRITICAL_SHARE;
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

  // ------------------------------------------------------------------ arrival

  /**
   * {@code source.irregular-arrival}: over the last pulls, how far the newest reading lags the pull
   * (in the data's own steps). A feed that keeps its rhythm has a steady lag, whatever the pull
   * schedule; one fed in bursts and stalls has a lag that swings. Irregular when the lag's spread
   * is at least {@link #IRREGULAR_SPREAD} steps and more than twice the median time between
   * arrivals (a feed that delivers regular batches, e.g. a day of hourly readings each morning, has
   * a spread of one batch and arrivals one batch apart, and is regular).
   *
   * @param history the successful pulls, oldest first, this one included
   * @return the finding, or null when arrival is regular or there are too few pulls
   */
  public static Finding irregularArrival(List<Snapshot> history) {
    List<Snapshot> h = new ArrayList<>();
    Snapshot newest = history.isEmpty() ? null : history.get(history.size() - 1);
    if (newest == null || newest.step() == null) {
      return null;
    }
    Step step;
    try {
      step = Step.parse(newest.step());
    } catch (RuntimeException e) {
      return null;
    }
    if (step.kind() == Step.Kind.INDEX) {
      return null;
    }
    for (Snapshot s : history) {
      if (s.lastStampMillis() != null && newest.step().equals(s.step())) {
        h.add(s);
      }
    }
    if (h.size() > ARRIVAL_WINDOW) {
      h = h.subList(h.size() - ARRIVAL_WINDOW, h.size());
    }
    if (h.size() < MIN_PULLS) {
      return null;
    }
    double[] lag = new double[h.size()];
    List<Double> gaps = new ArrayList<>();
    Long lastArrival = null;
    for (int i = 0; i < h.size(); i++) {
      Snapshot s = h.get(i);
      long fetched = s.fetchedAt().toEpochMilli();
      lag[i] = step.position(s.lastStampMillis(), fetched);
      boolean grew = i > 0 && s.lastStampMillis() > h.get(i - 1).lastStampMillis();
      if (grew) {
        if (lastArrival != null) {
          gaps.add(step.position(lastArrival, fetched));
        }
        lastArrival = fetched;
      }
    }
    if (gaps.isEmpty()) {
      return null;
    }
    double[] sorted = lag.clone();
    Arrays.sort(sorted);
    double spread = sorted[sorted.length - 1] - sorted[0];
    double medianLag = median(sorted);
    double[] g = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double medianGap = median(g);
    if (spread < IRREGULAR_SPREAD || spread <= 2 * medianGap) {
      return null;
    }
    String msg =
        String.format(
            Locale.ROOT,
            "over the last %d pulls (%s to %s) the newest reading lagged the pull by %s to %s steps"
                + " (median %s) while new data came about every %s steps: the feed arrives in"
                + " bursts and stalls, not at its %s rhythm",
            h.size(),
            instant(h.get(0).fetchedAt()),
            instant(newest.fetchedAt()),
            Prose.stat(sorted[0]),
            Prose.stat(sorted[sorted.length - 1]),
            Prose.stat(medianLag),
            Prose.stat(medianGap),
            cadence(step));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("pulls", h.size());
    d.put("lagSteps", Map.of("min", sorted[0], "median", medianLag, "max", sorted[lag.length - 1]));
    d.put("medianArrivalSteps", medianGap);
    d.put("step", step.iso());
    return new Finding(
        CheckType.SOURCE_IRREGULAR_ARRIVAL.id(),
        Severity.INFO,
        Category.EXTERNAL_DEPENDENCY,
        msg,
        h.size(),
        List.of(new Interval(h.get(0).lastStamp(), newest.lastStamp(), h.size())),
        List.of(),
        d);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  // ------------------------------------------------------------------ words

  /** The cadence in words: hourly, daily, … or the ISO step. */
  public static String cadence(Step s) {
    String iso = s.iso();
    switch (iso) {
      case "PT1H":
        return "hourly";
      case "P1D":
        return "daily";
      case "P1W":
        return "weekly";
      case "P1M":
        return "monthly";
      case "P3M":
        return "quarterly";
      case "P1Y":
        return "yearly";
      default:
        return iso + "-step";
    }
  }

  /** An instant to the second, ISO 8601 UTC. */
  public static String instant(Instant t) {
    return t == null ? "unknown" : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String duration(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
