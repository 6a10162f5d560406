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
    }
  }
}
