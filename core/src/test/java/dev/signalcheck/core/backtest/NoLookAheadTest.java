package dev.signalcheck.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** No model ever sees data at or after its forecast origin. */
class NoLookAheadTest {

  static double[] seasonalSeries(long seed, int n, int m) {
    Random rnd = new Random(seed);
    double[] y = new double[n];
    double level = 100;
    for (int t = 0; t < n; t++) {
      level += rnd.nextGaussian();
      y[t] = level + 10 * Math.sin(2 * Math.PI * t / m) + rnd.nextGaussian() * 2;
    }
    return y;
  }

  /**
   * Perturbing every value from an origin on leaves every forecast made at that origin (and before
   * it) bit-identical, for every registered model.
   */
  @Test
  void forecastsAtAnOriginIgnoreEverythingAfterIt() {
    int m = 12;
    int h = 12;
    double[] y = seasonalSeries(7, 200, m);
    List<Forecaster> models = ModelRegistry.defaults().all();
    RollingOriginBacktest backtest = new RollingOriginBacktest(h, 3);
    BacktestResult base = backtest.run(y, m, models);
    assertThat(base.origins()).isEqualTo(3);
    Random rnd = new Random(99);
    for (int o = 0; o < base.origins(); o++) {
      int origin = base.trainingLengths().get(o);
      double[] perturbed = y.clone();
      for (int t = origin; t < y.length; t++) {
        perturbed[t] = y[t] * (1 + rnd.nextDouble()) + 50 * rnd.nextGaussian();
      }
      BacktestResult other = backtest.run(perturbed, m, models);
      for (ModelScore s : base.models()) {
        assertThat(s.skipped()).as(s.name() + " " + s.reason()).isFalse();
        ModelScore t = other.model(s.name()).orElseThrow();
        for (int k = 0; k <= o; k++) {
          assertThat(t.forecasts().get(k).forecast())
              .as("%s at origin %d after perturbing from index %d", s.name(), k + 1, origin)
              .isEqualTo(s.forecasts().get(k).forecast());
        }
        // ... while the actuals of that origin did change, so the check is not vacuous
        assertThat(t.forecasts().get(o).actual()).isNotEqualTo(s.forecasts().get(o).actual());
      }
    }
  }

  /** Records exactly what each fit was given. */
  static final class Spy implements Forecaster {
    final List<double[]> seen = new ArrayList<>();

    @Override
    public String name() {
      return "spy";
    }

    @Override
    public Fitted fit(double[] y, int m) {
      seen.add(y.clone());
      double last = y[y.length - 1];
      y[0] = Double.NaN; // a misbehaving model must not be able to corrupt the series
      return new Fitted() {
        @Override
        public double[] forecast(int h) {
          double[] f = new double[h];
          Arrays.fill(f, last);
          return f;
        }

        @Override
        public double[] fitted() {
          return new double[0];
        }
      };
    }
  }

  @Property(tries = 200)
  void trainingWindowsNeverOverlapTheTestWindows(
      @ForAll @IntRange(min = 1, max = 400) int n,
      @ForAll @IntRange(min = 1, max = 30) int m,
      @ForAll @IntRange(min = 1, max = 50) int horizon,
      @ForAll @IntRange(min = 1, max = 6) int origins) {
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = t; // the value is its own index: what a model saw tells where it came from
    }
    Spy spy = new Spy();
    BacktestResult r = new RollingOriginBacktest(horizon, origins).run(y, m, List.of(spy));
    int minTrain = RollingOriginBacktest.minimumTrainingLength(m);
    if (n < minTrain + horizon) {
      assertThat(r.insufficientData()).isTrue();
      assertThat(r.origins()).isZero();
      assertThat(spy.seen).isEmpty();
      return;
    }
    assertThat(r.insufficientData()).isFalse();
    assertThat(r.origins()).isBetween(1, origins);
    assertThat(spy.seen).hasSize(r.origins());
    List<Integer> lengths = r.trainingLengths();
    assertThat(lengths.get(lengths.size() - 1) + horizon).isEqualTo(n);
    for (int k = 0; k < r.origins(); k++) {
      int len = lengths.get(k);
      assertThat(len).isGreaterThanOrEqualTo(minTrain);
      if (k > 0) {
        assertThat(len - lengths.get(k - 1)).isEqualTo(horizon);
      }
      double[] seen = spy.seen.get(k);
      assertThat(seen).hasSize(len);
      for (int t = 0; t < len; t++) {
        assertThat(seen[t]).isEqualTo(t); // exactly the prefix, nothing at or after the origin
      }
      List<Double> actual = r.models().get(0).forecasts().get(k).actual();
      assertThat(actual).hasSize(horizon);
      assertThat(actual.get(0))
          .isEqualTo((double) len); // the test window starts right at the origin
    }
    assertThat(y[0]).isEqualTo(0.0);
  }
}
