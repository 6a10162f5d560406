package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The ETS criterion with a cutoff: below the cutoff it is the full criterion, bit for bit; at or
 * above, a value between the cutoff and the full criterion (the recursion stopped early), for every
 * form, series and parameter vector (admissible or not).
 */
class EtsObjectiveCutoffTest {

  @Provide
  Arbitrary<String> forms() {
    return Arbitraries.of("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MNA", "MAdM");
  }

  @Property(tries = 300)
  void cutoffValueIsExactBelowAndBoundedAbove(
      @ForAll long seed,
      @ForAll @From("forms") String form,
      @ForAll @IntRange(min = 2, max = 24) int m,
      @ForAll @IntRange(min = 0, max = 300) int extra,
      @ForAll @IntRange(min = -3, max = 3) int cutShift) {
    Random r = new Random(seed);
    EtsSpec spec = EtsSpec.of(form);
    int n = 2 * m + 10 + extra;
    double[] y = new double[n];
    double walk = 0;
    for (int i = 0; i < n; i++) {
      walk += 0.3 * r.nextGaussian();
      y[i] = 50 + 0.1 * i + walk + 5 * Math.sin(2 * Math.PI * i / m) + r.nextGaussian();
    }
    int mm = spec.seasonal() ? m : 1;
    int np = 1 + (spec.hasTrend() ? 1 : 0) + (spec.seasonal() ? 1 : 0) + (spec.damped() ? 1 : 0);
    int ns = 1 + (spec.hasTrend() ? 1 : 0) + (spec.seasonal() ? mm - 1 : 0);
    double[] par = new double[np + ns];
    int j = 0;
    double alpha = 0.02 + 0.6 * r.nextDouble();
    par[j++] = alpha;
    if (spec.hasTrend()) {
      par[j++] = alpha * r.nextDouble();
    }
    if (spec.seasonal()) {
      par[j++] = (1 - alpha) * r.nextDouble();
    }
    if (spec.damped()) {
      par[j++] = 0.8 + 0.18 * r.nextDouble();
    }
    par[j++] = 50 + 5 * r.nextGaussian();
    if (spec.hasTrend()) {
      par[j++] = 0.2 * r.nextGaussian();
    }
    for (int k = 0; k < ns - (spec.hasTrend() ? 2 : 1); k++) {
      boolean mult = spec.season() == EtsSpec.SeasonType.MULTIPLICATIVE;
      par[j++] = mult ? 1 + 0.05 * r.nextGaussian() : 3 * r.nextGaussian();
    }
    EtsObjective obj = new EtsObjective(y, mm, spec, Ets.Criterion.LIK, np);
    double full = obj.value(par.clone());
    double cutoff =
        Double.isFinite(full) ? full + cutShift * 0.3 * Math.abs(full) * r.nextDouble() : 100;
    double cut = obj.value(par.clone(), cutoff);
    if (full < cutoff) {
      assertThat(cut).isEqualTo(full);
    } else {
      assertThat(cut).isGreaterThanOrEqualTo(cutoff).isLessThanOrEqualTo(full);
    }
    // the objective is left as it was: the next full value is the same
    assertThat(obj.value(par.clone())).isEqualTo(full);
  }
}
