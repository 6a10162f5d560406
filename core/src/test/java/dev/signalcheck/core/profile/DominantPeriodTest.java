package dev.signalcheck.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DominantPeriodTest {

  @Test
  void noFalseDisagreementOnWhiteNoiseAndRandomWalks() {
    int alarms = 0;
    int runs = 0;
    for (int n : new int[] {60, 200, 700}) {
      for (int seed = 0; seed < 40; seed++) {
        Random r = new Random(seed * 7919L + n);
        double[] wn = new double[n];
        double[] rw = new double[n];
        double level = 0;
        for (int i = 0; i < n; i++) {
          wn[i] = r.nextGaussian();
          level += r.nextGaussian();
          rw[i] = level;
        }
        for (int m : new int[] {1, 12, 24}) {
          alarms += DominantPeriod.detect(wn, m).disagrees() ? 1 : 0;
          alarms += DominantPeriod.detect(rw, m).disagrees() ? 1 : 0;
          runs += 2;
        }
      }
    }
    assertThat(alarms).as(alarms + " of " + runs).isLessThanOrEqualTo(runs / 100);
  }

  @Test
  void hourlyDataWithOnlyAWeeklyCycleDisagreesWithDailySeason() {
    Random r = new Random(5);
    int n = 1344; // 8 weeks
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      boolean weekend = (i / 24) % 7 >= 5;
      y[i] = 100 + (weekend ? -4 : 0) + r.nextGaussian();
    }
    DominantPeriod.Result d = DominantPeriod.detect(y, 24);
    assertThat(d.period()).isEqualTo(168);
    assertThat(d.disagrees()).isTrue();
    assertThat(d.configuredPeriod()).isEqualTo(24);
  }

  @Test
  void dailyAndWeeklyCyclesAgreeWithDailySeason() {
    Random r = new Random(6);
    int n = 840;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      boolean weekend = (i / 24) % 7 >= 5;
      y[i] =
          100
              + 0.01 * i
              + 5 * Math.sin(2 * Math.PI * i / 24)
              + (weekend ? -4 : 0)
              + r.nextGaussian();
    }
    DominantPeriod.Result d = DominantPeriod.detect(y, 24);
    assertThat(d.period()).isIn(24, 168);
    assertThat(d.disagrees()).isFalse();
    assertThat(d.configuredStrength()).isGreaterThan(0.5);
  }

  @Test
  void monthlySeasonFoundWhenNotConfigured() {
    double[] y = ReferenceSeries.values("nottem");
    DominantPeriod.Result d = DominantPeriod.detect(y, 1);
    assertThat(d.period()).isEqualTo(12);
    assertThat(d.disagrees()).isTrue();
    DominantPeriod.Result configured = DominantPeriod.detect(y, 12);
    assertThat(configured.period()).isEqualTo(12);
    assertThat(configured.disagrees()).isFalse();
  }

  @Test
  void reportedInTheProfile() {
    Profile p = Profiler.profile(ReferenceSeries.values("air_passengers"), 12);
    assertThat(p.dominantPeriod().period()).isEqualTo(12);
    assertThat(p.dominantPeriod().disagrees()).isFalse();
  }
}
