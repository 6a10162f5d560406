package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedSeasonFit}: the initial seasonal states stay where the given vector puts them, the
 * other parameters are optimised from it (never ending worse than the start), and the parameter
 * count is the full form's.
 */
class FixedSeasonFitTest {

  private static double[] seasonal(int n, int m, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 60 + 0.03 * t + 9 * Math.sin(2 * Math.PI * t / m) + 2 * r.nextGaussian();
    }
    return y;
  }

  @Property(tries = 12)
  void seasonalStatesStayAndTheFitImprovesOnItsStart(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3) int form,
      @ForAll @IntRange(min = 4, max = 24) int m) {
    EtsSpec spec = EtsSpec.of(new String[] {"AAA", "ANA", "MAdM", "MNM"}[form]);
    double[] y = seasonal(12 * m + 5, m, seed);
    double[] start = Ets.start(y, m, spec);
    EtsFit f = FixedSeasonFit.estimate(y, m, spec, Ets.Criterion.LIK, start, Ets.MAXIT, false);
    int nsmooth = Ets.nsmooth(spec);
    int free = nsmooth + 1 + (spec.hasTrend() ? 1 : 0);
    double[] par = Ets.parameters(f);
    assertThat(par).hasSize(start.length);
    assertThat(Arrays.copyOfRange(par, free, par.length))
        .containsExactly(Arrays.copyOfRange(start, free, start.length));
    EtsObjective obj = new EtsObjective(y, m, spec, Ets.Criterion.LIK, nsmooth);
    assertThat(f.lik()).isLessThanOrEqualTo(obj.value(start) + 1e-9 * Math.abs(obj.value(start)));
    // the full form's parameter count: AICc is comparable with full fits
    EtsFit full = Ets.estimateFrom(y, m, spec, Ets.Criterion.LIK, par, 0);
    assertThat(f.aicc() - f.lik())
        .isCloseTo(full.aicc() - full.lik(), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void onlySeasonalFormsHaveSeasonalStatesToHold() {
    double[] y = seasonal(100, 4, 1);
    assertThatThrownBy(
            () ->
                FixedSeasonFit.estimate(
                    y, 4, EtsSpec.AAN, Ets.Criterion.LIK, new double[4], 100, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
