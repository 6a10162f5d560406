package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelRegistry;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

  @Property(tries = 15)
  void warmFitsMatchColdOnesWhereTheyMustAndComeCloseElsewhere(
      @ForAll long seed, @ForAll @IntRange(min = 260, max = 700) int n) {
    double[] y = ar(n, seed);
    for (String name : SMOOTHERS) {
      Forecaster cold = ModelRegistry.defaults().create(name);
      Forecaster warm = cold.forOrigins();
      assertThat(warm).isNotSameAs(cold);
      int[] lengths = {120, WarmStart.WARM_FROM - 1, n - 48, n};
      for (int i = 0; i < lengths.length; i++) {
        double[] t = Arrays.copyOf(y, lengths[i]);
        Fitted w = warm.fit(t, 1);
        Fitted c = cold.fit(t, 1);
        if (i < 2) {
          // the first origin and windows shorter than WARM_FROM: the single fit itself
          assertThat(w.forecast(12)).as(name).containsExactly(c.forecast(12));
        } else {
          assertThat(mse(t, w)).as(name + " at " + lengths[i]).isLessThan(1.02 * mse(t, c));
        }
      }
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
