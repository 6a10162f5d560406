package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A minimisation stopped at an evaluation limit and taken on later ({@link NelderMead.Run}) ends
 * exactly where one uninterrupted run to the later limit ends: the same point, value, count of
 * evaluations and convergence flag, for any objective, dimension and pair of limits.
 */
class NelderMeadRunTest {

  /** A bumpy bowl with its own centre, scales and coupling: some runs converge, some hit limits. */
  static NelderMead.Objective objective(long seed, int dim) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] centre = new double[dim];
    double[] scale = new double[dim];
    for (int i = 0; i < dim; i++) {
      centre[i] = r.nextDouble(-3, 3);
      scale[i] = Math.exp(r.nextDouble(-3, 3));
    }
    double coupling = r.nextDouble(0, 0.9);
    return x -> {
      double v = 0;
      for (int i = 0; i < dim; i++) {
        double d = (x[i] - centre[i]) * scale[i];
        double next = i + 1 < dim ? (x[i + 1] - centre[i + 1]) * scale[i + 1] : 0;
        v += d * d + 0.1 * d * d * d * d + coupling * d * next + 0.05 * Math.sin(5 * d);
      }
      return x[0] > 40 ? Double.NaN : v;
    };
  }

  @Property(tries = 200)
  void resumedRunEndsWhereAnUninterruptedRunEnds(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 14) int dim,
      @ForAll @IntRange(min = 1, max = 400) int first,
      @ForAll @IntRange(min = 0, max = 800) int more,
      @ForAll boolean perAxisSteps) {
    NelderMead.Objective f = objective(seed, dim);
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[] start = new double[dim];
    double[] steps = perAxisSteps ? new double[dim] : null;
    for (int i = 0; i < dim; i++) {
      start[i] = r.nextDouble(-5, 5);
      if (steps != null) {
        steps[i] = r.nextDouble(0.01, 1);
      }
    }
    int limit = first + more;
    NelderMead.Result whole =
        NelderMead.minimize(f, start, steps, Double.NEGATIVE_INFINITY, 1e-8, limit);
    NelderMead.Run run = new NelderMead.Run(f, start, steps, Double.NEGATIVE_INFINITY, 1e-8);
    run.advance(first);
    NelderMead.Result part = run.result();
    assertThat(part.evaluations()).isLessThanOrEqualTo(whole.evaluations());
    run.advance(limit);
    NelderMead.Result resumed = run.result();
    assertThat(resumed.x()).containsExactly(whole.x());
    assertThat(resumed.value()).isEqualTo(whole.value());
    assertThat(resumed.evaluations()).isEqualTo(whole.evaluations());
    assertThat(resumed.converged()).isEqualTo(whole.converged());
    assertThat(run.best()).isEqualTo(whole.value());
  }
}
