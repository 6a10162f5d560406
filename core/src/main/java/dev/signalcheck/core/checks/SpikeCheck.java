package dev.signalcheck.core.checks;

import dev.signalcheck.core.backtest.SideBySide;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.text.Prose;
import java.util.List;
import java.util.Map;

/**
 * {@code value.spike}: isolated readings far from their local level and from their season. Robust
 * throughout:
 *
 * <ol>
 *   <li>season: when the series has a season m and at least three seasons, each reading is first
 *       compared with the median of the readings at the same phase one and two seasons before and
 *       after (a peak that comes back every day is expected, and a linear trend cancels out);
 *       otherwise with 0. The season is used only when it gives the tighter limit (step 4): a
 *       season that does not repeat well, or whose references are missing, only adds noise;
 *   <li>local level: the median of that difference over the {@link #HALF_WINDOW} nearest readings
 *       on either side (the reading itself left out, looking past missing readings up to {@link
 *       #REACH} steps away), so a day that runs higher as a whole is not a spike; residual =
 *       difference − local level. In a second pass the spikes of the first are nobody's season, so
 *       a spike does not make the same hour of the next day a spike (the local median of ten
 *       neighbours needs no such help, and leaving neighbours out at a step would turn the step's
 *       edge into spikes);
 *   <li>scale: 1.4826 × the median absolute deviation of all residuals (the standard deviation for
 *       normal noise), or 1.2533 × their mean absolute deviation when more than half of them are 0;
 *   <li>a candidate's residual is more than {@link #THRESHOLD} scales from the median residual, and
 *       more than {@link #TAIL_FACTOR} times the series' own 99th percentile of absolute residuals:
 *       in a bursty series where one reading in fifty jumps, the jumps are its nature, not spikes;
 *   <li>isolation: at most {@link #MAX_LENGTH} candidates in a row with the same sign. Longer
 *       excursions are episodes or level changes, not spikes.
 * </ol>
 *
 * Linear time: a few small medians per reading plus four sorts for the scales.
 */
public final class SpikeCheck {
  private SpikeCheck() {}

  static final int HALF_WINDOW = 5;

  /** How far (in steps) the neighbours of a reading are looked for past missing readings. */
  static final int REACH = 4 * HALF_WINDOW;

  static final double THRESHOLD = 8.0;
  static final int MAX_LENGTH = 3;
  static final double TAIL_FACTOR = 2.0;
  static final double TAIL_QUANTILE = 0.99;

  /** Whether the seasonal comparison is used for a series of length n. */
  static boolean seasonal(int season, int n) {
    return season > 1 && 3L * season <= n;
  }

  /**
   * Residuals of each reading against its season and local level (NaN where there is no reading or
   * too few neighbours).
   */
  static double[] residuals(double[] v, int season) {
    return residuals(v, season, null, SideBySide.IN_TURN);
  }

  /**
   * Residuals as above, with the readings at the positions marked in {@code aside} (may be null:
   * spikes of a first pass) not used as anyone's season, so that one spike does not make the same
   * hour of the next day look like a spike. Each position depends only on its neighbourhood, so
   * {@code split} may divide the positions among threads.
   */
  static double[] residuals(double[] v, int season, boolean[] aside, SideBySide.Split split) {
    int n = v.length;
    double[] r = v;
    if (seasonal(season, n)) {
      double[] out = new double[n];
      split.over(n, (from, to) -> seasonalResiduals(v, season, aside, out, from, to));
      r = out;
    }
    return lessLocalMedian(r, split);
  }

  /** Positions {@code [from, to)} of the residuals against the season. */
  private static void seasonalResiduals(
      double[] v, int season, boolean[] aside, double[] r, int from, int to) {
    int n = v.length;
    double[] four = new double[4];
    for (int t = from; t < to; t++) {
      r[t] = Double.NaN;
      if (!Double.isFinite(v[t])) {
        continue;
      }
      int c = 0;
      for (int j = -2; j <= 2; j++) {
        long k = t + (long) j * season;
        if (j != 0 && k >= 0 && k < n && Double.isFinite(v[(int) k]) && !isAside(aside, k)) {
          four[c++] = v[(int) k];
        }
      }
      if (c >= 2) {
        r[t] = v[t] - Robust.medianInPlace(four, c);
      }
    }
  }

  /**
   * Each finite r[t] less the median of its neighbours: the {@link #HALF_WINDOW} nearest finite
   * values on each side within {@link #REACH} (NaN where there are fewer than {@link #HALF_WINDOW}
   * in all). Where the neighbours are simply r[t − H .. t + H] without r[t], all finite, the sorted
   * window is carried from t − 1 to t (two values out, two in) instead of sorted again: the same
   * values, so the same median.
   */
  static double[] lessLocalMedian(double[] r) {
    return lessLocalMedian(r, SideBySide.IN_TURN);
  }

  /** As {@link #lessLocalMedian(double[])}, the positions divided by {@code split}. */
  static double[] lessLocalMedian(double[] r, SideBySide.Split split) {
    double[] e = new double[r.length];
    split.over(r.length, (from, to) -> lessLocalMedian(r, e, from, to));
    return e;
  }

  /**
   * Positions {@code [from, to)} of {@link #lessLocalMedian(double[])}; a window is carried only
   * within them.
   */
  private static void lessLocalMedian(double[] r, double[] e, int from, int to) {
    final int n = r.length;
    final int h = HALF_WINDOW;
    double[] buf = new double[2 * h];
    double[] win = new double[2 * h];
    boolean carried = false; // win holds the sorted neighbours of t - 1, all of r[t-1-h .. t-1+h]
    for (int t = from; t < to; t++) {
      e[t] = Double.NaN;
      if (!Double.isFinite(r[t])) {
        carried = false;
        continue;
      }
      if (carried && t + h < n && Double.isFinite(r[t + h])) {
        // neighbours of t - 1 → of t: r[t-1-h] and r[t] leave, r[t-1] and r[t+h] come in
        replace(win, r[t - 1 - h], r[t - 1]);
        replace(win, r[t], r[t + h]);
        e[t] = r[t] - 0.5 * (win[h - 1] + win[h]);
        continue;
      }
      int c = 0;
      for (int dir = -1; dir <= 1; dir += 2) {
        int got = 0;
        for (int k = t + dir; k >= 0 && k < n && got < h && Math.abs(k - t) <= REACH; k += dir) {
          if (Double.isFinite(r[k])) {
            buf[c++] = r[k];
            got++;
          }
        }
      }
      carried = false;
      if (c >= h) {
        e[t] = r[t] - Robust.medianInPlace(buf, c);
        if (c == 2 * h && t >= h && t + h < n && allFinite(r, t - h, t + h)) {
          System.arraycopy(buf, 0, win, 0, c);
          carried = true;
        }
      }
    }
  }

  private static boolean allFinite(double[] r, int from, int to) {
    for (int k = from; k <= to; k++) {
      if (!Double.isFinite(r[k])) {
        return false;
      }
    }
    return true;
  }

  /** In the sorted array {@code w}, one entry equal to {@code out} replaced by {@code in}. */
  private static void replace(double[] w, double out, double in) {
    int i = 0;
    while (w[i] != out) {
      i++;
    }
    // shift towards where 'in' belongs, keeping the order
    while (i > 0 && w[i - 1] > in) {
      w[i] = w[i - 1];
      i--;
    }
    while (i < w.length - 1 && w[i + 1] < in) {
      w[i] = w[i + 1];
      i++;
    }
    w[i] = in;
  }

  /** Residuals, their median and the limit beyond which a residual is a candidate. */
  record Fit(double[] residuals, double center, double limit) {}

  /**
   * The residuals against the season and the local level, or against the local level alone when
   * that gives the tighter limit (a season that does not repeat well, or whose references are
   * missing, only adds noise); null when there are too few residuals or no spread.
   */
  static Fit fit(double[] v, int season, boolean[] aside, SideBySide.Split split) {
    return fit(v, season, aside, fitWith(residuals(v, 1, aside, split)), split);
  }

  /**
   * {@link #fit} with the fit against the local level alone given: it does not depend on what is
   * set aside (only the season's references do), so the passes over the same values share it.
   */
  private static Fit fit(
      double[] v, int season, boolean[] aside, Fit plain, SideBySide.Split split) {
    if (!seasonal(season, v.length)) {
      return plain;
    }
    Fit seasonal = fitWith(residuals(v, season, aside, split));
    if (plain == null || (seasonal != null && seasonal.limit() <= plain.limit())) {
      return seasonal;
    }
    return plain;
  }

  private static Fit fitWith(double[] e) {
    double[] buf = new double[e.length];
    int m = 0;
    for (double x : e) {
      if (Double.isFinite(x)) {
        buf[m++] = x;
      }
    }
    if (m < 4 * HALF_WINDOW) {
      return null;
    }
    double center = Robust.quantileInPlace(buf, m, 0.5);
    double sumAbs = 0;
    for (int i = 0; i < m; i++) {
      buf[i] = Math.abs(buf[i] - center);
      sumAbs += buf[i];
    }
    double scale = 1.4826 * Robust.quantileInPlace(buf, m, 0.5);
    if (!(scale > 0)) {
      scale = 1.2533 * sumAbs / m;
    }
    if (!(scale > 0) || !Double.isFinite(scale)) {
      return null;
    }
    double tail = Robust.quantileInPlace(buf, m, TAIL_QUANTILE);
    double limit = Math.max(THRESHOLD * scale, TAIL_FACTOR * tail);
    return new Fit(e, center, limit);
  }

  private static boolean isAside(boolean[] aside, long k) {
    return aside != null && aside[(int) k];
  }

  /**
   * Flags the spike positions of {@code v} in two passes: the spikes of the first are nobody's
   * season in the second, so that a spike does not make the same hour of the next day a spike.
   */
  static boolean[] find(double[] v, int season) {
    return find(v, season, SideBySide.IN_TURN);
  }

  /** As {@link #find(double[], int)}, the positions of each pass divided by {@code split}. */
  static boolean[] find(double[] v, int season, SideBySide.Split split) {
    Fit plain = fitWith(residuals(v, 1, null, split));
    boolean[] first = find(v, season, null, plain, split);
    for (boolean b : first) {
      if (b) {
        return find(v, season, first, plain, split);
      }
    }
    // nothing to set aside: the second pass would be the first again
    return first;
  }

  /**
   * Flags the spike positions of {@code v}, with the readings marked in {@code aside} (may be null)
   * not used as references.
   */
  static boolean[] find(double[] v, int season, boolean[] aside) {
    return find(
        v, season, aside, fitWith(residuals(v, 1, aside, SideBySide.IN_TURN)), SideBySide.IN_TURN);
  }

  private static boolean[] find(
      double[] v, int season, boolean[] aside, Fit plain, SideBySide.Split split) {
    int n = v.length;
    boolean[] spike = new boolean[n];
    Fit f = fit(v, season, aside, plain, split);
    if (f == null) {
      return spike;
    }
    double[] e = f.residuals();
    double center = f.center();
    double limit = f.limit();
    int[] sign = new int[n];
    for (int t = 0; t < n; t++) {
      double d = e[t] - center;
      if (Math.abs(d) > limit) {
        sign[t] = d > 0 ? 1 : -1;
      }
    }
    for (int t = 0; t < n; t++) {
      if (sign[t] == 0) {
        continue;
      }
      int j = t;
      while (j + 1 < n && sign[j + 1] == sign[t]) {
        j++;
      }
      if (j - t + 1 <= MAX_LENGTH) {
        for (int k = t; k <= j; k++) {
          spike[k] = true;
        }
      }
      t = j;
    }
    return spike;
  }

  public static List<Finding> check(RegularSeries s, int season) {
    return findings(s, s.values(), season, find(s.values(), season), SideBySide.IN_TURN);
  }

  /**
   * The finding for the spikes found in {@code v} (the spike baseline: codes, zero runs and frozen
   * runs set to NaN).
   */
  static List<Finding> findings(
      RegularSeries s, double[] v, int season, boolean[] spike, SideBySide.Split split) {
    RunCollector c = new RunCollector(s);
    for (int t = 0; t < spike.length; t++) {
      if (!spike[t]) {
        continue;
      }
      int j = t;
      while (j + 1 < spike.length && spike[j + 1]) {
        j++;
      }
      c.add(t, j, j - t + 1);
      t = j;
    }
    if (c.points == 0) {
      return List.of();
    }
    Fit f = fit(v, season, spike, split);
    double[] e = f == null ? residuals(v, season, spike, split) : f.residuals();
    int largest = -1;
    for (int t = 0; t < spike.length; t++) {
      if (spike[t] && (largest < 0 || Math.abs(e[t]) > Math.abs(e[largest]))) {
        largest = t;
      }
    }
    String msg =
        Prose.count(c.points, "isolated reading")
            + " far from their neighbours and their season, in "
            + Prose.count(c.runs, "spike")
            + "; the largest, "
            + Prose.value(v[largest])
            + " at "
            + s.formattedTime(largest)
            + ", is "
            + Prose.value(Math.abs(e[largest]))
            + " away from what its neighbours and season suggest";
    return List.of(
        new Finding(
            CheckType.VALUE_SPIKE.id(),
            Severity.WARNING,
            Category.DATA_SENSOR_FAULT,
            msg,
            c.points,
            c.intervals,
            c.rows.first(),
            Map.of("spikes", c.runs)));
  }
}
