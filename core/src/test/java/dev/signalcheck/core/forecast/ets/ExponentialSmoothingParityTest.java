package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ses, holt, damped and theta against the reference backtests: trained on the first {@code origin}
 * values, seasonally adjusted by the M4 rule when the reference did so, forecast {@code horizon}.
 * Spec tolerance: MASE within 1%; the point forecasts are in fact much closer.
 */
class ExponentialSmoothingParityTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    Forecaster[] fs = {new Ses(), new Holt(), new DampedHolt(), new ThetaClassic()};
    for (String name : ReferenceSeries.NAMES) {
      for (Forecaster f : fs) {
        out.add(Arguments.of(name, f.name(), f));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} deseasonalised like R")
  @MethodSource("names")
  void deseasonalisationMatchesR(String name) {
    ReferenceSeries d = ReferenceSeries.load(name);
    M4Deseasonaliser ds = new M4Deseasonaliser(d.train(), d.m(), d.horizon());
    assertThat(ds.seasonal)
        .isEqualTo(d.json().get("backtest").get("trainSeasonalByM4Test").asBoolean());
    double[] r = ReferenceSeries.doubles(d.ets().get("deseasonalised"));
    for (int i = 0; i < r.length; i++) {
      assertThat(ds.adjusted[i]).isCloseTo(r[i], within(Math.abs(r[i]) * 1e-12));
    }
    double[] si = ReferenceSeries.doubles(d.ets().get("seasonalIndices"));
    for (int i = 0; i < si.length; i++) {
      assertThat(ds.futureIndices[i]).isCloseTo(si[i], within(1e-12));
    }
  }

  static Stream<String> names() {
    return ReferenceSeries.NAMES.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void maseWithinOnePercent(String name, String model, Forecaster f) {
    ReferenceSeries d = ReferenceSeries.load(name);
    M4Deseasonaliser ds = new M4Deseasonaliser(d.train(), d.m(), d.horizon());
    Fitted fit = f.fit(ds.adjusted, d.m());
    double[] fc = ds.reseasonalise(fit.forecast(d.horizon()));
    JsonNode ref = d.model(model);
    double[] rf = ReferenceSeries.doubles(ref.get("forecast"));
    double mase = d.mase(fc);
    assertThat(mase)
        .isCloseTo(ref.get("mase").asDouble(), within(ref.get("mase").asDouble() * 0.01));
    // Much tighter in practice: the same optimiser path as R.
    for (int i = 0; i < d.horizon(); i++) {
      assertThat(fc[i]).isCloseTo(rf[i], within(Math.abs(rf[i]) * 1e-8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void fittedParametersMatchR(String name) {
    ReferenceSeries d = ReferenceSeries.load(name);
    double[] x = ReferenceSeries.doubles(d.ets().get("deseasonalised"));
    String[] keys = {"ses", "holt", "damped"};
    Forecaster[] fs = {new Ses(), new Holt(), new DampedHolt()};
    for (int k = 0; k < keys.length; k++) {
      JsonNode r = d.ets().get(keys[k]);
      EtsFit fit = (EtsFit) fs[k].fit(x, d.m());
      JsonNode par = r.get("par");
      assertThat(fit.alpha()).as(keys[k]).isCloseTo(par.get("alpha").asDouble(), within(1e-7));
      if (par.has("beta")) {
        assertThat(fit.beta()).as(keys[k]).isCloseTo(par.get("beta").asDouble(), within(1e-7));
      }
      if (par.has("phi")) {
        assertThat(fit.phi()).as(keys[k]).isCloseTo(par.get("phi").asDouble(), within(1e-7));
      }
      double ll = r.get("loglik").asDouble();
      assertThat(fit.logLik()).as(keys[k]).isCloseTo(ll, within(Math.abs(ll) * 1e-9));
      assertThat(fit.aicc())
          .as(keys[k])
          .isCloseTo(r.get("aicc").asDouble(), within(Math.abs(ll) * 1e-9));
      assertThat(fit.mse())
          .as(keys[k])
          .isCloseTo(r.get("mse").asDouble(), within(r.get("mse").asDouble() * 1e-7));
    }
  }

  @Test
  void thetaForecastIsNeverNegative() {
    double[] y = new double[40];
    for (int i = 0; i < y.length; i++) {
      y[i] = 100 - 3 * i + (i % 3);
    }
    double[] f = new ThetaClassic().fit(y, 1).forecast(30);
    for (double v : f) {
      assertThat(v).isGreaterThanOrEqualTo(0);
    }
  }
}
