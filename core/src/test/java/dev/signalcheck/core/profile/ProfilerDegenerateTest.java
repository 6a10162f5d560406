package dev.signalcheck.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Inputs on which measures cannot be computed must give nulls with plain reasons, never NaN. */
class ProfilerDegenerateTest {

  @Test
  void constantSeriesIsNotComputableWithAReason() {
    double[] y = new double[100];
    Arrays.fill(y, 7.5);
    Profile p = Profiler.profile(y, 12);
    assertThat(p.acf1()).isNull();
    assertThat(p.ljungBox()).isNull();
    assertThat(p.spectralEntropy()).isNull();
    assertThat(p.kpss()).isNull();
    assertThat(p.trendStrength()).isNull();
    assertThat(p.seasonalStrength()).isNull();
    assertThat(p.dominantPeriod()).isNull();
    assertThat(p.notComputable())
        .containsEntry("acf1", "series is constant")
        .containsEntry("trendStrength", "series is constant")
        .containsEntry("seasonalStrength", "series is constant")
        .containsEntry("kpss", "series is constant");
    assertThat(p.permutationEntropy()).isEqualTo(0.0);
    assertThat(p.intermittency().adi()).isEqualTo(1.0);
    assertThat(p.intermittency().cv2()).isEqualTo(0.0);
    assertNoNaN(p);
  }

  @Test
  void threePointsGiveReasonsNotExceptions() {
    Profile p = Profiler.profile(new double[] {1, 5, 2}, 24);
    assertThat(p.acf1()).isNotNull();
    assertThat(p.seasonalStrength()).isNull();
    assertThat(p.notComputable())
        .containsEntry("seasonalStrength", "needs more than 2 full seasons (49 points), has 3");
    assertThat(p.notComputable()).containsEntry("trendStrength", "needs at least 5 points, has 3");
    assertThat(p.notComputable()).containsKey("dominantPeriod");
    assertNoNaN(p);
  }

  @Test
  void tinyInputs() {
    for (int n = 0; n <= 10; n++) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = (i * 7919) % 13;
      }
      for (int m : new int[] {1, 4, 12}) {
        Profile p = Profiler.profile(y, m);
        assertNoNaN(p);
      }
    }
    assertThat(Profiler.profile(new double[0], 1).notComputable())
        .containsKey("acf1")
        .containsKey("intermittency");
  }

  @Test
  void thirtyHourlyPointsExplainTheSeasonalLimit() {
    double[] y = new double[30];
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.sin(i / 3.0) + i * 0.1;
    }
    Profile p = Profiler.profile(y, 24);
    assertThat(p.notComputable())
        .containsEntry("seasonalStrength", "needs more than 2 full seasons (49 points), has 30");
    assertThat(p.trendStrength()).isNotNull();
    assertNoNaN(p);
  }

  @Test
  void allZerosIsConstantAndHasNoDemand() {
    Profile p = Profiler.profile(new double[50], 1);
    assertThat(p.intermittency().zeroShare()).isEqualTo(1.0);
    assertThat(p.intermittency().adi()).isNull();
    assertThat(p.intermittency().sbcClass()).isNull();
    assertThat(p.notComputable())
        .containsEntry("intermittency.adi", "every value is zero")
        .containsEntry("intermittency.cv2", "needs at least 2 non-zero values, has 0")
        .containsEntry("acf1", "series is constant");
    assertNoNaN(p);
  }

  @Test
  void hugeValuesGiveTheSameProfileAsModerateOnes() {
    Random r = new Random(3);
    double[] y = new double[200];
    double[] big = new double[200];
    for (int i = 0; i < y.length; i++) {
      y[i] = 10 + Math.sin(2 * Math.PI * i / 12) + r.nextGaussian() * 0.3;
      big[i] = Math.scalb(y[i], 990); // about 1e299 .. 1e300, exact scaling
    }
    Profile a = Profiler.profile(y, 12);
    Profile b = Profiler.profile(big, 12);
    assertThat(b.notComputable()).isEmpty();
    assertThat(b).isEqualTo(a);
    double[] nearMax = new double[200];
    for (int i = 0; i < y.length; i++) {
      nearMax[i] = 1.7e308 * (0.5 + 0.001 * y[i]);
    }
    assertNoNaN(Profiler.profile(nearMax, 12));
    assertThat(Profiler.profile(nearMax, 12).notComputable()).isEmpty();
  }

  @Test
  void nearlyConstantHugeValuesAreConstant() {
    double[] y = new double[40];
    Arrays.fill(y, 1e300);
    Profile p = Profiler.profile(y, 1);
    assertThat(p.notComputable()).containsEntry("acf1", "series is constant");
    assertNoNaN(p);
  }

  @Test
  void integerCountsWithManyTiesAndZeros() {
    Random r = new Random(11);
    double[] y = new double[365];
    for (int i = 0; i < y.length; i++) {
      y[i] = r.nextDouble() < 0.6 ? 0 : 1 + r.nextInt(3);
    }
    Profile p = Profiler.profile(y, 7);
    assertThat(p.notComputable()).isEmpty();
    assertThat(p.intermittency().adi()).isGreaterThan(Intermittency.ADI_CUTOFF);
    assertThat(p.intermittency().sbcClass()).isIn("intermittent", "lumpy");
    assertNoNaN(p);
  }

  @Test
  void straightLineHasConstantDifferences() {
    double[] y = new double[60];
    for (int i = 0; i < y.length; i++) {
      y[i] = 3 + 2 * i;
    }
    Profile p = Profiler.profile(y, 12);
    assertThat(p.ljungBoxDiff()).isNull();
    assertThat(p.notComputable())
        .containsEntry("ljungBoxDiff", "first differences are constant (a straight line)");
    assertNoNaN(p);
  }

  @Test
  void singleNonZeroValueHasNoCv2() {
    double[] y = new double[20];
    y[5] = 4;
    Profile p = Profiler.profile(y, 1);
    assertThat(p.intermittency().adi()).isEqualTo(20.0);
    assertThat(p.intermittency().cv2()).isNull();
    assertThat(p.notComputable())
        .containsEntry("intermittency.cv2", "needs at least 2 non-zero values, has 1");
  }

  @Test
  void intermittencyClassesFollowTheCutOffs() {
    assertThat(Intermittency.classify(1.0, 0.1)).isEqualTo("smooth");
    assertThat(Intermittency.classify(1.32, 0.49)).isEqualTo("smooth");
    assertThat(Intermittency.classify(1.2, 0.8)).isEqualTo("erratic");
    assertThat(Intermittency.classify(2.0, 0.2)).isEqualTo("intermittent");
    assertThat(Intermittency.classify(2.0, 0.8)).isEqualTo("lumpy");
  }

  static void assertNoNaN(Profile p) {
    check(p.acf1());
    check(p.spectralEntropy());
    check(p.permutationEntropy());
    check(p.trendStrength());
    check(p.seasonalStrength());
    if (p.ljungBox() != null) {
      check(p.ljungBox().statistic());
      check(p.ljungBox().pValue());
    }
    if (p.ljungBoxDiff() != null) {
      check(p.ljungBoxDiff().statistic());
      check(p.ljungBoxDiff().pValue());
    }
    if (p.kpss() != null) {
      check(p.kpss().statistic());
      check(p.kpss().pValue());
    }
    if (p.intermittency() != null) {
      check(p.intermittency().zeroShare());
      check(p.intermittency().adi());
      check(p.intermittency().cv2());
    }
    if (p.dominantPeriod() != null) {
      check(p.dominantPeriod().strength());
      check(p.dominantPeriod().configuredStrength());
    }
  }

  private static void check(Double v) {
    if (v != null) {
      assertThat(Double.isFinite(v)).as("finite: " + v).isTrue();
    }
  }
}
