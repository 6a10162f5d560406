package dev.signalcheck.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class M4SeasonalAdjustmentTest {

  static double[] nottemMinus50() {
    double[] y = ReferenceSeries.load("nottem").values().clone();
    for (int i = 0; i < y.length; i++) {
      y[i] -= 50;
    }
    return y;
  }

  /** R: decompose(nottem - 50, type = "additive")$figure */
  @Test
  void additiveFigureMatchesRDecompose() {
    double[] expected = {
      -9.3393640350877192, -9.8998903508771932, -6.9466008771929841, -2.7573464912280703,
          3.4533991228070189,
      8.9865131578947359, 12.967214912280701, 11.459100877192983, 7.4001096491228058,
          0.65471491228070278,
      -6.6176535087719301, -9.3601973684210531
    };
    double[] figure = ClassicalDecomposition.of(nottemMinus50(), 12, false).figure();
    for (int i = 0; i < 12; i++) {
      assertThat(figure[i]).isCloseTo(expected[i], within(1e-12));
    }
  }

  /**
   * Data that are not all positive get the additive form: R, on the first 228 values of nottem −
   * 50, naive(x − seasonal) + last 12 seasonal values.
   */
  @Test
  void nonPositiveDataUseTheAdditiveForm() {
    double[] y = Arrays.copyOf(nottemMinus50(), 228);
    double[] expected = {
      -10.788888888888886, -11.458101851851849, -8.4180555555555543, -4.3025462962962937,
          1.9856481481481523,
      7.5090277777777814, 11.661574074074078, 10.018287037037041, 5.9106481481481499,
          -0.86805555555555203,
      -8.3805555555555529, -10.799999999999997
    };
    M4SeasonalAdjustment.Adjusted fit = (M4SeasonalAdjustment.Adjusted) new Naive2().fit(y, 12);
    assertThat(fit.seasonallyAdjusted()).isTrue();
    assertThat(fit.multiplicative()).isFalse();
    double[] f = fit.forecast(12);
    for (int i = 0; i < 12; i++) {
      assertThat(f[i]).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void fittedValuesAreMultipliedBack() {
    double[] y = ReferenceSeries.load("air_passengers").train();
    M4SeasonalAdjustment.Adjusted fit = (M4SeasonalAdjustment.Adjusted) new Naive2().fit(y, 12);
    assertThat(fit.multiplicative()).isTrue();
    double[] s = ClassicalDecomposition.of(y, 12, true).seasonal();
    double[] fitted = fit.fitted();
    assertThat(fitted[0]).isNaN();
    for (int t = 1; t < y.length; t++) {
      // naive on the adjusted series, put back: (y[t-1] / s[t-1]) * s[t]
      assertThat(fitted[t]).isCloseTo(y[t - 1] / s[t - 1] * s[t], within(1e-9 * y[t]));
    }
    assertThat(fit.description()).contains("seasonally adjusted");
  }

  @Test
  void shortOrNonSeasonalDataPassThroughUnchanged() {
    double[] y = Arrays.copyOf(ReferenceSeries.load("air_passengers").values(), 35); // < 3m
    assertThat(M4SeasonalAdjustment.isSeasonal(y, 12)).isFalse();
    assertThat(new Naive2().fit(y, 12).forecast(3)).containsExactly(y[34], y[34], y[34]);
    assertThat(M4SeasonalAdjustment.isSeasonal(ReferenceSeries.load("air_passengers").values(), 1))
        .isFalse();
  }

  @Test
  void decompositionNeedsTwoPeriods() {
    assertThatThrownBy(() -> ClassicalDecomposition.of(new double[23], 12, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oddPeriodsUseAPlainMovingAverage() {
    // a pure period-3 pattern times a constant level: indices recovered exactly
    double[] y = new double[30];
    double[] pattern = {0.5, 1.0, 1.5};
    for (int t = 0; t < y.length; t++) {
      y[t] = 10 * pattern[t % 3];
    }
    double[] figure = ClassicalDecomposition.of(y, 3, true).figure();
    assertThat(figure).containsExactly(new double[] {0.5, 1.0, 1.5}, within(1e-12));
  }
}
