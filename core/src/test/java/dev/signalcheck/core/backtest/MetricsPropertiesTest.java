package dev.signalcheck.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.signalcheck.core.forecast.Drift;
import dev.signalcheck.core.forecast.ModelRegistry;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MetricsPropertiesTest {
  static final java.util.Set<String> CLOSED_FORM =
      java.util.Set.of("mean", "naive", "seasonal-naive", "naive2", "drift", "ar");

  @Property(tries = 60)
  void maseIsScaleInvariantForEveryModel(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 1e-3, max = 1e3) @net.jqwik.api.constraints.Scale(6) double c,
      @ForAll @IntRange(min = 1, max = 12) int m) {
    double[] y = NoLookAheadTest.seasonalSeries(seed, 120, Math.max(2, m));
    double[] z = new double[y.length];
    for (int t = 0; t < y.length; t++) {
      z[t] = c * y[t];
    }
    RollingOriginBacktest b = new RollingOriginBacktest(6, 3);
    // the exponential-smoothing family follows R's Nelder-Mead, whose first simplex and convergence
    // tolerance depend on the scale of the data: like R's, their fits (not only their MASE) can
    // change
    // with it (ses at c = 0.001 was seen to), so they are left out of this property; their parity
    // with R
    // is tested in the ets package
    java.util.List<String> invariant = new java.util.ArrayList<>(ModelRegistry.defaults().names());
    invariant.removeAll(java.util.List.of("ses", "holt", "damped", "theta", "ets"));
    BacktestResult ry = b.run(y, m, ModelRegistry.defaults().select(invariant));
    BacktestResult rz = b.run(z, m, ModelRegistry.defaults().select(invariant));
    for (ModelScore s : ry.models()) {
      ModelScore t = rz.model(s.name()).orElseThrow();
      assertThat(t.skipped()).isEqualTo(s.skipped());
      if (!s.skipped()) {
        // closed-form models exactly; models fitted by a numerical optimiser up to its tolerance
        double tol = CLOSED_FORM.contains(s.name()) ? 1e-7 : 1e-2;
        assertThat(t.mase()).as(s.name()).isCloseTo(s.mase(), within(tol * s.mase()));
        assertThat(t.rmsse()).as(s.name()).isCloseTo(s.rmsse(), within(tol * s.rmsse()));
        assertThat(t.smape())
            .as(s.name())
            .isCloseTo(s.smape(), within(tol * Math.max(s.smape(), 1e-9)));
      }
    }
    assertThat(rz.skill())
        .isCloseTo(ry.skill(), within(CLOSED_FORM.containsAll(invariant) ? 1e-7 : 1e-2));
  }

  @Property
  void aPerfectForecastScoresZero(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 12) int m) {
    Random rnd = new Random(seed);
    double[] train = new double[40];
    for (int t = 0; t < train.length; t++) {
      train[t] = rnd.nextGaussian() * 10;
    }
    double[] a = {rnd.nextGaussian(), rnd.nextGaussian(), 0, rnd.nextGaussian()};
    double[] f = a.clone();
    double scale = Metrics.maseScale(train, m);
    assertThat(Metrics.mase(a, f, scale)).isZero();
    assertThat(Metrics.rmsse(a, f, Metrics.rmsseScale(train, m))).isZero();
    assertThat(Metrics.smape(a, f)).isZero();
    assertThat(Metrics.mae(a, f)).isZero();
    assertThat(Metrics.rmse(a, f)).isZero();
    assertThat(Metrics.me(a, f)).isZero();
  }

  @Property(tries = 100)
  void driftForecastsAStraightLinePerfectly(
      @ForAll @DoubleRange(min = -100, max = 100) double level,
      @ForAll @DoubleRange(min = 0.01, max = 10) double slope) {
    double[] y = new double[60];
    for (int t = 0; t < y.length; t++) {
      y[t] = level + slope * t;
    }
    BacktestResult r = new RollingOriginBacktest(5, 3).run(y, 1, List.of(new Drift()));
    assertThat(r.models().get(0).mase()).isCloseTo(0, within(1e-9));
  }

  @Test
  void smapeFollowsM4() {
    assertThat(Metrics.smape(new double[] {100, 50}, new double[] {110, 50}))
        .isCloseTo((200.0 * 10 / 210) / 2, within(1e-12));
  }
}
