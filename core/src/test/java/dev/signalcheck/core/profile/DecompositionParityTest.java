package dev.signalcheck.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.reference.ReferenceSeries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * STL, mstl, supsmu and Burg against R 4.2.2 / forecast 8.20 output (see {@code
 * profile/make_profile_reference.R}).
 */
class DecompositionParityTest {
  private static final double TOL = 1e-9;

  static java.util.List<String> series() {
    return ReferenceSeries.DECOMPOSED;
  }

  @ParameterizedTest
  @MethodSource("series")
  void supsmuMatchesR(String name) {
    JsonNode ref = ReferenceSeries.decomposition(name);
    double[] y = ReferenceSeries.decompositionInput(name);
    assertClose(
        SuperSmoother.smoothIndex(y), ReferenceSeries.doubles(ref.get("supsmu")), "supsmu " + name);
  }

  @ParameterizedTest
  @MethodSource("series")
  void mstlMatchesR(String name) {
    JsonNode ref = ReferenceSeries.decomposition(name);
    double[] y = ReferenceSeries.decompositionInput(name);
    int m = ref.get("frequency").asInt();
    Mstl.Result d = Mstl.decompose(y, m);
    JsonNode r = ref.get("mstl");
    assertClose(d.trend(), ReferenceSeries.doubles(r.get("trend")), "trend " + name);
    assertClose(d.remainder(), ReferenceSeries.doubles(r.get("remainder")), "remainder " + name);
    if (r.has("seasonal")) {
      assertClose(d.seasonal(), ReferenceSeries.doubles(r.get("seasonal")), "seasonal " + name);
    } else {
      assertThat(d.seasonal()).isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("series")
  void stlVariantsMatchR(String name) {
    JsonNode ref = ReferenceSeries.decomposition(name);
    if (!ref.has("stl")) {
      return;
    }
    double[] y = ReferenceSeries.decompositionInput(name);
    int m = ref.get("frequency").asInt();
    for (JsonNode v : ref.get("stl")) {
      Stl.Settings s =
          Stl.defaults(
                  m,
                  v.get("sWindow").asInt(),
                  v.get("sDegree").asInt(),
                  v.get("tWindow").asInt(),
                  v.get("tDegree").asInt())
              .robust(v.get("robust").asBoolean());
      Stl.Decomposition d = Stl.decompose(y, s);
      String what = name + " " + v;
      assertClose(d.seasonal(), ReferenceSeries.doubles(v.get("seasonal")), "seasonal " + what);
      assertClose(d.trend(), ReferenceSeries.doubles(v.get("trend")), "trend " + what);
      if (!exactFit(y, d)) {
        // on an exact fit the residuals are rounding noise and so are the robustness weights
        assertClose(d.weights(), ReferenceSeries.doubles(v.get("weights")), "weights " + what);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("series")
  void burgOrderAndCoefficientsMatchR(String name) {
    JsonNode ref = ReferenceSeries.decomposition(name);
    double[] y = ReferenceSeries.decompositionInput(name);
    BurgAr.Fit fit = BurgAr.fit(y);
    JsonNode b = ref.get("burg");
    assertThat(fit.orderMax()).isEqualTo(b.get("orderMax").asInt());
    assertThat(fit.order()).as("order " + name).isEqualTo(b.get("order").asInt());
    assertClose(fit.coefficients(), ReferenceSeries.doubles(b.get("ar")), "ar " + name);
  }

  private static boolean exactFit(double[] y, Stl.Decomposition d) {
    double scale = 0;
    double rem = 0;
    for (int i = 0; i < y.length; i++) {
      scale = Math.max(scale, Math.abs(y[i]));
      rem = Math.max(rem, Math.abs(d.remainder()[i]));
    }
    return rem <= 1e-9 * scale;
  }

  static void assertClose(double[] actual, double[] expected, String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    double scale = 0;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i])
          .as(what + " [" + i + "]")
          .isCloseTo(expected[i], within(TOL * Math.max(1, scale)));
    }
  }
}
