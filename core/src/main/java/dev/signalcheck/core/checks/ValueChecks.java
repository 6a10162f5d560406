package dev.signalcheck.core.checks;

import dev.signalcheck.core.backtest.SideBySide;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.RegularSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the sensor-fault checks on a series on its regular grid so that faults that come together do
 * not hide each other, and one fault is reported once.
 *
 * <p>Each check decides on the bulk of the data, without the readings the other checks explain:
 *
 * <ol>
 *   <li>codes for "missing" ({@link SentinelCheck}) are judged against the readings that are not
 *       zero runs or frozen runs, and are then missing for every later check;
 *   <li>a few-state signal (a flag, an on/off or a valve position: at most {@link
 *       Robust#FEW_STATES} values cover 99% of the readings) stops here: its long stays, rare
 *       states and jumps between states are its nature, not faults;
 *   <li>zero runs ({@link ZeroRunCheck}) are judged on the non-zero readings without the spikes and
 *       frozen runs;
 *   <li>frozen runs ({@link StuckCheck}), with the zero runs left out of the usual run length;
 *   <li>spikes ({@link SpikeCheck}) with codes, zero runs and frozen runs left out;
 * </ol>
 *
 * and these are repeated, each round with the zero runs, frozen runs and spikes of the previous
 * round set aside, until a round sets aside what it was given (at most {@link #MAX_ROUNDS} rounds;
 * one or two on the real series measured). Last come the range ({@link OutOfRangeCheck}) and the
 * level shifts ({@link LevelShiftCheck}, on a baseline where codes, zero runs, frozen runs and
 * spikes are bridged). Never throws on any input.
 */
public final class ValueChecks {
  private ValueChecks() {}

  static final int MAX_ROUNDS = 4;

  /**
   * The findings and the series the profile and backtest should use: the input with the codes for
   * missing set to NaN. Frozen and zero runs are kept.
   */
  public record Result(List<Finding> findings, RegularSeries series, double[] codes) {}

  /**
   * What the checks decided, position by position.
   *
   * @param codes the codes for missing
   * @param masked the values with the codes set to NaN
   * @param fewStates whether the rest is a few-state signal (then no runs, spikes or shifts)
   * @param zeroRuns the zero runs as [from, to]
   * @param stuck the frozen runs
   * @param spikes the spike positions
   * @param shifts the level shifts
   * @param rounds the rounds it took to settle
   */
  record Decision(
      double[] codes,
      double[] masked,
      boolean fewStates,
      List<int[]> zeroRuns,
      StuckCheck.Runs stuck,
      boolean[] spikes,
      List<LevelShiftCheck.Shift> shifts,
      int rounds) {}

  /**
   * @param season seasonal period in steps (1 for none)
   * @param min physically possible minimum, or null
   * @param max physically possible maximum, or null
   */
  public static Result run(RegularSeries s, int season, Double min, Double max) {
    return run(s, season, min, max, SideBySide.IN_TURN);
  }

  /**
   * As {@link #run(RegularSeries, int, Double, Double)}, the longest passes over the positions
   * divided by {@code split} (the same results on any division).
   */
  public static Result run(
      RegularSeries s, int season, Double min, Double max, SideBySide.Split split) {
    Decision d = decide(s.values(), season, split);
    List<Finding> out = new ArrayList<>();
    out.addAll(SentinelCheck.check(s, d.codes()));
    double[] v = d.masked();
    out.addAll(OutOfRangeCheck.check(s, v, min, max));
    out.addAll(StuckCheck.findings(s, v, d.stuck()));
    out.addAll(ZeroRunCheck.findings(s, v, d.zeroRuns()));
    out.addAll(SpikeCheck.findings(s, without(v, d), season, d.spikes(), split));
    out.addAll(LevelShiftCheck.findings(s, d.shifts()));
    RegularSeries cleaned =
        d.codes().length == 0 ? s : new RegularSeries(s.start(), s.step(), v, s.rows(), s.format());
    return new Result(out, cleaned, d.codes());
  }

  /** Decides every check on the values, each on the bulk the others leave. */
  static Decision decide(double[] values, int season) {
    return decide(values, season, SideBySide.IN_TURN);
  }

  static Decision decide(double[] values, int season, SideBySide.Split split) {
    int n = values.length;
    boolean[] aside = new boolean[n];
    double[] codes = new double[0];
    double[] v = values.clone();
    List<int[]> zeros = List.of();
    StuckCheck.Runs stuck = StuckCheck.Runs.NONE;
    boolean[] spikes = new boolean[n];
    int rounds = 0;
    boolean few = false;
    // the values sorted once; each round's sorted bulks are taken from it (the same arrays)
    double[] sorted = Robust.finiteSorted(values, SideBySide.parallel(split, n));
    double[] lastW = null;
    while (rounds < MAX_ROUNDS) {
      rounds++;
      double[] c = SentinelCheck.codes(values, sorted, aside, spikes);
      double[] m = SentinelCheck.maskCodes(values, c);
      double[] sortedM = SortedExcept.withoutCodes(sorted, c);
      few = Robust.fewStates(sortedM);
      if (few) {
        codes = c;
        v = m;
        zeros = List.of();
        stuck = StuckCheck.Runs.NONE;
        spikes = new boolean[n];
        break;
      }
      boolean[] notBulk = new boolean[n];
      mark(notBulk, stuck.runs());
      or(notBulk, spikes);
      List<int[]> z = ZeroRunCheck.find(m, notBulk);
      boolean[] zeroMask = new boolean[n];
      mark(zeroMask, z);
      StuckCheck.Runs st = StuckCheck.find(m, season, zeroMask, sortedM);
      double[] w = m.clone();
      blank(w, zeroMask);
      boolean[] stuckMask = new boolean[n];
      mark(stuckMask, st.runs());
      blank(w, stuckMask);
      // the spikes depend on w alone: a round that leaves w as the last one did has its spikes
      boolean[] sp = Arrays.equals(w, lastW) ? spikes : SpikeCheck.find(w, season, split);
      lastW = w;
      // the next round would see the same zero runs, frozen runs and spikes set aside: settled
      boolean same =
          sameRuns(z, zeros)
              && sameRuns(Arrays.asList(st.runs()), Arrays.asList(stuck.runs()))
              && Arrays.equals(sp, spikes);
      codes = c;
      v = m;
      zeros = z;
      stuck = st;
      spikes = sp;
      if (same) {
        break;
      }
      aside = zeroMask;
      or(aside, stuckMask);
    }
    List<LevelShiftCheck.Shift> shifts = List.of();
    if (!few) {
      double[] w = without(v, zeros, stuck);
      blank(w, spikes);
      shifts = LevelShiftCheck.find(bridge(values, w, season), season, split);
    }
    return new Decision(codes, v, few, zeros, stuck, spikes, shifts, rounds);
  }

  /**
   * The level-shift baseline: {@code w} (faults set to NaN) with the readings the checks set aside
   * (finite in {@code values}, NaN in {@code w}) filled in: a stretch of up to {@link
   * SpikeCheck#MAX_LENGTH} readings from the median of its nearest readings on either side; a
   * longer one from the readings at the same phase one to three seasons away or, without a season,
   * from the straight line between the readings on either side. A window that lost part of a day to
   * a fault would otherwise fit a line to an unbalanced day and show a shift at the fault's edge;
   * gaps of the input stay gaps.
   */
  static double[] bridge(double[] values, double[] w, int season) {
    int n = w.length;
    double[] out = w.clone();
    boolean seasonal = season > 1 && 3L * season <= n;
    double[] buf = new double[2 * SpikeCheck.HALF_WINDOW];
    for (int t = 0; t < n; ) {
      if (!Double.isFinite(values[t]) || Double.isFinite(w[t])) {
        t++;
        continue;
      }
      int end = t;
      while (end + 1 < n && Double.isFinite(values[end + 1]) && !Double.isFinite(w[end + 1])) {
        end++;
      }
      for (int k = t; k <= end; k++) {
        out[k] =
            end - t < SpikeCheck.MAX_LENGTH
                ? nearMedian(w, t, end, buf)
                : seasonal ? phaseMedian(w, k, season, buf) : line(w, t, end, k);
      }
      t = end + 1;
    }
    return out;
  }

  /** The median of up to HALF_WINDOW finite readings before {@code from} and after {@code to}. */
  private static double nearMedian(double[] w, int from, int to, double[] buf) {
    int c = 0;
    for (int k = from - 1, got = 0; k >= 0 && got < SpikeCheck.HALF_WINDOW; k--) {
      if (Double.isFinite(w[k])) {
        buf[c++] = w[k];
        got++;
      }
    }
    for (int k = to + 1, got = 0; k < w.length && got < SpikeCheck.HALF_WINDOW; k++) {
      if (Double.isFinite(w[k])) {
        buf[c++] = w[k];
        got++;
      }
    }
    return Robust.medianInPlace(buf, c);
  }

  /** The median of the finite readings at the phase of {@code t} one to three seasons away. */
  private static double phaseMedian(double[] w, int t, int season, double[] buf) {
    int c = 0;
    for (int j = -3; j <= 3; j++) {
      long k = t + (long) j * season;
      if (j != 0 && k >= 0 && k < w.length && Double.isFinite(w[(int) k])) {
        buf[c++] = w[(int) k];
      }
    }
    return Robust.medianInPlace(buf, c);
  }

  /** The straight line between the readings just before {@code from} and just after {@code to}. */
  private static double line(double[] w, int from, int to, int k) {
    int a = from - 1;
    int b = to + 1;
    if (a < 0 || b >= w.length || !Double.isFinite(w[a]) || !Double.isFinite(w[b])) {
      return Double.NaN;
    }
    return w[a] + (w[b] - w[a]) * (k - a) / (double) (b - a);
  }

  /** The masked values with zero runs and frozen runs set to NaN: the spike baseline. */
  private static double[] without(double[] v, Decision d) {
    return without(v, d.zeroRuns(), d.stuck());
  }

  private static double[] without(double[] v, List<int[]> zeros, StuckCheck.Runs stuck) {
    double[] w = v.clone();
    for (int[] r : zeros) {
      Arrays.fill(w, r[0], r[1] + 1, Double.NaN);
    }
    for (int[] r : stuck.runs()) {
      Arrays.fill(w, r[0], r[1] + 1, Double.NaN);
    }
    return w;
  }

  private static void mark(boolean[] mask, List<int[]> runs) {
    for (int[] r : runs) {
      Arrays.fill(mask, r[0], r[1] + 1, true);
    }
  }

  private static void mark(boolean[] mask, int[][] runs) {
    mark(mask, Arrays.asList(runs));
  }

  private static void or(boolean[] into, boolean[] other) {
    for (int k = 0; k < into.length; k++) {
      into[k] |= other[k];
    }
  }

  private static void blank(double[] w, boolean[] mask) {
    for (int k = 0; k < w.length; k++) {
      if (mask[k]) {
        w[k] = Double.NaN;
      }
    }
  }

  private static boolean sameRuns(List<int[]> a, List<int[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
