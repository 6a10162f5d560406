package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Automatic ETS as the backtest runs it over origins ({@link AutoEts#forOrigins()}): the form is
 * chosen at the earliest origin as {@code ets} would choose it (when the season shows), later
 * origins keep that form however far the window grows, and each origin's fit depends only on the
 * data up to it.
 */
class AutoEtsOriginsTest {

  /** A daily cycle on a trend, hourly, with noise. */
  private static double[] seasonal(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 50 + 0.05 * t + 8 * Math.sin(2 * Math.PI * t / 24) + r.nextDouble() * 2;
    }
    return y;
  }

  private static double[] noise(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 100 + r.nextDouble() * 10;
    }
    return y;
  }

  @Test
  void theEarliestOriginChoosesAsEtsDoesAndLaterOriginsKeepTheForm() {
    double[] y = seasonal(600, 3);
    double[] first = Arrays.copyOf(y, 240);
    Forecaster seq = new AutoEts().forOrigins();
    Fitted a = seq.fit(first, 24);
    Fitted exact = new AutoEts().fit(first, 24);
    assertThat(a.description()).isEqualTo(exact.description()).contains(",A)");
    assertThat(a.forecast(24)).containsExactly(exact.forecast(24));
    Fitted b = seq.fit(Arrays.copyOf(y, 280), 24);
    Fitted d = seq.fit(Arrays.copyOf(y, 420), 24);
    Fitted c = seq.fit(y, 24); // 2.5 times the earliest window: still the form chosen there
    assertThat(b.description()).isEqualTo(a.description());
    assertThat(d.description()).isEqualTo(a.description());
    assertThat(c.description()).isEqualTo(a.description());
    // a later origin's fit is ets's own fit of the chosen form on that window
    EtsFit refit = (EtsFit) c;
    EtsFit own = Ets.fit(y, 24, refit.spec(), Ets.Criterion.LIK);
    assertThat(refit.forecast(24)).containsExactly(own.forecast(24));
    assertThat(refit.lik()).isEqualTo(own.lik());
  }

  @Test
  void eachOriginDependsOnlyOnTheDataUpToIt() {
    double[] y = seasonal(320, 5);
    double[] other = y.clone();
    for (int t = 280; t < other.length; t++) {
      other[t] = -other[t] * 3; // a different future, even of another sign
    }
    Forecaster s1 = new AutoEts().forOrigins();
    Forecaster s2 = new AutoEts().forOrigins();
    for (int len : new int[] {120, 240, 260, 280}) {
      assertThat(s1.fit(Arrays.copyOf(y, len), 24).forecast(24))
          .containsExactly(s2.fit(Arrays.copyOf(other, len), 24).forecast(24));
    }
  }

  @Test
  void seasonalFormsStayOnlyWhenTheSeasonShows() {
    assertThat(AutoEts.mayBeSeasonal(seasonal(300, 1), 24)).isTrue();
    // few seasons: a strong cycle on a trend still counts (the lag-m autocorrelation test misses
    // it)
    assertThat(AutoEts.mayBeSeasonal(seasonal(83, 2), 24)).isTrue();
    int kept = 0;
    for (int s = 0; s < 20; s++) {
      if (AutoEts.mayBeSeasonal(noise(500, s), 24)) {
        kept++;
      }
    }
    assertThat(kept).as("white noise keeping seasonal forms").isLessThanOrEqualTo(3);
    // too short to test: the forms stay, as ets would try them
    assertThat(AutoEts.mayBeSeasonal(noise(60, 1), 24)).isTrue();
    Forecaster seq = new AutoEts().forOrigins();
    assertThat(seq.fit(noise(500, 4), 24).description()).doesNotContain(",A)", ",M)");
  }

  @Test
  void aPlainFitIsUntouched() {
    assertThat(new AutoEts().forOrigins()).isNotInstanceOf(AutoEts.class);
    double[] y = noise(300, 9);
    assertThat(new AutoEts().fit(y, 24).forecast(5))
        .containsExactly(new AutoEts().fit(y, 24).forecast(5));
  }
}
