package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.reference.ReferenceSeries;
import org.junit.jupiter.api.Test;

/** Automatic ETS selection against {@code forecast::ets(x)} on every reference series. */
class AutoEtsParityTest {

  @Test
  void picksRsModelAndMatchesMase() {
    int same = 0;
    StringBuilder report = new StringBuilder();
    for (String name : ReferenceSeries.NAMES) {
      ReferenceSeries d = ReferenceSeries.load(name);
      Fitted fit = new AutoEts().fit(d.train(), d.m());
      String rMethod = d.json().get("backtest").get("etsMethod").asText();
      double rMase = d.model("ets").get("mase").asDouble();
      double mase = d.mase(fit.forecast(d.horizon()));
      report.append(
          String.format(
              "%s: %s vs %s, MASE %.6f vs %.6f%n", name, fit.description(), rMethod, mase, rMase));
      if (fit.description().equals(rMethod)) {
        same++;
      }
      assertThat(mase).as(name).isCloseTo(rMase, within(rMase * 0.05));
    }
    assertThat(same).as(report.toString()).isEqualTo(ReferenceSeries.NAMES.size());
  }

  @Test
  void selectionAgreesWithRsInformationCriteria() {
    for (String name : ReferenceSeries.NAMES) {
      ReferenceSeries d = ReferenceSeries.load(name);
      EtsFit fit = (EtsFit) new AutoEts().fit(d.train(), d.m());
      double aicc = d.ets().get("ets").get("aicc").asDouble();
      assertThat(fit.aicc()).as(name).isCloseTo(aicc, within(Math.abs(aicc) * 1e-9));
    }
  }

  @Test
  void constantSeriesForecastsTheConstant() {
    double[] y = new double[30];
    java.util.Arrays.fill(y, 4.5);
    assertThat(new AutoEts().fit(y, 12).forecast(5)).containsOnly(4.5);
  }

  @Test
  void candidateOrderFollowsForecast() {
    double[] positive = new double[60];
    java.util.Arrays.fill(positive, 1.0);
    positive[3] = 2;
    assertThat(AutoEts.candidates(positive, 12).stream().map(EtsSpec::toString))
        .containsExactly(
            "ETS(A,N,N)",
            "ETS(A,N,A)",
            "ETS(A,Ad,N)",
            "ETS(A,A,N)",
            "ETS(A,Ad,A)",
            "ETS(A,A,A)",
            "ETS(M,N,N)",
            "ETS(M,N,A)",
            "ETS(M,N,M)",
            "ETS(M,Ad,N)",
            "ETS(M,A,N)",
            "ETS(M,Ad,A)",
            "ETS(M,A,A)",
            "ETS(M,Ad,M)",
            "ETS(M,A,M)");
    positive[5] = -1;
    assertThat(AutoEts.candidates(positive, 30)).hasSize(3);
  }
}
