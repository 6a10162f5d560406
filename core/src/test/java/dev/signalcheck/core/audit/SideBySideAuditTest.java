package dev.signalcheck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.SideBySide;
import dev.signalcheck.core.series.SeriesData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long series' parts (its models, its profile) run side by side, unless the audit has one thread;
 * either way the result is the same.
 */
class SideBySideAuditTest {

  @Test
  void oneThreadRunsTheLongSeriesInTurnAndBothWaysAgree() {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs two processors");
    int n = SideBySide.FROM + 2_000;
    SeriesData d = DatasetAuditTest.series("long", n, 3);
    AuditSettings s =
        new AuditSettings(null, 1, 24, 3, List.of("naive", "mean", "drift", "ses"), null, null, n);
    long before = SideBySide.started();
    SeriesResult alone = new SeriesAuditor(s).withThreads(1).audit(d);
    assertThat(SideBySide.started()).as("tasks started with one thread").isEqualTo(before);
    SeriesResult side = new SeriesAuditor(s).withThreads(2).audit(d);
    // the profile and each of the backtest's four models (five with the naive reference)
    assertThat(SideBySide.started() - before).isGreaterThanOrEqualTo(5);
    assertThat(side.backtest().observations()).isGreaterThanOrEqualTo(SideBySide.FROM);
    assertThat(side.profile()).isEqualTo(alone.profile());
    assertThat(side.findings()).isEqualTo(alone.findings());
    assertThat(side.verdict()).isEqualTo(alone.verdict());
    assertThat(side.backtest().models())
        .extracting(ModelScore::name)
        .containsExactlyElementsOf(
            alone.backtest().models().stream().map(ModelScore::name).toList());
    for (ModelScore a : alone.backtest().models()) {
      ModelScore b = side.backtest().model(a.name()).orElseThrow();
      assertThat(b.mase()).as(a.name()).isEqualTo(a.mase());
      assertThat(b.maseByOrigin()).as(a.name()).isEqualTo(a.maseByOrigin());
    }
  }
}
