package dev.signalcheck.core.checks;

import static dev.signalcheck.core.checks.SortedExcept.kept;
import static dev.signalcheck.core.checks.SortedExcept.lowerBound;
import static dev.signalcheck.core.checks.SortedExcept.maxCount;
import static dev.signalcheck.core.checks.SortedExcept.mostFrequent;
import static dev.signalcheck.core.checks.SortedExcept.nearestRemaining;
import static dev.signalcheck.core.checks.SortedExcept.quantile;
import static dev.signalcheck.core.checks.SortedExcept.ranges;
import static dev.signalcheck.core.checks.SortedExcept.upperBound;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code value.sentinel}: one value repeated far more often than the distribution allows and far
 * outside its bulk, such as -200, -999 or 9999 written for "missing". The bulk is every reading but
 * the candidate, the codes already found and the zero runs and frozen runs an earlier round of
 * {@link ValueChecks} found, so that piles of other faults neither hide a code nor make one. Spikes
 * stay in the bulk (a natural heavy tail is what tells a repeated extreme from a code) except for
 * the rule on negative whole numbers. A value is a code when
 *
 * <ul>
 *   <li>it occurs at least {@link #MIN_COUNT} times and is not 0 (runs of zeros are {@code
 *       value.zero-run});
 *   <li>it lies more than {@link #FENCE} interquartile ranges beyond the quartiles of the bulk and
 *       beyond its 1st (99th) percentile, and more than {@link #GAP} interquartile ranges from the
 *       nearest other reading on either side (a second level of a quantised or multi-level signal
 *       sits next to other readings; a code stands alone);
 *   <li>or, instead of the distances: it is a negative whole number, no reading of the bulk but
 *       spikes is negative and the bulk is not a few-state signal (-200 among concentrations that
 *       are never below 0);
 *   <li>it occurs more than {@link #DOMINANCE} times as often as any other single non-zero value of
 *       the bulk that lies beyond the fence on its side and at least half as far from the median: a
 *       heavy tail spreads over many values, a code piles up on one, and a second level of the
 *       signal close to the bulk or a pile of zeros is no evidence against a code far out.
 * </ul>
 *
 * When the bulk is a few-state signal ({@link Robust#fewStates}) a code must lie more than {@link
 * #FENCE} times the states' range beyond all of them (quantiles would interpolate between two
 * states and make one state a code of the others); when the bulk is a single value (a flag whose
 * other state is the candidate) nothing is a code: a two-state signal is not a fault. Several codes
 * are found one after another. Sorting the values: n log n.
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
    return codes(values, Robust.finiteSorted(values), null, null);
  }

  /**
   * The codes found in the values, with the positions marked in {@code aside} (may be null: zero
   * runs and frozen runs) left out of the bulk the candidates are judged against, and those marked
   * in {@code spikes} (may be null) left out of the negative-number rule; a candidate's readings
   * count wherever they are. {@code all} holds the finite values, sorted.
   */
  static double[] codes(double[] values, double[] all, boolean[] aside, boolean[] spikes) {
    int n = all.length;
    if (n < 10 || all[0] == all[n - 1] || twoValued(all)) {
      // a series of two states (a 0/1 flag, an on/off signal) has no "other readings" to stand
      // out from: neither state is a code
      return new double[0];
    }
    double[] bulk = aside == null ? all : kept(values, all, aside, null);
    double[] calm = spikes == null ? bulk : kept(values, all, aside, spikes);
    // distinct values with their counts
    List<double[]> ranges = new ArrayList<>();
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && all[j] == all[i]) {
        j++;
      }
      if (j - i >= MIN_COUNT && all[i] != 0) {
        ranges.add(new double[] {all[i], j - i});
      }
      i = j;
    }
    // candidates: the most frequent values, and the most extreme repeated ones (codes usually are)
    List<double[]> byCount = new ArrayList<>(ranges);
    byCount.sort((a, b) -> Double.compare(b[1], a[1]));
    List<double[]> cands =
        new ArrayList<>(byCount.subList(0, Math.min(MAX_CANDIDATES, byCount.size())));
    for (int k = 0; k < Math.min(EXTREME_CANDIDATES, ranges.size()); k++) {
      double[] lo = ranges.get(k);
      double[] hi = ranges.get(ranges.size() - 1 - k);
      if (!cands.contains(lo)) {
        cands.add(lo);
      }
      if (!cands.contains(hi)) {
        cands.add(hi);
      }
    }
    double[][] states = mostFrequent(bulk, Robust.FEW_STATES + MAX_CODES + 1);
    List<double[]> found = new ArrayList<>();
    boolean more = true;
    while (more && found.size() < MAX_CODES) {
      more = false;
      for (double[] cand : cands) {
        if (found.contains(cand)) {
          continue;
        }
        List<double[]> excluded = new ArrayList<>(found);
        excluded.add(cand);
        if (isCode(bulk, calm, states, cand[0], (long) cand[1], excluded)) {
          found.add(cand);
          more = true;
          break;
        }
      }
    }
    double[] out = new double[found.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = found.get(k)[0];
    }
    return out;
  }

  /**
   * Whether {@code v}, seen {@code count} times, is a code against the sorted bulk {@code s} (and
   * {@code calm}, the bulk without spikes) with the values {@code excluded} (the candidate and the
   * codes found) taken out.
   */
  private static boolean isCode(
      double[] s, double[] calm, double[][] states, double v, long count, List<double[]> excluded) {
    List<int[]> ex = ranges(s, excluded);
    int removed = 0;
    for (int[] r : ex) {
      removed += r[1] - r[0];
    }
    int m = s.length - removed;
    if (m < 5) {
      return false;
    }
    if (fewStates(states, excluded, m)) {
      // the other readings sit on a few states: a code lies far beyond all of them, measured in
      // their own range (quantiles would interpolate between two states and make a state a code)
      double min = quantile(s, ex, m, 0.0);
      double max = quantile(s, ex, m, 1.0);
      double range = max - min;
      return range > 0 && (v < min - FENCE * range || v > max + FENCE * range);
    }
    double q1 = quantile(s, ex, m, 0.25);
    double q3 = quantile(s, ex, m, 0.75);
    double p01 = quantile(s, ex, m, 0.01);
    double p99 = quantile(s, ex, m, 0.99);
    double iqr = q3 - q1;
    if (!(iqr > 0)) {
      iqr = p99 - p01;
    }
    if (!(iqr > 0)) {
      iqr = quantile(s, ex, m, 1.0) - quantile(s, ex, m, 0.0);
    }
    if (!(iqr > 0) || !Double.isFinite(iqr)) {
      // the other readings are all one value: a two-state signal, not a code
      return false;
    }
    double median = quantile(s, ex, m, 0.5);
    // a negative whole number below readings that are never negative is impossible for the quantity
    // (a concentration, a count): far outside whatever the spread
    if (v <= -1 && v == Math.rint(v)) {
      List<int[]> exCalm = ranges(calm, excluded);
      if (nearestRemaining(calm, exCalm, 0, 1) >= 0) {
        return true;
      }
    }
    double lowFence = q1 - FENCE * iqr;
    double highFence = q3 + FENCE * iqr;
    double reach = 0.5 * Math.abs(v - median);
    long tail;
    double inner;
    double outer;
    if (v < lowFence && v < p01) {
      tail = maxCount(s, ex, 0, lowerBound(s, Math.min(lowFence, median - reach)));
      inner = nearestRemaining(s, ex, upperBound(s, v), 1);
      outer = nearestRemaining(s, ex, lowerBound(s, v) - 1, -1);
    } else if (v > highFence && v > p99) {
      tail = maxCount(s, ex, upperBound(s, Math.max(highFence, median + reach)), s.length);
      inner = nearestRemaining(s, ex, lowerBound(s, v) - 1, -1);
      outer = nearestRemaining(s, ex, upperBound(s, v), 1);
    } else {
      return false;
    }
    if (!(Math.abs(inner - v) > GAP * iqr) || Math.abs(outer - v) <= GAP * iqr) {
      return false;
    }
    return count > DOMINANCE * tail;
  }

  /**
   * Whether the m readings of the bulk without the excluded values are a few-state signal ({@link
   * Robust#fewStates}): their most frequent values are among the bulk's most frequent {@code
   * states} once the excluded values are taken out.
   */
  private static boolean fewStates(double[][] states, List<double[]> excluded, int m) {
    long covered = 0;
    int used = 0;
    for (double[] st : states) {
      if (st == null || used == Robust.FEW_STATES) {
        break;
      }
      boolean out = false;
      for (double[] e : excluded) {
        out |= e[0] == st[0];
      }
      if (!out) {
        covered += (long) st[1];
        used++;
      }
    }
    return covered >= Robust.STATE_COVER * m;
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
              : "far "
                  + (code < Robust.quantile(sorted, 0.5) ? "below" : "above")
                  + " the other readings (middle half "
                  + Prose.value(Robust.quantile(sorted, 0.25))
                  + " to "
                  + Prose.value(Robust.quantile(sorted, 0.75))
                  + ")";
      String msg =
          "the value "
              + Prose.value(code)
              + " occurs "
              + Prose.count(runs.points, "time")
              + " ("
              + Prose.share(runs.points, finite)
              + " of the readings) in "
              + Prose.count(runs.runs, "run")
              + ", "
              + where
              + ": a code for \"missing\"; treated as missing";
      out.add(
          new Finding(
              CheckType.VALUE_SENTINEL.id(),
              // a code for missing hides as many values as missing cells do: the same threshold
              runs.points > 0.20 * finite ? Severity.CRITICAL : Severity.WARNING,
              Category.DATA_SENSOR_FAULT,
              msg,
              runs.points,
              runs.intervals,
              runs.rows.first(),
              java.util.Map.of("value", code)));
    }
    return out;
  }

  private static boolean twoValued(double[] sorted) {
    double lo = sorted[0];
    double hi = sorted[sorted.length - 1];
    for (double v : sorted) {
      if (v != lo && v != hi) {
        return false;
      }
    }
    return true;
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
