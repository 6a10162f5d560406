package dev.signalcheck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.backtest.RollingOriginBacktest;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Automatic origins spend at most the fit budget on a long series, and nothing else changes. */
class FitBudgetTest {

  private static final AuditSettings AUTO = AuditSettings.defaults();

  /** Points each model is fitted on over the origins, counted as the backtest fits them. */
  static long fitted(int n, int maxTrain, int horizon, int k) {
    int keep = (int) Math.min(n, maxTrain + (long) horizon * k);
    long total = 0;
    for (int o = 0; o < k; o++) {
      total += keep - (long) (k - o) * horizon;
    }
    return total;
  }

  @Property(tries = 500)
  void theOriginsAreTheMostTheBudgetAffords(
      @ForAll @IntRange(min = 20, max = 3_000_000) int n,
      @ForAll @IntRange(min = 1, max = 20_000) int season,
      @ForAll @IntRange(min = 1, max = 20_000) int horizon) {
    int possible = RollingOriginBacktest.autoOrigins(n, season, horizon);
    int k = AUTO.originsFor(n, season, horizon);
    int maxTrain = AUTO.maxTrainFor(season);
    assertThat(k).isBetween(1, possible);
    if (k < possible) {
      // capped: never below the decisive number, and one origin more would overspend
      assertThat(k).isGreaterThanOrEqualTo(AuditSettings.MIN_BUDGET_ORIGINS);
      assertThat(fitted(n, maxTrain, horizon, k + 1)).isGreaterThan(AuditSettings.FIT_BUDGET);
    }
    if (k > AuditSettings.MIN_BUDGET_ORIGINS) {
      assertThat(fitted(n, maxTrain, horizon, k)).isLessThanOrEqualTo(AuditSettings.FIT_BUDGET);
    }
  }

  @Property(tries = 200)
  void givenOriginsAreNeverChanged(
      @ForAll @IntRange(min = 20, max = 3_000_000) int n,
      @ForAll @IntRange(min = 1, max = 100) int origins) {
    AuditSettings s = new AuditSettings(null, null, null, origins, List.of(), null, null);
    assertThat(s.originsFor(n, 17_280, 17_280)).isEqualTo(origins);
  }

  @Test
  void onlyVeryLongSeriesAreCapped() {
    // two million five-second readings: season and horizon a day
    assertThat(RollingOriginBacktest.autoOrigins(2_000_000, 17_280, 17_280)).isEqualTo(30);
    assertThat(AUTO.originsFor(2_000_000, 17_280, 17_280)).isEqualTo(12);
    // a NAB file (22,695 five-minute points, season 288) and an M4 hourly series keep all theirs
    assertThat(AUTO.originsFor(22_695, 288, 288))
        .isEqualTo(RollingOriginBacktest.autoOrigins(22_695, 288, 288));
    assertThat(AUTO.originsFor(1_008, 24, 48))
        .isEqualTo(RollingOriginBacktest.autoOrigins(1_008, 24, 48));
  }
}
