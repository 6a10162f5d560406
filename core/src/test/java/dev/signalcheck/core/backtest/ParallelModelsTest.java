package dev.signalcheck.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A long series backtests its models side by side ({@link SideBySide}): every model's scores are
 * those of the same model backtested alone, one thread, in order.
 */
class ParallelModelsTest {

  @Test
  void modelsSideBySideScoreAsEachAlone() {
    int n = SideBySide.FROM + 5_000;
    SplittableRandom r = new SplittableRandom(11);
    double[] y = new double[n];
    double level = 100;
    for (int t = 0; t < n; t++) {
      level += 0.05 * r.nextGaussian();
      y[t] = level + 3 * Math.sin(2 * Math.PI * t / 24) + r.nextGaussian();
    }
    List<String> names = List.of("naive", "seasonal-naive", "drift", "mean", "ses", "naive2", "ar");
    List<Forecaster> models = new ArrayList<>();
    for (String name : names) {
      models.add(ModelRegistry.defaults().create(name));
    }
    RollingOriginBacktest bt = new RollingOriginBacktest(48, 3);
    BacktestResult together = bt.run(y, 24, models);
    assertThat(together.models()).extracting(ModelScore::name).containsExactlyElementsOf(names);
    for (String name : names) {
      BacktestResult alone = bt.run(y, 24, List.of(ModelRegistry.defaults().create(name)));
      ModelScore a = alone.model(name).orElseThrow();
      ModelScore t = together.model(name).orElseThrow();
      assertThat(t.skipped()).as(name).isFalse();
      assertThat(t.mase()).as(name).isEqualTo(a.mase());
      assertThat(t.rmse()).as(name).isEqualTo(a.rmse());
      assertThat(t.maseByOrigin()).as(name).isEqualTo(a.maseByOrigin());
      assertThat(t.inSampleMase()).as(name).isEqualTo(a.inSampleMase());
      assertThat(t.description()).as(name).isEqualTo(a.description());
    }
  }
}
