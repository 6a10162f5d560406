package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code value.zero-run}: runs of exact zeros in a series that is otherwise far from zero: a sensor
 * that is off. "Far from zero": the non-zero readings all lie on one side of zero and their 1st
 * percentile (99th for negative series) is more than {@link #DISTANCE} interquartile ranges away
 * from zero, and zeros are at most {@link #MAX_ZERO_SHARE} of the readings. Counts, intermittent
 * demand, on/off signals and anything that crosses zero are never flagged. Linear time apart from
 * one sort.
 */
public final class ZeroRunCheck {
  private ZeroRunCheck() {}

  static final double DISTANCE = 1.0;
  static final int MIN_NONZERO = 10;

  /**
   * Zeros in more than this share of the readings are a state of the series (on/off), not a fault.
   */
  static final double MAX_ZERO_SHARE = 0.25;

  /** Whether zero lies far outside the non-zero readings. */
  static boolean applies(double[] v) {
    int zeros = 0;
    int k = 0;
    double[] nz = new double[v.length];
    for (double x : v) {
      if (!Double.isFinite(x)) {
        continue;
      }
      if (x == 0) {
        zeros++;
      } else {
        nz[k++] = x;
      }
    }
    if (zeros == 0 || k < MIN_NONZERO || zeros > MAX_ZERO_SHARE * (zeros + k)) {
      return false;
    }
    double[] s = java.util.Arrays.copyOf(nz, k);
    java.util.Arrays.sort(s);
    double iqr = Robust.iqr(s);
    if (s[0] > 0) {
      return Robust.quantile(s, 0.01) > DISTANCE * iqr;
    }
    if (s[k - 1] < 0) {
      return -Robust.quantile(s, 0.99) > DISTANCE * iqr;
    }
    return false;
  }

  /** The runs of zeros as [from, to], when the check applies. */
  static List<int[]> find(double[] v) {
    List<int[]> out = new ArrayList<>();
    if (!applies(v)) {
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      if (v[i] == 0) {
        int j = i;
        while (j + 1 < v.length && v[j + 1] == 0) {
          j++;
        }
        out.add(new int[] {i, j});
        i = j;
      }
    }
    return out;
  }

  public static List<Finding> check(RegularSeries s) {
    return check(s, s.values());
  }

  static List<Finding> check(RegularSeries s, double[] v) {
    List<int[]> runs = find(v);
    if (runs.isEmpty()) {
      return List.of();
    }
    RunCollector c = new RunCollector(s);
    for (int[] r : runs) {
      c.add(r[0], r[1], r[1] - r[0] + 1);
    }
    double med = Robust.median(v);
    String msg =
        String.format(
            Locale.ROOT,
            "%d reading(s) of exactly 0 in %d run(s), in a series that is otherwise far from zero (median %s); %s:"
                + " a sensor that was off? The readings are kept",
            c.points,
            c.runs,
            Robust.num(med),
            c.longest());
    return List.of(
        new Finding(
            CheckType.VALUE_ZERO_RUN.id(),
            Severity.WARNING,
            Category.DATA_SENSOR_FAULT,
            msg,
            c.points,
            c.intervals,
            c.rows.first(),
            Map.of("runs", c.runs)));
  }
}
