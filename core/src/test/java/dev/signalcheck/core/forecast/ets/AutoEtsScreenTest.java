package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.forecast.Fitted;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The screened form search of the backtest ({@link AutoEts#selectScreened}): what it returns is
 * always the exact {@code ets} fit of the form it chose (a resumed optimiser run, not a shorter
 * one), never worse by AICc than any form whose optimiser ended within the screen, and the same
 * choice as the full search whenever no form needs more than the screen's evaluations.
 */
class AutoEtsScreenTest {

  private static double[] series(long seed, int n, int m) {
    SplittableRandom r = new SplittableRandom(seed);
    double level = 50 + r.nextDouble(0, 50);
    double slope = r.nextDouble(-0.1, 0.1);
    double amp = r.nextBoolean() ? r.nextDouble(0, 10) : 0;
    double noise = r.nextDouble(0.5, 5);
    double walk = 0;
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      walk += r.nextBoolean() ? r.nextDouble(-1, 1) : 0;
      y[t] =
          level + slope * t + amp * Math.sin(2 * Math.PI * t / m) + noise * r.nextDouble() + walk;
    }
    return y;
  }

  @Property(tries = 12)
  void theChosenFitIsThatFormsExactFit(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 60, max = 260) int n,
      @ForAll("periods") int m) {
    double[] y = series(seed, n, m);
    List<EtsSpec> forms = AutoEts.candidates(y, m);
    Fitted screened = AutoEts.selectScreened(y, m, forms);
    EtsFit chosen = (EtsFit) screened;
    EtsFit exact = Ets.estimate(y, m, chosen.spec(), Ets.Criterion.LIK);
    assertThat(chosen.forecast(2 * m)).containsExactly(exact.forecast(2 * m));
    assertThat(chosen.aicc()).isEqualTo(exact.aicc());
    boolean allWithinScreen = true;
    for (EtsSpec spec : forms) {
      EtsFit f;
      try {
        f = Ets.estimate(y, m, spec, Ets.Criterion.LIK);
      } catch (dev.signalcheck.core.forecast.ModelFailure e) {
        continue;
      }
      if (f.evaluations() <= AutoEts.SCREEN_EVALS && f.converged()) {
        assertThat(chosen.aicc()).isLessThanOrEqualTo(f.aicc());
      } else {
        allWithinScreen = false;
      }
    }
    if (allWithinScreen) {
      assertThat(screened.description()).isEqualTo(new AutoEts().fit(y, m).description());
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> periods() {
    return net.jqwik.api.Arbitraries.of(1, 4, 12, 24);
  }
}
