package dev.signalcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.SeriesAuditor;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.io.ReportInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A long series is held by the report as its chart data: the page is the same, only smaller. */
class LongSeriesReportTest {

  private static String page(List<SeriesResult> results, int top, int chartsAtOnceFrom) {
    HtmlReport html = new HtmlReport(top, List.of("w2"), chartsAtOnceFrom);
    html.begin(Fixtures.GENERATOR, Fixtures.SETTINGS);
    results.forEach(html::series);
    html.end(
        new ReportInfo.Input(
            "fixture.csv", 0, 0, "date", List.of("value"), List.of(), List.of(), null),
        new ReportInfo.Summary(results.size(), Map.of(), Map.of()),
        List.of());
    return Fixtures.render(html);
  }

  private static JsonNode data(String page) {
    ObjectNode d = (ObjectNode) Fixtures.embedded(page);
    d.remove("createdAt");
    return d;
  }

  @Test
  void reducingHeldSeriesToTheirChartsChangesNothingOnThePage() {
    List<SeriesData> input = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      input.add(
          i % 2 == 0
              ? Fixtures.weekly("w" + i, 120 + 30 * i, i, 40 + i, i % 3)
              : Fixtures.noise("n" + i, 90 + 20 * i, i));
    }
    input.add(Fixtures.withCovariates("c", 200, 7, "noise"));
    SeriesAuditor auditor = new SeriesAuditor(Fixtures.fast());
    List<SeriesResult> results = input.stream().map(auditor::audit).toList();
    for (int top : new int[] {0, 2, 50}) {
      // reduced as soon as held (threshold 0) against never reduced
      assertThat(data(page(results, top, 0)))
          .isEqualTo(data(page(results, top, Integer.MAX_VALUE)));
    }
  }

  @Test
  void aLongHorizonDrawsOnlyTheLatestOrigins() {
    int n = 40_000;
    int horizon = 6_000;
    SeriesData d = new SeriesData("long", "v", new TimeFormat(TimeKind.INDEX, null));
    SplittableRandom rnd = new SplittableRandom(3);
    for (int k = 0; k < n; k++) {
      d.add(k + 1, k + 1, null, Math.sin(k / 50.0) + rnd.nextGaussian(), SeriesData.OK, null);
    }
    AuditSettings s = new AuditSettings(null, 1, horizon, 4, List.of("naive", "mean"), null, null);
    SeriesResult r = new SeriesAuditor(s).audit(d);
    assertThat(r.backtest().origins()).isEqualTo(4);
    SeriesCharts c = SeriesCharts.of(r);
    int drawn = SeriesCharts.MAX_BACKTEST_STEPS / horizon;
    assertThat(c.backtest().origins()).hasSize(drawn);
    for (SeriesCharts.ModelForecasts m : c.backtest().models()) {
      assertThat(m.forecasts()).hasSize(drawn);
      assertThat(m.forecasts().get(drawn - 1).values()).hasSize(horizon);
    }
    // the latest origin is the backtest's latest, at its place in the drawn window
    int lastOrigin = c.backtest().origins().get(drawn - 1);
    double firstActual = r.backtest().models().get(0).forecasts().get(3).actual().get(0);
    assertThat(c.backtest().actual().values()[lastOrigin]).isEqualTo(firstActual);
    assertThat(c.notes()).anyMatch(t -> t.contains("last " + drawn + " of the 4 origins"));
  }
}
