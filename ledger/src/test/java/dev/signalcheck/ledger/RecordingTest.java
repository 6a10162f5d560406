package dev.signalcheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A real audit recorded in SQLite and in PostgreSQL holds what its report.json says. */
class RecordingTest {

  @TempDir Path dir;

  static java.util.stream.Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aRecordedAuditHoldsTheReportsValues(LedgerDialect d) throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, dir);
    Path csv = Audits.data(dir, "a.csv", 1);
    Audits.Outcome o = Audits.run(csv, Audits.settings(12), loc, "demo", dir.resolve("r.json"));
    assertThat(o.warnings()).isEmpty();
    assertThat(o.recorded()).isPresent();
    assertThat(o.recorded().get().duplicate()).isFalse();
    long id = o.recorded().get().runId();
    JsonNode report = o.report();
    try (Ledger l = Ledger.open(loc)) {
      LedgerQueries q = new LedgerQueries(l);
      List<LedgerQueries.RunRow> runs = q.runs("demo", null, 10, 0);
      assertThat(runs).hasSize(1);
      LedgerQueries.RunRow run = runs.get(0);
      assertThat(run.id()).isEqualTo(id);
      assertThat(run.series()).isEqualTo(report.at("/summary/series").asLong()).isEqualTo(3);
      assertThat(run.strong()).isEqualTo(report.at("/summary/verdicts/strong").asLong());
      assertThat(run.none()).isEqualTo(report.at("/summary/verdicts/none").asLong());
      assertThat(run.warning()).isEqualTo(report.at("/summary/findings/warning").asLong());
      assertThat(run.source()).isEqualTo("a.csv");
      assertThat(run.sha256()).hasSize(64);
      assertThat(run.sizeBytes()).isEqualTo(Files.size(csv));
      assertThat(run.exitStatus()).isZero();
      assertThat(run.osUser()).isEqualTo(System.getProperty("user.name"));
      List<LedgerQueries.SeriesRow> series = q.series(id);
      assertThat(series)
          .extracting(LedgerQueries.SeriesRow::id)
          .containsExactly(
              report.at("/series/0/id").asText(),
              report.at("/series/1/id").asText(),
              report.at("/series/2/id").asText())
          .containsExactlyInAnyOrder("seasonal", "noise", "=trend");
      for (int i = 0; i < 3; i++) {
        JsonNode s = report.at("/series/" + i);
        LedgerQueries.SeriesRow row = series.get(i);
        assertThat(row.n()).isEqualTo(s.path("n").asLong());
        assertThat(row.verdict()).isEqualTo(s.at("/verdict/signal").asText());
        assertThat(row.season()).isEqualTo(12);
        assertThat(row.horizon()).isEqualTo(12);
        assertThat(row.origins()).isEqualTo(s.at("/backtest/origins").asInt());
        assertThat(row.bestModel()).isEqualTo(s.at("/backtest/best").asText());
        assertThat(row.skill()).isCloseTo(s.at("/verdict/skill").asDouble(), within(1e-12));
        assertThat(row.expectedMase())
            .isCloseTo(s.at("/verdict/expected/mase").asDouble(), within(1e-12));
        double bestMase = 0;
        for (JsonNode m : s.at("/backtest/models")) {
          if (m.path("name").asText().equals(row.bestModel())) {
            bestMase = m.path("mase").asDouble();
          }
        }
        assertThat(row.bestMase()).isCloseTo(bestMase, within(1e-12));
      }
      // every metric of every model that ran, each under its definition
      long models = 0;
      long values = 0;
      for (JsonNode s : report.at("/series")) {
        for (JsonNode m : s.at("/backtest/models")) {
          models++;
          for (MetricDefinition.Kind k : MetricDefinition.KINDS) {
            if (m.path(k.field()).isNumber()) {
              values++;
            }
          }
        }
      }
      assertThat(
              count(
                  l,
                  "SELECT COUNT(*) FROM model m JOIN series s ON s.id = m.series_id WHERE s.run_id = "
                      + id))
          .isEqualTo(models);
      assertThat(count(l, "SELECT COUNT(*) FROM v_metrics WHERE run_id = " + id)).isEqualTo(values);
      assertThat(
              count(
                  l,
                  "SELECT COUNT(*) FROM metric_definition WHERE name = 'mase' AND"
                      + " season = 12 AND horizon = 12 AND origins = 3 AND scaling = 'seasonal-naive-mae'"
                      + " AND aggregation = 'mean-over-origins'"))
          .isEqualTo(1);
      long findings = 0;
      for (JsonNode s : report.at("/series")) {
        findings += s.path("findings").size();
      }
      findings += report.path("findings").size();
      assertThat(count(l, "SELECT COUNT(*) FROM v_findings WHERE run_id = " + id))
          .isEqualTo(findings);
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void theSameInputWithTheSameSettingsAndVersionIsOneRun(LedgerDialect d) throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, dir);
    Path csv = Audits.data(dir, "a.csv", 1);
    Audits.Outcome first = Audits.run(csv, Audits.settings(12), loc, "p", dir.resolve("1.json"));
    Audits.Outcome again = Audits.run(csv, Audits.settings(12), loc, "p", dir.resolve("2.json"));
    assertThat(again.recorded().get().duplicate()).isTrue();
    assertThat(again.recorded().get().runId()).isEqualTo(first.recorded().get().runId());
    // other settings, another project: other runs
    Audits.Outcome h6 = Audits.run(csv, Audits.settings(6), loc, "p", dir.resolve("3.json"));
    Audits.Outcome other = Audits.run(csv, Audits.settings(12), loc, "q", dir.resolve("4.json"));
    assertThat(h6.recorded().get().duplicate()).isFalse();
    assertThat(other.recorded().get().duplicate()).isFalse();
    try (Ledger l = Ledger.open(loc)) {
      assertThat(count(l, "SELECT COUNT(*) FROM v_runs WHERE NOT reference")).isEqualTo(3);
      assertThat(count(l, "SELECT COUNT(*) FROM run WHERE NOT complete")).isZero();
      // the duplicate left nothing behind
      assertThat(count(l, "SELECT COUNT(*) FROM v_series WHERE project IN ('p', 'q')"))
          .isEqualTo(9);
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void anUploadedReportTakesTheSamePathAndIsIdempotent(LedgerDialect d) throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, dir);
    Path csv = Audits.data(dir, "a.csv", 2);
    Path report = dir.resolve("r.json");
    Audits.Outcome local = Audits.run(csv, Audits.settings(12), null, null, report);
    try (Ledger l = Ledger.open(loc)) {
      RunRecorder.Recorded up;
      try (InputStream in = Files.newInputStream(report)) {
        up = ReportUpload.record(in, "r.json", l, "uploads", RunRecorder.Provenance.upload("me"));
      }
      assertThat(up.duplicate()).isFalse();
      RunRecorder.Recorded again;
      try (InputStream in = Files.newInputStream(report)) {
        again =
            ReportUpload.record(in, "r.json", l, "uploads", RunRecorder.Provenance.upload("me"));
      }
      assertThat(again.duplicate()).isTrue();
      assertThat(again.runId()).isEqualTo(up.runId());
      LedgerQueries q = new LedgerQueries(l);
      LedgerQueries.RunRow run = q.resolve("latest", "uploads");
      assertThat(run.origin()).isEqualTo("upload");
      assertThat(run.sha256()).isNull();
      assertThat(run.series()).isEqualTo(3);
      assertThat(q.series(run.id()))
          .extracting(LedgerQueries.SeriesRow::verdict)
          .containsExactly(
              local.report().at("/series/0/verdict/signal").asText(),
              local.report().at("/series/1/verdict/signal").asText(),
              local.report().at("/series/2/verdict/signal").asText());
    }
  }

  static long count(Ledger l, String sql) throws SQLException {
    try (Statement st = l.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
