package dev.signalcheck.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference series against the R values in {@code reference/<name>.json} (R 4.2.2, forecast
 * 8.20, tseries), with the tolerances of analyses.md §2: 1e-6 relative for acf, Ljung–Box,
 * permutation entropy, ADI/CV² and the KPSS statistic; 1e-4 for spectral entropy and the STL
 * strengths.
 */
class ProfileParityTest {
  static List<String> series() {
    return ReferenceSeries.NAMES;
  }

  @ParameterizedTest
  @MethodSource("series")
  void profileMatchesR(String name) {
    JsonNode ref = ReferenceSeries.reference(name).get("profile");
    double[] y = ReferenceSeries.values(name);
    assertThat(y).hasSize(ref.get("n").asInt());
    Profile p = Profiler.profile(y, ref.get("frequency").asInt());

    relative(p.acf1(), ref.get("acf1").asDouble(), 1e-6, "acf1");
    ljungBox(p.ljungBox(), ref.get("ljungBox"), "ljungBox");
    ljungBox(p.ljungBoxDiff(), ref.get("ljungBoxDiff"), "ljungBoxDiff");
    assertThat(p.spectralEntropy())
        .as("spectralEntropy")
        .isCloseTo(ref.get("spectralEntropy").asDouble(), within(1e-4));
    relative(
        p.permutationEntropy(),
        ref.get("permutationEntropy").asDouble(),
        1e-6,
        "permutationEntropy");
    relative(
        p.kpss().statistic(), ref.get("kpss").get("statistic").asDouble(), 1e-6, "kpss statistic");
    assertThat(p.kpss().pValue())
        .as("kpss p")
        .isCloseTo(ref.get("kpss").get("pValue").asDouble(), within(1e-9));
    assertThat(p.trendStrength())
        .as("trendStrength")
        .isCloseTo(ref.get("trendStrength").asDouble(), within(1e-4));
    if (ref.has("seasonalStrength")) {
      assertThat(p.seasonalStrength())
          .as("seasonalStrength")
          .isCloseTo(ref.get("seasonalStrength").asDouble(), within(1e-4));
    } else {
      assertThat(p.seasonalStrength()).isNull();
    }
    relative(p.intermittency().zeroShare(), ref.get("zeroShare").asDouble(), 1e-12, "zeroShare");
    relative(p.intermittency().adi(), ref.get("adi").asDouble(), 1e-6, "adi");
    relative(p.intermittency().cv2(), ref.get("cv2").asDouble(), 1e-6, "cv2");
    assertThat(p.notComputable()).isEmpty();
  }

  private static void ljungBox(LjungBox.Result actual, JsonNode ref, String what) {
    assertThat(actual.lag()).as(what + " lag").isEqualTo(ref.get("lag").asInt());
    relative(actual.statistic(), ref.get("statistic").asDouble(), 1e-6, what + " statistic");
    double p = ref.get("pValue").asDouble();
    // R's 1 - pchisq() is exact to ~1e-16 absolute only; the upper tail here is more precise
    assertThat(actual.pValue()).as(what + " p").isCloseTo(p, within(Math.max(1e-6 * p, 1e-14)));
  }

  private static void relative(Double actual, double expected, double tol, String what) {
    assertThat(actual).as(what).isNotNull();
    assertThat(actual)
        .as(what)
        .isCloseTo(expected, within(tol * Math.max(Math.abs(expected), 1e-300)));
  }
}
