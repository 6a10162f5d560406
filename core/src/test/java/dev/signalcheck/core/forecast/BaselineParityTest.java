package dev.signalcheck.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.signalcheck.core.backtest.Metrics;
import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Point forecasts of the deterministic models against R forecast 8.20, on every reference series.
 */
class BaselineParityTest {
  static final double RELATIVE = 1e-9;
  static final List<Forecaster> DETERMINISTIC =
      List.of(new MeanForecaster(), new Naive(), new SeasonalNaive(), new Naive2(), new Drift());

  static Stream<Arguments> cases() {
    return ReferenceSeries.NAMES.stream()
        .flatMap(n -> DETERMINISTIC.stream().map(f -> Arguments.of(n, f.name())));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void pointForecastsMatchR(String series, String model) {
    ReferenceSeries s = ReferenceSeries.load(series);
    Forecaster f = ModelRegistry.defaults().create(model);
    double[] fc = f.fit(s.train(), s.m()).forecast(s.horizon());
    double[] expected = ReferenceSeries.doubles(s.model(model).get("forecast"));
    assertThat(fc).hasSameSizeAs(expected);
    for (int i = 0; i < fc.length; i++) {
      assertThat(fc[i])
          .as("step %d", i + 1)
          .isCloseTo(expected[i], within(RELATIVE * Math.abs(expected[i])));
    }
    double scale = Metrics.maseScale(s.train(), s.m());
    assertThat(Metrics.mase(s.test(), fc, scale))
        .isCloseTo(
            s.model(model).get("mase").asDouble(),
            within(1e-9 * s.model(model).get("mase").asDouble()));
    assertThat(Metrics.smape(s.test(), fc))
        .isCloseTo(
            s.model(model).get("smape").asDouble(),
            within(1e-9 * s.model(model).get("smape").asDouble()));
    assertThat(Metrics.rmse(s.test(), fc))
        .isCloseTo(
            s.model(model).get("rmse").asDouble(),
            within(1e-9 * s.model(model).get("rmse").asDouble()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void masescaleAndSeasonalityTestMatchR(String series) {
    ReferenceSeries s = ReferenceSeries.load(series);
    double expected = s.json().get("backtest").get("masescale").asDouble();
    assertThat(Metrics.maseScale(s.train(), s.m())).isCloseTo(expected, within(1e-12 * expected));
    assertThat(M4SeasonalAdjustment.isSeasonal(s.train(), s.m()))
        .isEqualTo(s.json().get("backtest").get("trainSeasonalByM4Test").asBoolean());
    assertThat(M4SeasonalAdjustment.isSeasonal(s.values(), s.m()))
        .isEqualTo(s.json().get("profile").get("m4SeasonalityTest").asBoolean());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void arMatchesRsOrderAndMase(String series) {
    ReferenceSeries s = ReferenceSeries.load(series);
    ArYuleWalker.Fit fit = new ArYuleWalker().fit(s.train(), s.m());
    assertThat(fit.order()).isEqualTo(s.json().get("backtest").get("arOrder").asInt());
    double[] fc = fit.forecast(s.horizon());
    double scale = Metrics.maseScale(s.train(), s.m());
    double expectedMase = s.model("ar").get("mase").asDouble();
    assertThat(Metrics.mase(s.test(), fc, scale))
        .isCloseTo(expectedMase, within(0.01 * expectedMase));
    // In fact the Levinson-Durbin port reproduces R's forecasts far more closely than 1%.
    double[] expected = ReferenceSeries.doubles(s.model("ar").get("forecast"));
    for (int i = 0; i < fc.length; i++) {
      assertThat(fc[i]).isCloseTo(expected[i], within(1e-8 * Math.abs(expected[i])));
    }
  }

  static Stream<String> names() {
    return ReferenceSeries.NAMES.stream();
  }
}
