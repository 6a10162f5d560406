package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.text.Prose;
import java.util.List;
import java.util.Map;

/**
 * {@code value.stuck}: runs of identical readings (within a tolerance) much longer than the series'
 * own usual runs: a frozen sensor. The usual run length is the {@link #USUAL_QUANTILE} quantile of
 * the lengths of all runs of repeated values (each run counted once, so a few long frozen stretches
 * do not move it; zero runs already found as faults are left out); a run is flagged when it is at
 * least {@link #FACTOR} times that and at least {@link #MIN_RUN} readings long. A quantised sensor
 * repeats its values often and its usual runs are long, so its short repeats stay below the
 * threshold. A run that comes back at the same phase one or two seasons away, about as long and at
 * the same value, is part of the series' daily shape, not a fault. Runs of exact zeros are left to
 * {@code value.zero-run}, and a series with a single value throughout to {@code series.constant}. A
 * missing value (a code for missing among them) ends a run. Linear time.
 */
public final class StuckCheck {
  private StuckCheck() {}

  static final int MIN_RUN = 6;
  static final double FACTOR = 4.0;
  static final double USUAL_QUANTILE = 0.99;

  /** Tolerance: readings within this share of the interquartile range count as identical. */
  static final double TOLERANCE = 1e-6;

  /** The flagged runs as [from, to] grid positions, or an empty array; plus the threshold used. */
  record Runs(int[][] runs, int threshold, int usual) {
    static final Runs NONE = new Runs(new int[0][], 0, 0);
  }

  static Runs find(double[] v, int season) {
    return find(v, season, null);
  }

  /**
   * The frozen runs of {@code v}; runs that lie wholly at positions marked in {@code aside} (may be
   * null: zero runs already found) do not count towards the usual run length.
   */
  static Runs find(double[] v, int season, boolean[] aside) {
    return find(v, season, aside, Robust.finiteSorted(v));
  }

  /** As {@link #find(double[], int, boolean[])}, given the finite values of v sorted. */
  static Runs find(double[] v, int season, boolean[] aside, double[] sorted) {
    if (sorted.length < 2 || sorted[0] == sorted[sorted.length - 1]) {
      return new Runs(new int[0][], 0, 0);
    }
    double tol = TOLERANCE * Robust.iqr(sorted);
    if (!Double.isFinite(tol)) {
      tol = 0;
    }
    int n = v.length;
    int[] lengthCounts = new int[n + 1];
    int runCount = 0;
    int usualCount = 0;
    for (int i = 0; i < n; ) {
      if (!Double.isFinite(v[i])) {
        i++;
        continue;
      }
      int j = runEnd(v, i, tol);
      if (v[i] != 0 && (aside == null || !aside[i])) {
        lengthCounts[j - i]++;
        usualCount++;
      }
      runCount++;
      i = j;
    }
    // quantile of run lengths, each run counted once
    long target = (long) Math.ceil(USUAL_QUANTILE * usualCount);
    int usual = 1;
    long cum = 0;
    for (int len = 1; len <= n; len++) {
      cum += lengthCounts[len];
      if (cum >= target) {
        usual = len;
        break;
      }
    }
    int threshold = (int) Math.max(MIN_RUN, Math.ceil(FACTOR * usual));
    // run index of every position, for the seasonal comparison
    int[] runOf = new int[n];
    int[] runStart = new int[runCount];
    int[] runLen = new int[runCount];
    int r = 0;
    java.util.Arrays.fill(runOf, -1);
    for (int i = 0; i < n; ) {
      if (!Double.isFinite(v[i])) {
        i++;
        continue;
      }
      int j = runEnd(v, i, tol);
      runStart[r] = i;
      runLen[r] = j - i;
      java.util.Arrays.fill(runOf, i, j, r);
      r++;
      i = j;
    }
    java.util.List<int[]> out = new java.util.ArrayList<>();
    for (int k = 0; k < runCount; k++) {
      int a = runStart[k];
      int len = runLen[k];
      if (len < threshold
          || v[a] == 0
          || recurs(v, tol, a, len, k, season, runOf, runStart, runLen)) {
        continue;
      }
      out.add(new int[] {a, a + len - 1});
    }
    return new Runs(out.toArray(new int[0][]), threshold, usual);
  }

  /**
   * Whether a run of about the same length, at the same value, lies at the same phase one or two
   * seasons away (a plateau every evening; another fault a day away is at another value).
   */
  private static boolean recurs(
      double[] v,
      double tol,
      int a,
      int len,
      int k,
      int season,
      int[] runOf,
      int[] runStart,
      int[] runLen) {
    if (season <= 1) {
      return false;
    }
    for (int j = -2; j <= 2; j++) {
      long p = a + (long) j * season;
      if (j == 0 || p < 0 || p >= runOf.length) {
        continue;
      }
      int other = runOf[(int) p];
      if (other >= 0
          && other != k
          && 2L * runLen[other] >= len
          && Math.abs(v[runStart[other]] - v[a]) <= tol) {
        return true;
      }
    }
    return false;
  }

  private static int runEnd(double[] v, int i, double tol) {
    int j = i + 1;
    while (j < v.length && Double.isFinite(v[j]) && Math.abs(v[j] - v[i]) <= tol) {
      j++;
    }
    return j;
  }

  public static List<Finding> check(RegularSeries s, int season) {
    return findings(s, s.values(), find(s.values(), season));
  }

  /** The finding for the runs found in {@code v} (the series' values with codes masked). */
  static List<Finding> findings(RegularSeries s, double[] v, Runs r) {
    if (r.runs().length == 0) {
      return List.of();
    }
    RunCollector c = new RunCollector(s);
    for (int[] run : r.runs()) {
      c.add(run[0], run[1], run[1] - run[0] + 1);
    }
    double stuckValue = v[c.longestFrom];
    String msg =
        Prose.count(c.runs, "run")
            + " of identical readings, "
            + Prose.count(c.points, "reading")
            + " in all, each at least "
            + r.threshold()
            + " long where this series' runs of repeats are usually at most "
            + r.usual()
            + "; "
            + c.longest()
            + " (value "
            + Prose.value(stuckValue)
            + "): a frozen sensor? The readings are kept";
    return List.of(
        new Finding(
            CheckType.VALUE_STUCK.id(),
            Severity.WARNING,
            Category.DATA_SENSOR_FAULT,
            msg,
            c.points,
            c.intervals,
            c.rows.first(),
            Map.of("runs", c.runs, "minRun", r.threshold())));
  }
}
