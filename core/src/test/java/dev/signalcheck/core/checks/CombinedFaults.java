package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.series.RegularSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Injects several faults into the same real series at once (a code for missing, runs of zeros,
 * frozen runs, spikes up and down: in random order, at random positions, of random sizes, seeded)
 * and measures what {@link ValueChecks#run} reports: the recall per fault and the false intervals
 * per series. Used by {@link CombinedFaultsTest}; {@link #main} prints the tables of
 * docs/checks.md.
 *
 * <p>A false interval is an interval of a sensor-fault finding that overlaps no injected fault of
 * its own kind, on a stretch where the untouched series has no sensor-fault finding (within {@link
 * #NEAR} readings). A code found for the wrong readings, a code shown as spikes or a zero run shown
 * as frozen all count as false intervals.
 */
final class CombinedFaults {
  private CombinedFaults() {}

  enum Fault {
    CODE,
    ZERO_RUN,
    STUCK,
    SPIKE
  }

  /**
   * The fault sizes: a code over {@code codeShare} of the readings in runs of 1–6; zero runs and
   * frozen runs of the given lengths; single-reading spikes of ± 1 to 1.5 × the larger of {@code
   * spikeSpreads} × the series' spread (99th − 1st percentile) and {@code spikeJumps} × the 99th
   * percentile of its absolute step-to-step changes (so a spike stands out of the series' own
   * noise, not only of its range).
   */
  record Design(
      double codeShareMin,
      double codeShareMax,
      int zeroRunsMax,
      int zeroLenMin,
      int zeroLenMax,
      int stuckRunsMax,
      int stuckLenMin,
      int stuckLenMax,
      int spikesMin,
      int spikesMax,
      double spikeSpreads,
      double spikeJumps) {}

  /** The design point of docs/checks.md: the single-fault design points, all at once. */
  static final Design DESIGN = new Design(0.002, 0.03, 4, 1, 72, 4, 12, 72, 2, 8, 1.0, 3.0);

  /** Readings either side within which an interval counts as the untouched series' own. */
  static final int NEAR = 12;

  private static final double[] CODES = {-999, -9999, -200, 9999, 99999, -99999};

  /** Per fault: {injected, found}; per series run: false intervals. */
  static final class Tally {
    final Map<Fault, long[]> recall = new EnumMap<>(Fault.class);
    final List<Integer> falseIntervals = new ArrayList<>();
    final Map<String, Integer> falseByCheck = new HashMap<>();
    int runs;

    Tally() {
      for (Fault f : Fault.values()) {
        recall.put(f, new long[2]);
      }
    }

    double rate(Fault f) {
      long[] r = recall.get(f);
      return r[0] == 0 ? Double.NaN : r[1] / (double) r[0];
    }

    double meanFalse() {
      return falseIntervals.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    int maxFalse() {
      return falseIntervals.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Share of series runs with at most {@code k} false intervals. */
    double shareAtMost(int k) {
      return falseIntervals.isEmpty()
          ? Double.NaN
          : falseIntervals.stream().filter(x -> x <= k).count() / (double) falseIntervals.size();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (Fault f : Fault.values()) {
        long[] r = recall.get(f);
        sb.append(String.format(Locale.ROOT, "%s %d/%d = %.3f; ", f, r[1], r[0], rate(f)));
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "false intervals per series: mean %.2f, max %d, share ≤3 %.3f (%d runs) %s",
              meanFalse(),
              maxFalse(),
              shareAtMost(3),
              runs,
              falseByCheck));
      return sb.toString();
    }
  }

  /** One injected fault: its kind and its positions [from, to]. */
  record Event(Fault kind, int from, int to) {}

  private static final List<String> SENSOR_CHECKS = FalseAlarmReport.CHECKS;

  private static Fault kindOf(String check) {
    if (check.equals(CheckType.VALUE_SENTINEL.id())) {
      return Fault.CODE;
    }
    if (check.equals(CheckType.VALUE_ZERO_RUN.id())) {
      return Fault.ZERO_RUN;
    }
    if (check.equals(CheckType.VALUE_STUCK.id())) {
      return Fault.STUCK;
    }
    if (check.equals(CheckType.VALUE_SPIKE.id())) {
      return Fault.SPIKE;
    }
    return null;
  }

  /** Whether zero lies far outside the untouched readings (so a zero run is a fault there). */
  static boolean farFromZero(double[] v) {
    double[] s = Robust.finiteSorted(v);
    if (s.length < 100) {
      return false;
    }
    double iqr = Robust.iqr(s);
    return iqr > 0
        && (Robust.quantile(s, 0.01) > ZeroRunCheck.DISTANCE * iqr
            || -Robust.quantile(s, 0.99) > ZeroRunCheck.DISTANCE * iqr);
  }

  /**
   * The first code that lies five ranges outside the readings (so beyond the injected spikes: a
   * step-to-step change is at most a range), or NaN.
   */
  static double codeFor(double[] v) {
    double[] s = Robust.finiteSorted(v);
    double lo = s[0];
    double hi = s[s.length - 1];
    double range = hi - lo;
    for (double c : CODES) {
      if (c < lo - 5 * range || c > hi + 5 * range) {
        return c;
      }
    }
    return Double.NaN;
  }

  /** Positions [from, to] of each interval of the sensor-fault findings, by check. */
  private static Map<String, List<int[]>> intervals(RegularSeries s, List<Finding> fs) {
    Map<Object, Integer> at = new HashMap<>();
    for (int k = 0; k < s.length(); k++) {
      at.put(s.formattedTime(k), k);
    }
    Map<String, List<int[]>> out = new HashMap<>();
    for (Finding f : fs) {
      if (!SENSOR_CHECKS.contains(f.check()) || f.check().equals(CheckType.VALUE_SENTINEL.id())) {
        continue;
      }
      if (f.intervals().size() >= Alignment.MAX_INTERVALS) {
        throw new IllegalStateException(f.check() + ": more intervals than a finding lists");
      }
      for (Interval i : f.intervals()) {
        out.computeIfAbsent(f.check(), c -> new ArrayList<>())
            .add(new int[] {at.get(i.from()), at.get(i.to())});
      }
    }
    return out;
  }

  private static boolean overlaps(int from, int to, int a, int b) {
    return a <= to && from <= b;
  }

  /** Places {@code len} positions at random where every position is finite and free. */
  private static int place(Random rnd, double[] v, boolean[] taken, int len) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int p = 1 + rnd.nextInt(Math.max(1, v.length - len - 2));
      boolean ok = true;
      for (int k = p - 1; k <= p + len && ok; k++) {
        ok = k >= 0 && k < v.length && !taken[k] && Double.isFinite(v[k]);
      }
      if (ok) {
        Arrays.fill(taken, p, p + len, true);
        return p;
      }
    }
    return -1;
  }

  /**
   * Series of this length get the design's numbers of faults; shorter ones proportionally fewer.
   */
  static final int DESIGN_LENGTH = 4000;

  private static int scaled(int count, int n) {
    return (int) Math.max(1, Math.min(count, Math.round(count * (double) n / DESIGN_LENGTH)));
  }

  /** One series with a random combination of faults; the events are returned in {@code out}. */
  static double[] inject(double[] orig, Design d, Random rnd, List<Event> out) {
    double[] v = orig.clone();
    int n = v.length;
    double[] sorted = Robust.finiteSorted(v);
    double spread = Robust.quantile(sorted, 0.99) - Robust.quantile(sorted, 0.01);
    double[] steps = new double[Math.max(0, n - 1)];
    for (int k = 1; k < n; k++) {
      steps[k - 1] = Math.abs(v[k] - v[k - 1]);
    }
    double jump = Robust.quantile(Robust.finiteSorted(steps), 0.99);
    double spikeSize = Math.max(d.spikeSpreads() * spread, d.spikeJumps() * jump);
    List<Fault> plan = new ArrayList<>();
    int zeros = farFromZero(orig) ? 1 + rnd.nextInt(scaled(d.zeroRunsMax(), n)) : 0;
    for (int i = 0; i < zeros; i++) {
      plan.add(Fault.ZERO_RUN);
    }
    int stuck = 1 + rnd.nextInt(scaled(d.stuckRunsMax(), n));
    for (int i = 0; i < stuck; i++) {
      plan.add(Fault.STUCK);
    }
    int spikesMax = Math.max(d.spikesMin(), scaled(d.spikesMax(), n));
    int spikes = d.spikesMin() + rnd.nextInt(spikesMax - d.spikesMin() + 1);
    for (int i = 0; i < spikes; i++) {
      plan.add(Fault.SPIKE);
    }
    double code = codeFor(orig);
    double share = d.codeShareMin() + rnd.nextDouble() * (d.codeShareMax() - d.codeShareMin());
    int codeReadings = Double.isNaN(code) ? 0 : (int) Math.max(3, Math.round(share * n));
    // the code in runs of 1..6, shuffled in with the other faults
    List<Integer> codeLens = new ArrayList<>();
    for (int left = codeReadings; left > 0; ) {
      int len = Math.min(left, 1 + rnd.nextInt(6));
      plan.add(Fault.CODE);
      codeLens.add(len);
      left -= len;
    }
    Collections.shuffle(plan, rnd);
    boolean[] taken = new boolean[n];
    int codeIdx = 0;
    for (Fault f : plan) {
      int len;
      switch (f) {
        case ZERO_RUN -> len = d.zeroLenMin() + rnd.nextInt(d.zeroLenMax() - d.zeroLenMin() + 1);
        case STUCK -> len = d.stuckLenMin() + rnd.nextInt(d.stuckLenMax() - d.stuckLenMin() + 1);
        case SPIKE -> len = 1;
        default -> len = codeLens.get(codeIdx++);
      }
      int p = place(rnd, v, taken, len);
      if (p < 0) {
        continue;
      }
      switch (f) {
        case ZERO_RUN -> Arrays.fill(v, p, p + len, 0.0);
        case STUCK -> {
          if (v[p] == 0) {
            continue;
          }
          Arrays.fill(v, p, p + len, v[p]);
        }
        case SPIKE ->
            v[p] += (rnd.nextBoolean() ? 1 : -1) * (1 + 0.5 * rnd.nextDouble()) * spikeSize;
        default -> Arrays.fill(v, p, p + len, code);
      }
      out.add(new Event(f, p, p + len - 1));
    }
    return v;
  }

  private static RegularSeries with(RegularSeries s, double[] v) {
    return new RegularSeries(s.start(), s.step(), v, s.rows(), s.format());
  }

  /** Runs {@code trials} random combinations on every series of the pool. */
  static Tally measure(List<RealSeries.Named> pool, Design d, int trials, long seed) {
    Tally t = new Tally();
    Random rnd = new Random(seed);
    for (RealSeries.Named s : pool) {
      double[] orig = s.series().values();
      if (Robust.finiteSorted(orig).length < 100) {
        continue;
      }
      Map<String, List<int[]>> before =
          intervals(s.series(), ValueChecks.run(s.series(), s.season(), null, null).findings());
      List<int[]> own = new ArrayList<>();
      before.values().forEach(own::addAll);
      for (int trial = 0; trial < trials; trial++) {
        List<Event> events = new ArrayList<>();
        double[] v = inject(orig, d, rnd, events);
        RegularSeries injected = with(s.series(), v);
        ValueChecks.Result r = ValueChecks.run(injected, s.season(), null, null);
        Map<String, List<int[]>> got = intervals(injected, r.findings());
        t.runs++;
        double[] cleaned = r.series().values();
        for (Event e : events) {
          long[] rec = t.recall.get(e.kind());
          if (e.kind() == Fault.CODE) {
            for (int k = e.from(); k <= e.to(); k++) {
              rec[0]++;
              if (Double.isNaN(cleaned[k])) {
                rec[1]++;
              }
            }
            continue;
          }
          rec[0]++;
          String check =
              switch (e.kind()) {
                case ZERO_RUN -> CheckType.VALUE_ZERO_RUN.id();
                case STUCK -> CheckType.VALUE_STUCK.id();
                default -> CheckType.VALUE_SPIKE.id();
              };
          boolean hit =
              got.getOrDefault(check, List.of()).stream()
                  .anyMatch(i -> overlaps(e.from(), e.to(), i[0], i[1]));
          if (hit) {
            rec[1]++;
          }
        }
        int falseCount = 0;
        // a code other than the injected one: each of its runs is a false interval
        for (Finding f : r.findings()) {
          if (f.check().equals(CheckType.VALUE_SENTINEL.id())
              && !f.details().get("value").equals(codeFor(orig))) {
            falseCount += f.intervals().size();
            t.falseByCheck.merge(f.check(), f.intervals().size(), Integer::sum);
          }
        }
        for (Map.Entry<String, List<int[]>> g : got.entrySet()) {
          Fault kind = kindOf(g.getKey());
          for (int[] i : g.getValue()) {
            boolean matches =
                events.stream()
                    .anyMatch(e -> e.kind() == kind && overlaps(e.from(), e.to(), i[0], i[1]));
            boolean preexisting =
                own.stream().anyMatch(o -> overlaps(o[0] - NEAR, o[1] + NEAR, i[0], i[1]));
            if (!matches && !preexisting) {
              falseCount++;
              t.falseByCheck.merge(g.getKey(), 1, Integer::sum);
            }
          }
        }
        t.falseIntervals.add(falseCount);
      }
    }
    return t;
  }

  /**
   * The pool of docs/checks.md: NAB realKnownCause, realAWSCloudwatch, realTraffic, five realTweets
   * series and the eight sensor columns of SKAB's anomaly-free run.
   */
  static List<RealSeries.Named> pool() {
    List<RealSeries.Named> all = new ArrayList<>();
    for (String folder :
        List.of("realKnownCause", "realAWSCloudwatch", "realTraffic", "realTweets")) {
      all.addAll(RealSeries.nabFolder(folder));
    }
    all.addAll(RealSeries.skabFile("anomaly-free.csv.gz"));
    return all;
  }

  /** The pool by source, for the per-source table. */
  static java.util.LinkedHashMap<String, List<RealSeries.Named>> sources() {
    java.util.LinkedHashMap<String, List<RealSeries.Named>> m = new java.util.LinkedHashMap<>();
    for (String folder :
        List.of("realKnownCause", "realAWSCloudwatch", "realTraffic", "realTweets")) {
      m.put("NAB " + folder, RealSeries.nabFolder(folder));
    }
    m.put("SKAB anomaly-free", RealSeries.skabFile("anomaly-free.csv.gz"));
    return m;
  }

  private static Design withSpikes(double spreads, double jumps) {
    Design d = DESIGN;
    return new Design(
        d.codeShareMin(),
        d.codeShareMax(),
        d.zeroRunsMax(),
        d.zeroLenMin(),
        d.zeroLenMax(),
        d.stuckRunsMax(),
        d.stuckLenMin(),
        d.stuckLenMax(),
        d.spikesMin(),
        d.spikesMax(),
        spreads,
        jumps);
  }

  /**
   * Prints the tables of docs/checks.md: the design point on the pool, by source, on M4 Hourly, and
   * a sweep of spike sizes. Argument: combinations per series (default 5).
   */
  public static void main(String[] args) {
    List<RealSeries.Named> pool = pool();
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.println("pool: " + pool.size() + " series, " + trials + " combinations each");
    System.out.println("design point, all: " + measure(pool, DESIGN, trials, 10));
    sources()
        .forEach(
            (name, series) ->
                System.out.println("  " + name + ": " + measure(series, DESIGN, trials, 10)));
    System.out.println("M4 Hourly first 60: " + measure(RealSeries.m4Hourly(), DESIGN, trials, 11));
    for (double[] size : new double[][] {{1, 0}, {0.5, 1}, {1, 1}, {1, 2}, {1, 3}, {1, 4}}) {
      System.out.println(
          "spikes "
              + size[0]
              + " spread / "
              + size[1]
              + " jumps: "
              + measure(pool, withSpikes(size[0], size[1]), trials, 10));
    }
  }
}
