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
 * form, criterion (likelihood or MSE), series and parameter vector (admissible or not).
 */
class EtsObjectiveCutoffTest {

  @Provide
  Arbitrary<String> forms() {
    return Arbitraries.of("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MNA", "MAdM");
  }

  @Property(tries = 600)
  void cutoffValueIsExactBelowAndBoundedAbove(
      @ForAll long seed,
      @ForAll @From("forms") String form,
      @ForAll @IntRange(min = 2, max = 24) int m,
      @ForAll @IntRange(min = 0, max = 300) int extra,
      @ForAll @IntRange(min = -3, max = 3) int cutShift,
      @ForAll boolean mse) {
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
    EtsObjective obj =
        new EtsObjective(y, mm, spec, mse ? Ets.Criterion.MSE : Ets.Criterion.LIK, np);
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

  /**
   * The optimiser on the MSE criterion of the non-seasonal forms (ses, holt, damped, theta's SES):
   * with the cutoff-answering objective it ends bit for bit where it ends with the full values.
   */
  @Property(tries = 200)
  void mseFitTakesTheSameSteps(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 2) int kind,
      @ForAll @IntRange(min = 12, max = 400) int n) {
    Random r = new Random(seed);
    EtsSpec spec = kind == 0 ? EtsSpec.ANN : kind == 1 ? EtsSpec.AAN : EtsSpec.AADN;
    double[] y = new double[n];
    double walk = 0;
    for (int i = 0; i < n; i++) {
      walk += 0.5 * r.nextGaussian();
      y[i] = 20 + 0.05 * i + walk + r.nextGaussian();
    }
    int np = 1 + (spec.hasTrend() ? 1 : 0) + (spec.damped() ? 1 : 0);
    double[] start = new double[np + 1 + (spec.hasTrend() ? 1 : 0)];
    int j = 0;
    start[j++] = 0.05 + 0.5 * r.nextDouble();
    if (spec.hasTrend()) {
      start[j++] = 0.01 + 0.04 * r.nextDouble();
    }
    if (spec.damped()) {
      start[j++] = 0.9 + 0.08 * r.nextDouble();
    }
    start[j++] = y[0];
    if (spec.hasTrend()) {
      start[j] = y[1] - y[0];
    }
    EtsObjective cut = new EtsObjective(y, 1, spec, Ets.Criterion.MSE, np);
    EtsObjective plain = new EtsObjective(y, 1, spec, Ets.Criterion.MSE, np);
    NelderMead.Objective full = plain::value;
    NelderMead.Result expected =
        NelderMead.minimize(full, start.clone(), Double.NEGATIVE_INFINITY, Ets.RELTOL, Ets.MAXIT);
    NelderMead.Result actual =
        NelderMead.minimize(cut, start.clone(), Double.NEGATIVE_INFINITY, Ets.RELTOL, Ets.MAXIT);
    assertThat(actual.x()).containsExactly(expected.x());
    assertThat(actual.value()).isEqualTo(expected.value());
    assertThat(actual.evaluations()).isEqualTo(expected.evaluations());
    assertThat(actual.converged()).isEqualTo(expected.converged());
  }
}
