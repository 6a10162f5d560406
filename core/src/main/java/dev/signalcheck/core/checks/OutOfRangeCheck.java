package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.text.Prose;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code value.out-of-range}: readings outside the physically possible range given by {@code
 * --min}/{@code --max}.
 */
public final class OutOfRangeCheck {
  private OutOfRangeCheck() {}

  /**
   * @param min the lowest possible value, or null
   * @param max the highest possible value, or null
   */
  public static List<Finding> check(RegularSeries s, Double min, Double max) {
    return check(s, s.values(), min, max);
  }

  static List<Finding> check(RegularSeries s, double[] v, Double min, Double max) {
    if (min == null && max == null) {
      return List.of();
    }
    RunCollector c = new RunCollector(s);
    long below = 0;
    long above = 0;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v.length; i++) {
      if (!outside(v[i], min, max)) {
        continue;
      }
      int j = i;
      while (j + 1 < v.length && outside(v[j + 1], min, max)) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        if (min != null && v[k] < min) {
          below++;
        } else {
          above++;
        }
        lowest = Math.min(lowest, v[k]);
        highest = Math.max(highest, v[k]);
      }
      c.add(i, j, j - i + 1);
      i = j;
    }
    if (c.points == 0) {
      return List.of();
    }
    String range =
        (min == null ? "-∞" : Prose.value(min)) + " to " + (max == null ? "∞" : Prose.value(max));
    String msg =
        Prose.count(c.points, "reading")
            + " outside the possible range "
            + range
            + " ("
            + below
            + " below, "
            + above
            + " above; from "
            + Prose.value(lowest)
            + " to "
            + Prose.value(highest)
            + "), in "
            + Prose.count(c.runs, "run");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("below", below);
    d.put("above", above);
    if (min != null) {
      d.put("min", min);
    }
    if (max != null) {
      d.put("max", max);
    }
    return List.of(
        new Finding(
            CheckType.VALUE_OUT_OF_RANGE.id(),
            Severity.CRITICAL,
            Category.DATA_SENSOR_FAULT,
            msg,
            c.points,
            c.intervals,
            c.rows.first(),
            d));
  }

  private static boolean outside(double x, Double min, Double max) {
    if (!Double.isFinite(x)) {
      return false;
    }
    return (min != null && x < min) || (max != null && x > max);
  }
}
