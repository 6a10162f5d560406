package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.ModelFailure;
import java.util.Arrays;

/**
 * A seasonal ETS form fitted with its m − 1 free initial seasonal states held where a given
 * parameter vector puts them: the optimiser moves only the smoothing parameters, the initial level
 * and the initial growth (at most six coordinates instead of up to 29). The backtest's shortcut for
 * the seasonal forms of automatic ETS ({@link AutoEts#forOrigins()}); a single {@code ets} fit
 * never uses it. The likelihood, the admissibility checks and the parameter count (for AICc) are
 * those of the full form, so its AICc is comparable with the full fits', and never below its form's
 * optimum.
 */
final class FixedSeasonFit {
  private FixedSeasonFit() {}

  /**
   * @param full a parameter vector of {@code spec} as {@link Ets#parameters} or {@link Ets#start}
   *     give it (smoothing parameters, level, growth, then the m − 1 free seasonal states)
   * @param warm whether {@code full} is an optimum already (the simplex then spans 5% of each
   *     coordinate) or a start (R's simplex: 10% of the largest coordinate along every axis)
   * @throws ModelFailure when the data do not suit the form or no admissible point is found
   */
  static EtsFit estimate(
      double[] y, int m, EtsSpec spec, Ets.Criterion crit, double[] full, int maxit, boolean warm) {
    if (!spec.seasonal()) {
      throw new IllegalArgumentException(spec + " is not seasonal");
    }
    if (spec.needsPositiveData()) {
      for (double v : y) {
        if (v <= 0) {
          throw new ModelFailure("multiplicative " + spec + " needs positive data");
        }
      }
    }
    if (full.length >= y.length - 1) {
      throw new ModelFailure("too short for " + spec + ": " + y.length + " values");
    }
    int nsmooth = Ets.nsmooth(spec);
    int free = nsmooth + 1 + (spec.hasTrend() ? 1 : 0);
    EtsObjective obj = new EtsObjective(y, m, spec, crit, nsmooth);
    double[] work = full.clone();
    NelderMead.Objective reduced =
        p -> {
          System.arraycopy(p, 0, work, 0, free);
          return obj.value(work);
        };
    double[] start = Arrays.copyOf(full, free);
    double[] steps = null;
    if (warm) {
      steps = new double[free];
      for (int i = 0; i < free; i++) {
        steps[i] = Math.abs(start[i]) > 0 ? 0.05 * Math.abs(start[i]) : 0.01;
      }
    }
    NelderMead.Result res;
    try {
      res = NelderMead.minimize(reduced, start, steps, Double.NEGATIVE_INFINITY, Ets.RELTOL, maxit);
    } catch (IllegalStateException e) {
      throw new ModelFailure(spec + ": " + e.getMessage());
    }
    if (!Double.isFinite(res.value())) {
      throw new ModelFailure(spec + ": no admissible point near the start");
    }
    double[] x = full.clone();
    System.arraycopy(res.x(), 0, x, 0, free);
    return Ets.fitAt(
        y,
        m,
        spec,
        obj,
        new NelderMead.Result(x, res.value(), res.evaluations(), res.converged()),
        full.length);
  }
}
