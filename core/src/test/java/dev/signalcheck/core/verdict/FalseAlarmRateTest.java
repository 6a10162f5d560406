package dev.signalcheck.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict does not cry wolf at its default settings (origins auto): a small, seeded version of
 * the {@link VerdictSimulation} run recorded in docs/verdict.md (there: 1,000 and more series of
 * each kind, all rates ≤ 5%). Here 100 random walks and 100 white-noise series of 250 points with a
 * loose bound, and a power floor on a clearly seasonal and a trending series set. The models
 * without ets, to keep the build fast (ets adds little but time on these series).
 */
class FalseAlarmRateTest {

  static double called(String kind, int count) {
    VerdictSimulation.models = "-ets";
    VerdictSimulation.lengths = new int[] {250};
    List<double[]> series = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      series.add(VerdictSimulation.series(kind, 7, i));
    }
    return VerdictSimulation.run(series, "auto").called();
  }

  @Test
  void randomWalksAndWhiteNoiseAreRarelyCalledSignal() {
    assertThat(called("rw", 100)).isLessThanOrEqualTo(0.10);
    assertThat(called("wn", 100)).isLessThanOrEqualTo(0.10);
  }

  @Test
  void seasonalAndTrendingSeriesAreMostlyFound() {
    assertThat(called("seasonal", 30)).isGreaterThanOrEqualTo(0.5);
    assertThat(called("trend", 30)).isGreaterThanOrEqualTo(0.5);
  }
}
