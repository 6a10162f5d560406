package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.RegularSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the sensor-fault checks on a series on its regular grid, in an order that keeps one fault
 * from being reported twice: codes for "missing" first (they are then missing for every later
 * check), then the range, frozen and zero runs, then spikes with frozen and zero runs left out,
 * then level shifts with spikes left out as well. Never throws on any input.
 */
public final class ValueChecks {
  private ValueChecks() {}

  /**
   * The findings and the series the profile and backtest should use: the input with the codes for
   * missing set to NaN. Frozen and zero runs are kept.
   */
  public record Result(List<Finding> findings, RegularSeries series, double[] codes) {}

  /**
   * @param season seasonal period in steps (1 for none)
   * @param min physically possible minimum, or null
   * @param max physically possible maximum, or null
   */
  public static Result run(RegularSeries s, int season, Double min, Double max) {
    List<Finding> out = new ArrayList<>();
    double[] codes = SentinelCheck.codes(s.values());
    out.addAll(SentinelCheck.check(s, codes));
    double[] v = SentinelCheck.maskCodes(s.values(), codes);
    out.addAll(OutOfRangeCheck.check(s, v, min, max));
    out.addAll(StuckCheck.check(s, v, season));
    out.addAll(ZeroRunCheck.check(s, v));
    double[] w = v.clone();
    boolean[] mask = new boolean[w.length];
    StuckCheck.mark(v, season, mask);
    for (int[] r : ZeroRunCheck.find(v)) {
      for (int k = r[0]; k <= r[1]; k++) {
        mask[k] = true;
      }
    }
    for (int k = 0; k < w.length; k++) {
      if (mask[k]) {
        w[k] = Double.NaN;
      }
    }
    out.addAll(SpikeCheck.check(s, w, season));
    boolean[] spikes = SpikeCheck.find(w, season);
    for (int k = 0; k < w.length; k++) {
      if (spikes[k]) {
        w[k] = Double.NaN;
      }
    }
    out.addAll(LevelShiftCheck.check(s, w, season));
    RegularSeries cleaned =
        codes.length == 0 ? s : new RegularSeries(s.start(), s.step(), v, s.rows(), s.format());
    return new Result(out, cleaned, codes);
  }
}
