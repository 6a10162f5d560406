package dev.signalcheck.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DieboldMarianoTest {

  @Test
  void matchesRDmTestOnRandomCases() {
    JsonNode cases = ReferenceSeries.backtests().get("dm");
    assertThat(cases.size()).isEqualTo(12);
    for (JsonNode c : cases) {
      DieboldMariano.Alternative alt =
          DieboldMariano.Alternative.valueOf(
              c.get("alternative").asText().replace('.', '_').toUpperCase(Locale.ROOT));
      DieboldMariano.Result r =
          DieboldMariano.test(
              ReferenceSeries.doubles(c.get("e1")),
              ReferenceSeries.doubles(c.get("e2")),
              c.get("h").asInt(),
              c.get("power").asDouble(),
              alt);
      assertThat(r.h()).isEqualTo(c.get("hUsed").asInt());
      assertThat(r.statistic())
          .isCloseTo(
              c.get("statistic").asDouble(),
              within(1e-10 * Math.abs(c.get("statistic").asDouble())));
      assertThat(r.pValue()).isCloseTo(c.get("pValue").asDouble(), within(1e-9));
    }
  }

  @Test
  void identicalErrorsCannotBeTested() {
    double[] e = {1, -2, 3, 0.5};
    assertThat(DieboldMariano.test(e, e, 1, 1, DieboldMariano.Alternative.GREATER).pValue())
        .isNaN();
    assertThat(DieboldMariano.test(e, e, 3, 1, DieboldMariano.Alternative.GREATER).pValue())
        .isNaN();
  }

  @Property(tries = 300)
  void pValuesLieInUnitInterval(
      @ForAll @Size(min = 2, max = 60) double[] e1,
      @ForAll @IntRange(min = 1, max = 12) int h,
      @ForAll @DoubleRange(min = -3, max = 3) double shift) {
    for (double v : e1) {
      if (!Double.isFinite(v) || Math.abs(v) > 1e100) {
        return;
      }
    }
    double[] e2 = new double[e1.length];
    for (int i = 0; i < e1.length; i++) {
      e2[i] = e1[(i + 1) % e1.length] * 0.7 + shift;
    }
    for (DieboldMariano.Alternative alt : DieboldMariano.Alternative.values()) {
      double p = DieboldMariano.test(e1, e2, h, 1, alt).pValue();
      assertThat(Double.isNaN(p) || (p >= 0 && p <= 1)).as("p = %s", p).isTrue();
    }
  }
}
