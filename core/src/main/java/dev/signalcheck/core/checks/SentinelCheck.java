package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code value.sentinel}: one value repeated far more often than the distribution allows and far
 * outside its bulk, such as -200, -999 or 9999 written for "missing". A value is a code when
 *
 * <ul>
 *   <li>it occurs at least {@link #MIN_COUNT} times and is not 0 (runs of zeros are {@code
 *       value.zero-run});
 *   <li>it lies more than {@link #FENCE} interquartile ranges beyond the quartiles of the other
 *       values, and more than {@link #GAP} interquartile ranges from the nearest other value (a
 *       second level of a quantised or two-state signal sits right next to other readings; a code
 *       stands alone);
 *   <li>or, instead of the two distances: it is a negative whole number and no other reading is
 *       negative (-200 among concentrations that are never below 0);
 *   <li>it occurs more than {@link #DOMINANCE} times as often as any other single value beyond that
 *       fence on its side: a heavy tail spreads over many values, a code piles up on one.
 * </ul>
 *
 * Several codes are found one after another (each round leaves the codes found so far out of the
 * quartiles). One sort of the values: n log n.
 */
public final class SentinelCheck {
  private SentinelCheck() {}

  static final int MIN_COUNT = 3;
  static final double FENCE = 3.0;
  static final double DOMINANCE = 2.0;
  static final double GAP = 2.0;
  private static final int MAX_CANDIDATES = 20;
  private static final int EXTREME_CANDIDATES = 3;
  private static final int MAX_CODES = 3;

  /** The codes found in the values (finite values only), most frequent first. */
  public static double[] codes(double[] values) {
    double[] s = Robust.finiteSorted(values);
    int n = s.length;
    if (n < 10) {
      return new double[0];
    }
    // distinct values with their index ranges in the sorted array
    List<int[]> ranges = new ArrayList<>();
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && s[j] == s[i]) {
        j++;
      }
      if (j - i >= MIN_COUNT && s[i] != 0) {
        ranges.add(new int[] {i, j});
      }
      i = j;
    }
    // candidates: the most frequent values, and the most extreme repeated ones (codes usually are)
    List<int[]> byCount = new ArrayList<>(ranges);
    byCount.sort((a, b) -> Integer.compare(b[1] - b[0], a[1] - a[0]));
    List<int[]> cands =
        new ArrayList<>(byCount.subList(0, Math.min(MAX_CANDIDATES, byCount.size())));
    for (int k = 0; k < Math.min(EXTREME_CANDIDATES, ranges.size()); k++) {
      int[] lo = ranges.get(k);
      int[] hi = ranges.get(ranges.size() - 1 - k);
      if (!cands.contains(lo)) {
        cands.add(lo);
      }
      if (!cands.contains(hi)) {
        cands.add(hi);
      }
    }
    ranges = cands;
    List<int[]> found = new ArrayList<>();
    boolean more = true;
    while (more && found.size() < MAX_CODES) {
      more = false;
      for (int[] cand : ranges) {
        if (found.contains(cand)) {
          continue;
        }
        List<int[]> excluded = new ArrayList<>(found);
        excluded.add(cand);
        if (isCode(s, cand, excluded)) {
          found.add(cand);
          more = true;
          break;
        }
      }
    }
    double[] out = new double[found.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = s[found.get(k)[0]];
    }
    return out;
  }

  private static boolean isCode(double[] s, int[] cand, List<int[]> excluded) {
    List<int[]> ex = new ArrayList<>(excluded);
    ex.sort((a, b) -> Integer.compare(a[0], b[0]));
    int removed = 0;
    for (int[] r : ex) {
      removed += r[1] - r[0];
    }
    int m = s.length - removed;
    if (m < 5) {
      return false;
    }
    double q1 = quantile(s, ex, m, 0.25);
    double q3 = quantile(s, ex, m, 0.75);
    double iqr = q3 - q1;
    if (!(iqr > 0)) {
      double lo = quantile(s, ex, m, 0.01);
      double hi = quantile(s, ex, m, 0.99);
      iqr = hi - lo;
      if (!(iqr > 0)) {
        // the other values are all equal: any other value repeated this often stands out
        iqr = Math.max(Math.abs(q1) * 1e-3, Double.MIN_NORMAL);
      }
    }
    double v = s[cand[0]];
    double lowFence = q1 - FENCE * iqr;
    double highFence = q3 + FENCE * iqr;
    // a negative whole number below readings that are never negative is impossible for the quantity
    // (a concentration, a count): far outside whatever the spread
    double lowest = nearestRemaining(s, ex, 0, 1);
    if (v < 0 && v <= -1 && v == Math.rint(v) && lowest >= 0) {
      long tail = maxCount(s, ex, 0, lowerBound(s, 0));
      return cand[1] - cand[0] > DOMINANCE * tail;
    }
    long tail;
    double nearest;
    if (v < lowFence) {
      tail = maxCount(s, ex, 0, lowerBound(s, lowFence));
      nearest = nearestRemaining(s, ex, cand[1], 1);
    } else if (v > highFence) {
      tail = maxCount(s, ex, upperBound(s, highFence), s.length);
      nearest = nearestRemaining(s, ex, cand[0] - 1, -1);
    } else {
      return false;
    }
    if (!(Math.abs(nearest - v) > GAP * iqr)) {
      return false;
    }
    long c = cand[1] - cand[0];
    return c > DOMINANCE * tail;
  }

  /** Quantile of the sorted values without the excluded index ranges (sorted by start). */
  private static double quantile(double[] s, List<int[]> ex, int m, double p) {
    double h = (m - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(m - 1, lo + 1);
    double a = s[index(lo, ex)];
    double b = s[index(hi, ex)];
    return a + (h - lo) * (b - a);
  }

  private static int index(int rank, List<int[]> ex) {
    int idx = rank;
    for (int[] r : ex) {
      if (idx >= r[0]) {
        idx += r[1] - r[0];
      }
    }
    return idx;
  }

  /** The first value from index i going in direction dir that is not excluded (NaN when none). */
  private static double nearestRemaining(double[] s, List<int[]> ex, int i, int dir) {
    while (i >= 0 && i < s.length) {
      boolean skip = false;
      for (int[] r : ex) {
        if (i >= r[0] && i < r[1]) {
          i = dir > 0 ? r[1] : r[0] - 1;
          skip = true;
          break;
        }
      }
      if (!skip) {
        return s[i];
      }
    }
    return Double.NaN;
  }

  /** The largest number of repeats of one value among s[from..to) outside the excluded ranges. */
  private static long maxCount(double[] s, List<int[]> ex, int from, int to) {
    long best = 0;
    int i = from;
    while (i < to) {
      boolean skip = false;
      for (int[] r : ex) {
        if (i >= r[0] && i < r[1]) {
          i = r[1];
          skip = true;
          break;
        }
      }
      if (skip) {
        continue;
      }
      int j = i + 1;
      while (j < to && s[j] == s[i]) {
        j++;
      }
      best = Math.max(best, j - i);
      i = j;
    }
    return best;
  }

  private static int lowerBound(double[] s, double x) {
    int lo = 0;
    int hi = s.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] s, double x) {
    int lo = 0;
    int hi = s.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * One finding per code found, with the code in a {@code value} detail and its runs as intervals.
   */
  public static List<Finding> check(RegularSeries s) {
    return check(s, codes(s.values()));
  }

  static List<Finding> check(RegularSeries s, double[] codes) {
    List<Finding> out = new ArrayList<>();
    double[] v = s.values();
    double[] sorted = null;
    for (double code : codes) {
      RunCollector runs = new RunCollector(s);
      for (int k = 0; k < v.length; k++) {
        if (v[k] == code) {
          int j = k;
          while (j + 1 < v.length && v[j + 1] == code) {
            j++;
          }
          runs.add(k, j, j - k + 1);
          k = j;
        }
      }
      if (sorted == null) {
        sorted = Robust.finiteSorted(maskCodes(v, codes));
      }
      long finite = Arrays.stream(v).filter(Double::isFinite).count();
      String where =
          sorted.length == 0
              ? "and no other value occurs"
              : String.format(
                  Locale.ROOT,
                  "far %s the other readings (middle half %s to %s)",
                  code < Robust.quantile(sorted, 0.5) ? "below" : "above",
                  Robust.num(Robust.quantile(sorted, 0.25)),
                  Robust.num(Robust.quantile(sorted, 0.75)));
      String msg =
          String.format(
              Locale.ROOT,
              "the value %s occurs %d times (%s of the readings) in %d run(s), %s: a code for \"missing\"; treated"
                  + " as missing",
              Robust.num(code),
              runs.points,
              Alignment.pct(runs.points / (double) Math.max(1, finite)),
              runs.runs,
              where);
      out.add(
          new Finding(
              CheckType.VALUE_SENTINEL.id(),
              Severity.WARNING,
              Category.DATA_SENSOR_FAULT,
              msg,
              runs.points,
              runs.intervals,
              runs.rows.first(),
              java.util.Map.of("value", code)));
    }
    return out;
  }

  /** A copy of the values with the codes set to NaN. */
  public static double[] maskCodes(double[] v, double[] codes) {
    double[] out = v.clone();
    if (codes.length == 0) {
      return out;
    }
    for (int k = 0; k < out.length; k++) {
      for (double c : codes) {
        if (out[k] == c) {
          out[k] = Double.NaN;
          break;
        }
      }
    }
    return out;
  }
}
