package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelRegistry;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The smoothers over a backtest's origins ({@link WarmStart}): the first origin and short windows
 * are fitted exactly as a single fit, later long windows start from the previous optimum and land
 * near the cold fit's optimum, and nothing after an origin reaches its fit.
 */
class WarmStartTest {
  private static final String[] SMOOTHERS = {"ses", "holt", "damped", "theta"};

  /** AR(1) around a level with a little drift: the smoothers' optimum is interior. */
  private static double[] ar(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[n];
    double x = 0;
    for (int t = 0; t < n; t++) {
      x = 0.6 * x + r.nextGaussian();
      y[t] = 100 + 0.01 * t + x;
    }
    return y;
  }

  private static double mse(double[] y, Fitted f) {
    double[] fit = f.fitted();
    double s = 0;
    for (int t = 0; t < y.length; t++) {
      s += (y[t] - fit[t]) * (y[t] - fit[t]);
    }
    return s / y.length;
  }

  /**
   * Over 100 seeded series (and two that a randomised run once found), the first origin and short
   * windows are the single fit itself, and the warm fits of the long windows come within 2% of the
   * cold fit's MSE on nearly all windows. Not on all: a warm simplex can stay in the previous
   * window's valley when the optimum moves to another one (Holt on the second found series: 13.6%
   * above the cold fit's MSE, theta on the first: 4%). Measured on these 100 series: no window
   * above 2%, mean ratio 0.999–1.000 per smoother; the test allows 1% of windows above 2% and none
   * above 20%.
   */
  @Test
  void warmFitsMatchColdOnesWhereTheyMustAndComeCloseOnNearlyAllWindows() {
    java.util.List<long[]> cases = new java.util.ArrayList<>();
    SplittableRandom g = new SplittableRandom(1);
    for (int k = 0; k < 100; k++) {
      cases.add(new long[] {g.nextLong(), 260 + g.nextInt(441)});
    }
    cases.add(new long[] {13153287082103L, 260});
    cases.add(new long[] {13153287110760L, 547});
    for (String name : SMOOTHERS) {
      int windows = 0;
      int above = 0;
      double worst = 0;
      for (long[] c : cases) {
        double[] y = ar((int) c[1], c[0]);
        Forecaster cold = ModelRegistry.defaults().create(name);
        Forecaster warm = cold.forOrigins();
        assertThat(warm).isNotSameAs(cold);
        int n = y.length;
        int[] lengths = {120, WarmStart.WARM_FROM - 1, n - 48, n};
        for (int i = 0; i < lengths.length; i++) {
          double[] t = Arrays.copyOf(y, lengths[i]);
          Fitted w = warm.fit(t, 1);
          Fitted f = cold.fit(t, 1);
          if (i < 2) {
            // the first origin and windows shorter than WARM_FROM: the single fit itself
            assertThat(w.forecast(12)).as(name).containsExactly(f.forecast(12));
          } else {
            double ratio = mse(t, w) / mse(t, f);
            windows++;
            if (ratio > 1.02) {
              above++;
            }
            worst = Math.max(worst, ratio);
          }
        }
      }
      assertThat(above)
          .as(name + ": windows more than 2% above the cold fit")
          .isLessThanOrEqualTo(windows / 100);
      assertThat(worst).as(name + ": worst ratio to the cold fit's MSE").isLessThan(1.2);
    }
  }

  @Test
  void eachOriginDependsOnlyOnTheDataUpToIt() {
    double[] y = ar(600, 7);
    double[] other = y.clone();
    for (int t = 500; t < other.length; t++) {
      other[t] = -3 * other[t];
    }
    for (String name : SMOOTHERS) {
      Forecaster a = ModelRegistry.defaults().create(name).forOrigins();
      Forecaster b = ModelRegistry.defaults().create(name).forOrigins();
      for (int len : new int[] {150, 300, 400, 500}) {
        assertThat(a.fit(Arrays.copyOf(y, len), 1).forecast(10))
            .as(name)
            .containsExactly(b.fit(Arrays.copyOf(other, len), 1).forecast(10));
      }
    }
  }
}
