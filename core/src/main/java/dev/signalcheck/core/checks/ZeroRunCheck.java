package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code value.zero-run}: runs of exact zeros in a series that is otherwise far from zero: a sensor
 * that is off. "Far from zero": the 1st percentile of the non-zero readings (99th for negative
 * series) is more than {@link #DISTANCE} interquartile ranges away from zero, and zeros are at most
 * {@link #MAX_ZERO_SHARE} of the readings. The non-zero readings are judged without the codes for
 * missing (masked before), the spikes and frozen runs an earlier round of {@link ValueChecks} set
 * aside: a few readings on the other side of zero (a code, a downward spike) do not hide the zero
 * runs, while a series that truly crosses zero has far more than 1% of its readings there. Counts,
 * intermittent demand, on/off signals and anything that crosses zero are never flagged. Linear time
 * apart from one sort.
 */
public final class ZeroRunCheck {
  private ZeroRunCheck() {}

  static final double DISTANCE = 1.0;
  static final int MIN_NONZERO = 10;

  /**
   * Zeros in more than this share of the readings are a state of the series (on/off), not a fault.
   */
  static final double MAX_ZERO_SHARE = 0.25;

  /**
   * Whether zero lies far outside the non-zero readings; those at the positions marked in {@code
   * aside} (may be null) are left out.
   */
  static boolean applies(double[] v, boolean[] aside) {
    int zeros = 0;
    int k = 0;
    double[] nz = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      if (!Double.isFinite(x)) {
        continue;
      }
      if (x == 0) {
        zeros++;
      } else if (aside == null || !aside[i]) {
        nz[k++] = x;
      }
    }
    if (zeros == 0 || k < MIN_NONZERO || zeros > MAX_ZERO_SHARE * (zeros + k)) {
      return false;
    }
    double[] s = Arrays.copyOf(nz, k);
    Arrays.sort(s);
    double iqr = Robust.iqr(s);
    return Robust.quantile(s, 0.01) > DISTANCE * iqr || -Robust.quantile(s, 0.99) > DISTANCE * iqr;
  }

  /** The runs of zeros as [from, to], when the check applies. */
  static List<int[]> find(double[] v) {
    return find(v, null);
  }

  static List<int[]> find(double[] v, boolean[] aside) {
    List<int[]> out = new ArrayList<>();
    if (!applies(v, aside)) {
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
    return findings(s, s.values(), find(s.values()));
  }

  /** The finding for the zero runs found in {@code v} (the series' values with codes masked). */
  static List<Finding> findings(RegularSeries s, double[] v, List<int[]> runs) {
    if (runs.isEmpty()) {
      return List.of();
    }
    RunCollector c = new RunCollector(s);
    for (int[] r : runs) {
      c.add(r[0], r[1], r[1] - r[0] + 1);
    }
    double[] nonZero = Arrays.stream(v).filter(x -> x != 0).toArray();
    String msg =
        Prose.count(c.points, "reading")
            + " of exactly 0 in "
            + Prose.count(c.runs, "run")
            + ", in a series that is otherwise far from zero (median "
            + Prose.value(Robust.median(nonZero))
            + "); "
            + c.longest()
            + ": a sensor that was off? The readings are kept";
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
