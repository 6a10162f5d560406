package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Short series against forecast 8.20 ({@code ets/short.ets.json}): seasonal initial states from the
 * trend-plus-harmonic regression used when there are fewer than three periods, and a 12-point
 * non-seasonal series.
 */
class ShortSeriesParityTest {

  private static JsonNode ref;

  @BeforeAll
  static void load() {
    ref = ReferenceSeries.shortEts();
  }

  private static void assertMatches(String what, Fitted fit, JsonNode r, int h, double tol) {
    assertThat(fit.description())
        .as(what)
        .isEqualTo(
            r.get("method").asText().startsWith("ETS")
                ? r.get("method").asText()
                : fit.description());
    if (fit instanceof EtsFit f) {
      double ll = r.get("loglik").asDouble();
      assertThat(f.logLik()).as(what).isCloseTo(ll, within(Math.abs(ll) * tol));
    }
    double[] rf = ReferenceSeries.doubles(r.get("forecast"));
    double[] fc = fit.forecast(h);
    for (int i = 0; i < h; i++) {
      assertThat(fc[i]).as(what + " h=" + (i + 1)).isCloseTo(rf[i], within(Math.abs(rf[i]) * tol));
    }
  }

  @Test
  void seasonalWithFewerThanThreePeriods() {
    JsonNode s = ref.get("seasonal30");
    double[] y = ReferenceSeries.doubles(s.get("y"));
    Iterator<Map.Entry<String, JsonNode>> it = s.get("forms").properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      assertMatches(
          e.getKey(),
          Ets.fit(y, 12, EtsSpec.of(e.getKey()), Ets.Criterion.LIK),
          e.getValue(),
          12,
          1e-6);
    }
    assertMatches("ets", new AutoEts().fit(y, 12), s.get("ets"), 12, 1e-6);
  }

  @Test
  void twelveValues() {
    JsonNode s = ref.get("nile12");
    double[] y = ReferenceSeries.doubles(s.get("y"));
    assertMatches("ets", new AutoEts().fit(y, 1), s.get("ets"), 5, 1e-6);
    Forecaster[] fs = {new Ses(), new Holt(), new DampedHolt()};
    for (Forecaster f : fs) {
      String key = f.name();
      assertMatches(key, f.fit(y, 1), s.get(key), 5, 1e-6);
    }
  }
}
