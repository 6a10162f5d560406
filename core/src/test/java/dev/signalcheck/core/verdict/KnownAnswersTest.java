package dev.signalcheck.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.forecast.MeanForecaster;
import dev.signalcheck.core.forecast.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Series whose answer is known, generated with fixed seeds, through the whole backtest and verdict.
 * Where a verdict needs evidence (a random walk must not look predictable; a modest AR(1) gain must
 * be found) the tests use enough origins for the Diebold–Mariano test to have it: with 3 origins of
 * 10 steps it sees 30 strongly dependent errors (see {@link VerdictRules} on power). The
 * white-noise, random-walk and seasonal cases use 10 to 20 origins, as the README advises for a
 * decisive verdict.
 */
class KnownAnswersTest {

  static Verdict judge(double[] y, int m, int horizon) {
    return judge(y, m, horizon, 3);
  }

  static Verdict judge(double[] y, int m, int horizon, int origins) {
    BacktestResult r =
        new RollingOriginBacktest(horizon, origins).run(y, m, ModelRegistry.defaults().all());
    return VerdictRules.judge(r);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void whiteNoiseHasNoSignal(long seed) {
    Random rnd = new Random(seed);
    double[] y = new double[300];
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 + 5 * rnd.nextGaussian();
    }
    Verdict v = judge(y, 1, 10, 10);
    assertThat(v.signal()).isEqualTo(Signal.NONE);
    assertThat(v.headline()).startsWith("No signal");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomWalkHasNoSignal(long seed) {
    Random rnd = new Random(seed);
    double[] y = new double[1000];
    double level = 100;
    for (int t = 0; t < y.length; t++) {
      level += rnd.nextGaussian();
      y[t] = level;
    }
    Verdict v = judge(y, 1, 10, 20);
    assertThat(v.signal()).isEqualTo(Signal.NONE);
  }

  static double[] stronglySeasonal(long seed, int n) {
    Random rnd = new Random(seed);
    int m = 12;
    double[] y = new double[n];
    for (int t = 0; t < y.length; t++) {
      y[t] =
          100
              + 20 * Math.sin(2 * Math.PI * t / m)
              + 8 * Math.cos(4 * Math.PI * t / m)
              + 2 * rnd.nextGaussian();
    }
    return y;
  }

  /**
   * A stable seasonal pattern plus noise: seasonal naive carries last season's noise, a model that
   * estimates the pattern from every season does much better. With the full model set (the
   * exponential-smoothing family on the M4-adjusted series) the verdict must be strong.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void stronglySeasonalIsStrong(long seed) {
    ModelRegistry registry = ModelRegistry.defaults();
    assumeTrue(
        registry.contains("ses"),
        "the exponential-smoothing family is not registered in this build");
    BacktestResult r =
        new RollingOriginBacktest(12, 10).run(stronglySeasonal(seed, 360), 12, registry.all());
    Verdict v = VerdictRules.judge(r);
    assertThat(v.signal()).as(v.headline()).isEqualTo(Signal.STRONG);
    assertThat(v.predictability()).isGreaterThan(0.8);
  }

  /**
   * The same verdict mechanics with a stand-in candidate that estimates the seasonal pattern from
   * all seasons: the level's mean on the M4-adjusted series, multiplied back by the seasonal
   * indices. Strong on every seed; useful steps only when the gain is confirmed, and then exactly
   * the steps the skill chart shows at 5% or more.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void stronglySeasonalIsStrongWithAPatternEstimatingCandidate(long seed) {
    BacktestResult r = withPatternCandidate(seed);
    Verdict v = VerdictRules.judge(r);
    assertThat(v.signal()).as(v.headline()).isEqualTo(Signal.STRONG);
    assertThat(v.predictability()).isGreaterThan(0.8);
    assertThat(r.skill()).isGreaterThan(VerdictRules.STRONG_SKILL);
    for (int h = 1; h <= 12; h++) {
      assertThat(v.usefulSteps().contains(h))
          .isEqualTo(v.decision().modelAdds() && r.skillByHorizon().get(h - 1) >= 0.05);
    }
    assertThat(v.usefulHorizon()).isLessThanOrEqualTo(v.usefulSteps().size());
    assertThat(r.baseline()).isIn("seasonal-naive", "naive2");
  }

  /**
   * How often that gain (about 25% against seasonal naive, 10 origins) is confirmed: measured 31
   * and 32 of these 40 seeds (with either way of refitting ETS over origins); a candidate that
   * stopped estimating the pattern would be confirmed on hardly any.
   */
  @Test
  void thePatternEstimatingGainIsConfirmedOnMostSeeds() {
    int confirmed = 0;
    for (long seed = 1; seed <= 40; seed++) {
      if (VerdictRules.judge(withPatternCandidate(seed)).decision().modelAdds()) {
        confirmed++;
      }
    }
    assertThat(confirmed).isGreaterThanOrEqualTo(28);
  }

  private static BacktestResult withPatternCandidate(long seed) {
    List<ModelRegistry.Entry> entries = new ArrayList<>(ModelRegistry.defaultEntries());
    entries.add(ModelRegistry.m4Adjusted("seasonal-mean", MeanForecaster::new));
    return new RollingOriginBacktest(12, 10)
        .run(stronglySeasonal(seed, 360), 12, new ModelRegistry(entries).all());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void ar1IsWeakOrStrong(long seed) {
    Random rnd = new Random(seed);
    double[] y = new double[2000];
    double x = 0;
    for (int t = 0; t < y.length; t++) {
      x = 0.85 * x + rnd.nextGaussian();
      y[t] = 20 + x;
    }
    Verdict v = judge(y, 1, 10, 100);
    assertThat(v.signal()).isIn(Signal.WEAK, Signal.STRONG);
  }
}
