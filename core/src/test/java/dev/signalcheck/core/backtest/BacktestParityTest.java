package dev.signalcheck.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole rolling-origin backtest (3 origins) against the same loop in R
 * (backtest/make_backtest_reference.R): forecasts and MASE at every origin, and Diebold–Mariano
 * p-values on the errors concatenated over origins.
 */
class BacktestParityTest {
  static final JsonNode REF = ReferenceSeries.backtests();
  static final List<String> MODELS =
      List.of("mean", "naive", "seasonal-naive", "naive2", "drift", "ar");

  static Stream<String> names() {
    return ReferenceSeries.NAMES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void everyOriginMatchesR(String name) {
    JsonNode ref = REF.get("backtests").get(name);
    ReferenceSeries s = ReferenceSeries.load(name);
    int h = ref.get("horizon").asInt();
    BacktestResult r =
        new RollingOriginBacktest(h, REF.get("origins").asInt())
            .run(s.values(), ref.get("frequency").asInt(), ModelRegistry.defaults().select(MODELS));
    assertThat(r.origins()).isEqualTo(3);
    for (String model : MODELS) {
      ModelScore score = r.model(model).orElseThrow();
      assertThat(score.skipped()).isFalse();
      double meanMase = 0;
      for (int o = 0; o < 3; o++) {
        JsonNode ro = ref.get("origins").get(o);
        assertThat(r.trainingLengths().get(o)).isEqualTo(ro.get("trainingLength").asInt());
        double[] expected = ReferenceSeries.doubles(ro.get("models").get(model).get("forecast"));
        List<Double> got = score.forecasts().get(o).forecast();
        double tol = model.equals("ar") ? 1e-8 : 1e-9;
        for (int i = 0; i < h; i++) {
          assertThat(got.get(i)).isCloseTo(expected[i], within(tol * Math.abs(expected[i])));
        }
        double mase = ro.get("models").get(model).get("mase").asDouble();
        assertThat(score.maseByOrigin().get(o)).isCloseTo(mase, within(tol * mase));
        meanMase += mase / 3;
        if (model.equals("ar")) {
          assertThat(score.description()).isNotNull();
        }
      }
      assertThat(score.mase()).isCloseTo(meanMase, within(1e-8 * meanMase));
    }
    // Diebold-Mariano, with h = horizon, on the errors in time order.
    for (JsonNode dm : ref.get("dm")) {
      double[] e1 = r.model(dm.get("baseline").asText()).orElseThrow().errors();
      double[] e2 = r.model(dm.get("candidate").asText()).orElseThrow().errors();
      DieboldMariano.Result got =
          DieboldMariano.test(e1, e2, dm.get("h").asInt(), 1, DieboldMariano.Alternative.GREATER);
      double p = dm.get("pValue").asDouble();
      assertThat(got.pValue())
          .as("%s vs %s", dm.get("baseline"), dm.get("candidate"))
          .isCloseTo(p, within(1e-7 * Math.max(p, 1e-3)));
      assertThat(got.statistic())
          .isCloseTo(
              dm.get("statistic").asDouble(),
              within(1e-7 * Math.abs(dm.get("statistic").asDouble())));
    }
  }
}
