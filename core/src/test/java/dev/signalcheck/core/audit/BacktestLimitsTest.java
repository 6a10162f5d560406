package dev.signalcheck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.series.SeriesData;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The result says when the backtest did not run on the whole series, and by how much. */
class BacktestLimitsTest {

  @Property(tries = 15)
  void limitsAreReportedExactlyWhenHistoryIsLeftOut(
      @ForAll @IntRange(min = 60, max = 1_500) int n,
      @ForAll @IntRange(min = 20, max = 600) int maxTrain,
      @ForAll @IntRange(min = 0, max = 6) int origins) {
    SeriesData d = DatasetAuditTest.series("s", n, n);
    AuditSettings s =
        new AuditSettings(null, 1, 5, origins, List.of("naive", "mean"), null, null, maxTrain);
    SeriesResult r = new SeriesAuditor(s).audit(d);
    int k = s.originsFor(n, 1, 5);
    long keep = s.maxTrainFor(1) + 5L * k;
    BacktestLimits l = r.limits();
    if (keep >= n) {
      assertThat(l).isNull();
      assertThat(r.backtest().observations()).isEqualTo(n);
    } else {
      assertThat(l).isNotNull();
      assertThat(l.historyAvailable()).isEqualTo(n);
      assertThat(l.historyUsed()).isEqualTo((int) keep).isEqualTo(r.backtest().observations());
      assertThat(l.maxTrain()).isEqualTo(s.maxTrainFor(1));
      assertThat(l.originsUsed()).isEqualTo(k);
      // a series this short never reaches the fit budget
      assertThat(l.fitBudget()).isNull();
      assertThat(l.originsPossible()).isEqualTo(k);
      assertThat(l.profileHistoryUsed()).isNull();
    }
  }

  @org.junit.jupiter.api.Test
  void aSeriesLongerThanTheProfileWindowIsProfiledOnItsLatestPart() {
    int n = SeriesAuditor.PROFILE_WINDOW + 30_001;
    SeriesData d = DatasetAuditTest.series("long", n, 7);
    AuditSettings s = new AuditSettings(null, 1, 5, 3, List.of("naive", "mean"), null, null, null);
    SeriesResult r = new SeriesAuditor(s).audit(d);
    BacktestLimits l = r.limits();
    assertThat(l.historyAvailable()).isEqualTo(n);
    assertThat(l.profileHistoryUsed()).isEqualTo(SeriesAuditor.PROFILE_WINDOW);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = d.value(i);
    }
    double[] tail = java.util.Arrays.copyOfRange(y, n - SeriesAuditor.PROFILE_WINDOW, n);
    assertThat(r.profile()).isEqualTo(dev.signalcheck.core.profile.Profiler.profile(tail, 1));
    assertThat(r.profile()).isNotEqualTo(dev.signalcheck.core.profile.Profiler.profile(y, 1));
  }

  @Property(tries = 20)
  void theProfileWindowCoversFourSeasonsAndTheBacktestHistory(
      @ForAll @IntRange(min = 1, max = 200_000) int season,
      @ForAll @IntRange(min = 0, max = 2_000_000) int backtestHistory) {
    long w = SeriesAuditor.profileWindow(season, backtestHistory);
    assertThat(w).isGreaterThanOrEqualTo(SeriesAuditor.PROFILE_WINDOW);
    assertThat(w).isGreaterThanOrEqualTo(4L * season).isGreaterThanOrEqualTo(backtestHistory);
    assertThat(w).isIn((long) SeriesAuditor.PROFILE_WINDOW, 4L * season, (long) backtestHistory);
  }
}
