package dev.signalcheck.core.checks;

import dev.signalcheck.core.series.RegularSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Injects one kind of known fault into real series and measures how many the value checks, run as
 * {@link ValueChecks} runs them, find (recall). Used by {@link InjectedFaultsTest}; {@link #main}
 * prints the single-fault tables of docs/checks.md.
 */
final class InjectedFaults {
  private InjectedFaults() {}

  /** Faults injected and found. */
  record Recall(int injected, int found, int series) {
    double rate() {
      return injected == 0 ? Double.NaN : found / (double) injected;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "%d/%d = %.3f over %d series", found, injected, rate(), series);
    }
  }

  static final int PER_SERIES = 3;

  static List<RealSeries.Named> pool() {
    List<RealSeries.Named> all = new ArrayList<>(RealSeries.nabFolder("realKnownCause"));
    all.addAll(RealSeries.m4Hourly());
    return all;
  }

  private static RegularSeries with(RegularSeries s, double[] v) {
    return new RegularSeries(s.start(), s.step(), v, s.rows(), s.format());
  }

  /** Random starting positions for {@code count} faults of length up to {@code len}, far apart. */
  private static int[] positions(Random rnd, int n, int count, int len) {
    int[] p = new int[count];
    int slot = n / count;
    for (int i = 0; i < count; i++) {
      int lo = i * slot + 12;
      int hi = (i + 1) * slot - len - 12;
      p[i] = hi > lo ? lo + rnd.nextInt(hi - lo) : -1;
    }
    return p;
  }

  /** Frozen readings: the reading at the start repeated for minLen..maxLen steps. */
  static Recall stuck(List<RealSeries.Named> pool, int minLen, int maxLen, long seed) {
    Random rnd = new Random(seed);
    int inj = 0;
    int found = 0;
    int series = 0;
    for (RealSeries.Named s : pool) {
      double[] v = s.series().values().clone();
      int[] pos = positions(rnd, v.length, PER_SERIES, maxLen);
      List<int[]> runs = new ArrayList<>();
      for (int p : pos) {
        int len = minLen + rnd.nextInt(maxLen - minLen + 1);
        if (p < 0 || !Double.isFinite(v[p]) || v[p] == 0) {
          continue;
        }
        Arrays.fill(v, p, p + len, v[p]);
        runs.add(new int[] {p, p + len - 1});
      }
      if (runs.isEmpty()) {
        continue;
      }
      series++;
      StuckCheck.Runs got = ValueChecks.decide(v, s.season()).stuck();
      for (int[] r : runs) {
        inj++;
        if (overlaps(r, got.runs())) {
          found++;
        }
      }
    }
    return new Recall(inj, found, series);
  }

  /**
   * Runs of exact zeros of minLen..maxLen steps, in the series where zero is far from the readings.
   */
  static Recall zeroRuns(List<RealSeries.Named> pool, int minLen, int maxLen, long seed) {
    Random rnd = new Random(seed);
    int inj = 0;
    int found = 0;
    int series = 0;
    for (RealSeries.Named s : pool) {
      double[] v = s.series().values().clone();
      double[] sorted = Robust.finiteSorted(v);
      // only series that are far from zero by the check's own definition, before injection
      if (sorted.length < 100
          || !(sorted[0] > 0
              && Robust.quantile(sorted, 0.01) > ZeroRunCheck.DISTANCE * Robust.iqr(sorted))) {
        continue;
      }
      int[] pos = positions(rnd, v.length, PER_SERIES, maxLen);
      List<int[]> runs = new ArrayList<>();
      for (int p : pos) {
        if (p < 0) {
          continue;
        }
        int len = minLen + rnd.nextInt(maxLen - minLen + 1);
        Arrays.fill(v, p, p + len, 0.0);
        runs.add(new int[] {p, p + len - 1});
      }
      series++;
      List<int[]> got = ValueChecks.decide(v, s.season()).zeroRuns();
      for (int[] r : runs) {
        inj++;
        if (overlaps(r, got.toArray(new int[0][]))) {
          found++;
        }
      }
    }
    return new Recall(inj, found, series);
  }

  /**
   * Single-reading spikes of ± {@code size} × the spread of the series (its 1st to 99th percentile)
   * added to the reading.
   */
  static Recall spikes(List<RealSeries.Named> pool, double size, int perSeries, long seed) {
    Random rnd = new Random(seed);
    int inj = 0;
    int found = 0;
    int series = 0;
    for (RealSeries.Named s : pool) {
      double[] v = s.series().values().clone();
      double[] sorted = Robust.finiteSorted(v);
      double spread = Robust.quantile(sorted, 0.99) - Robust.quantile(sorted, 0.01);
      int[] pos = positions(rnd, v.length, perSeries, 12);
      List<Integer> at = new ArrayList<>();
      for (int p : pos) {
        if (p < 0 || !Double.isFinite(v[p])) {
          continue;
        }
        v[p] += (rnd.nextBoolean() ? 1 : -1) * size * spread;
        at.add(p);
      }
      if (at.isEmpty()) {
        continue;
      }
      series++;
      boolean[] got = ValueChecks.decide(v, s.season()).spikes();
      for (int p : at) {
        inj++;
        if (got[p]) {
          found++;
        }
      }
    }
    return new Recall(inj, found, series);
  }

  static final double[] CODES = {-200, -999, -9999, 9999, 99999, -99999};

  /**
   * A code for missing, far outside the readings, written over {@code share} of the positions in
   * runs of 1..6.
   */
  static Recall sentinels(List<RealSeries.Named> pool, double share, long seed) {
    Random rnd = new Random(seed);
    int inj = 0;
    int found = 0;
    int series = 0;
    for (RealSeries.Named s : pool) {
      double[] v = s.series().values().clone();
      double[] sorted = Robust.finiteSorted(v);
      if (sorted.length < 100) {
        continue;
      }
      double lo = sorted[0];
      double hi = sorted[sorted.length - 1];
      double range = hi - lo;
      double code = Double.NaN;
      for (double c : CODES) {
        if (c < lo - range || c > hi + range) {
          code = c;
          break;
        }
      }
      if (Double.isNaN(code)) {
        continue;
      }
      series++;
      int target = (int) Math.max(3, share * v.length);
      List<Integer> at = new ArrayList<>();
      while (at.size() < target) {
        int p = rnd.nextInt(v.length);
        int len = 1 + rnd.nextInt(6);
        for (int k = p; k < Math.min(v.length, p + len) && at.size() < target; k++) {
          if (v[k] != code) {
            v[k] = code;
            at.add(k);
          }
        }
      }
      double[] codes = ValueChecks.decide(v, s.season()).codes();
      double injected = code;
      boolean hit = Arrays.stream(codes).anyMatch(c -> c == injected);
      inj += at.size();
      if (hit) {
        found += at.size();
      }
    }
    return new Recall(inj, found, series);
  }

  private static boolean overlaps(int[] r, int[][] got) {
    for (int[] g : got) {
      if (g[0] <= r[1] && r[0] <= g[1]) {
        return true;
      }
    }
    return false;
  }

  public static void main(String[] args) {
    List<RealSeries.Named> pool = pool();
    System.out.println(
        "pool: " + pool.size() + " series (NAB realKnownCause + M4 Hourly first 60)");
    for (int[] len : new int[][] {{6, 11}, {12, 23}, {24, 72}, {73, 288}}) {
      System.out.println("stuck " + len[0] + "-" + len[1] + ": " + stuck(pool, len[0], len[1], 1));
    }
    for (int[] len : new int[][] {{1, 1}, {2, 12}, {13, 72}}) {
      System.out.println(
          "zero run " + len[0] + "-" + len[1] + ": " + zeroRuns(pool, len[0], len[1], 2));
    }
    for (double size : new double[] {0.1, 0.25, 0.5, 1.0}) {
      System.out.println("spike ×" + size + ": " + spikes(pool, size, 5, 3));
    }
    for (double share : new double[] {0.001, 0.01, 0.05, 0.2}) {
      System.out.println("sentinel " + share + ": " + sentinels(pool, share, 4));
    }
  }
}
