package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link NelderMead} keeps its simplex vertex-major; it must end exactly where the coordinate-major
 * transcription of R's {@code nmmin} ({@link NelderMeadReference}) ends: the same point, value,
 * count of evaluations and convergence flag, bit for bit, for objectives with non-finite regions,
 * dimensions up to those of seasonal ETS forms, and both kinds of initial simplex; and so must a
 * run whose objective answers the minimiser's "at least this cutoff?" evaluations with any value of
 * at least the cutoff.
 */
class NelderMeadLayoutTest {

  /** {@link NelderMeadRunTest}'s bumpy bowl, with a wall of infinities and a region of NaN. */
  private static NelderMead.Objective objective(long seed, int dim) {
    NelderMead.Objective bowl = NelderMeadRunTest.objective(seed, dim);
    double wall = new SplittableRandom(~seed).nextDouble(0.5, 6);
    return x -> {
      if (x[0] > wall) {
        return Double.POSITIVE_INFINITY;
      }
      return x[dim - 1] < -wall ? Double.NaN : bowl.value(x);
    };
  }

  @Property(tries = 300)
  void sameRunAsTheCoordinateMajorTranscription(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int dim,
      @ForAll @IntRange(min = 1, max = 3000) int maxit,
      @ForAll boolean perAxisSteps,
      @ForAll boolean zeroStart) {
    NelderMead.Objective f = objective(seed, dim);
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[] start = new double[dim];
    double[] steps = perAxisSteps ? new double[dim] : null;
    for (int i = 0; i < dim; i++) {
      start[i] = zeroStart ? 0 : r.nextDouble(-0.4, 0.4);
      if (steps != null) {
        steps[i] = r.nextDouble(0.01, 1);
      }
    }
    double reltol = r.nextBoolean() ? 1e-8 : 1e-4;
    NelderMead.Result expected =
        NelderMeadReference.minimize(f, start, steps, Double.NEGATIVE_INFINITY, reltol, maxit);
    NelderMead.Result actual =
        NelderMead.minimize(f, start, steps, Double.NEGATIVE_INFINITY, reltol, maxit);
    assertThat(actual.x()).containsExactly(expected.x());
    assertThat(actual.value()).isEqualTo(expected.value());
    assertThat(actual.evaluations()).isEqualTo(expected.evaluations());
    assertThat(actual.converged()).isEqualTo(expected.converged());
    // an objective that answers "at least the cutoff" with any such value: the very same run
    double share = r.nextDouble();
    NelderMead.Objective cut =
        new NelderMead.Objective() {
          @Override
          public double value(double[] x) {
            return f.value(x);
          }

          @Override
          public double value(double[] x, double cutoff) {
            double v = f.value(x);
            return v >= cutoff ? cutoff + share * (v - cutoff) : v;
          }
        };
    NelderMead.Result withCutoff =
        NelderMead.minimize(cut, start, steps, Double.NEGATIVE_INFINITY, reltol, maxit);
    assertThat(withCutoff.x()).containsExactly(expected.x());
    assertThat(withCutoff.value()).isEqualTo(expected.value());
    assertThat(withCutoff.evaluations()).isEqualTo(expected.evaluations());
    assertThat(withCutoff.converged()).isEqualTo(expected.converged());
  }
}
