package dev.signalcheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The migrations build the whole schema from an empty database, on both databases. */
class MigrationsTest {

  @TempDir Path dir;

  static Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void anEmptyDatabaseIsMigratedToTheNewestSchemaWithTheReferencePopulations(LedgerDialect d)
      throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, dir);
    try (Ledger l = Ledger.open(loc)) {
      assertThat(l.appliedVersion()).isEqualTo(Ledger.SCHEMA_VERSION);
      for (String t :
          List.of(
              "project",
              "dataset",
              "run",
              "metric_definition",
              "series",
              "model",
              "metric",
              "finding",
              "v_runs",
              "v_series",
              "v_metrics",
              "v_findings")) {
        assertThat(RecordingTest.count(l, "SELECT COUNT(*) FROM " + t)).isNotNegative();
      }
      // each population under automatic origins and under a fixed 3
      assertThat(RecordingTest.count(l, "SELECT COUNT(*) FROM v_runs WHERE reference"))
          .isEqualTo(10);
      assertThat(
              RecordingTest.count(l, "SELECT COUNT(*) FROM v_series WHERE project = 'M3 Yearly'"))
          .isEqualTo(645);
    }
    // opening again changes nothing (no second import, no new migration)
    try (Ledger l = Ledger.open(loc);
        Statement st = l.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
      rs.next();
      // one row per migration file (the numbers may have gaps)
      assertThat(rs.getInt(1)).isEqualTo(migrationFiles());
      assertThat(RecordingTest.count(l, "SELECT COUNT(*) FROM run")).isEqualTo(10);
    }
  }

  /**
   * V7 on a ledger with rows: every definition recorded before keeps its id, its values and its
   * references and is a fixed number of origins; the policy is then part of the definition's
   * identity (an automatic definition beside a fixed one with the same count, never two alike).
   */
  @ParameterizedTest
  @MethodSource("dialects")
  void definitionsRecordedBeforeTheOriginPolicyKeepTheirIdsAndAreFixed(LedgerDialect d)
      throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, dir);
    try (Connection c = DriverManager.getConnection(loc.jdbcUrl(), loc.credentials())) {
      Flyway.configure(Ledger.class.getClassLoader())
          .dataSource(new SingleConnectionDataSource(c))
          .locations(Ledger.MIGRATIONS)
          .placeholders(d.placeholders())
          .target("6")
          .load()
          .migrate();
      try (Statement st = c.createStatement()) {
        // ids far above those the references take (PostgreSQL's identity sequences do not move
        // for ids given)
        String t = "'2026-01-01T00:00:00.000Z'";
        st.execute(
            "INSERT INTO project (id, name, created_at) VALUES (9000041, 'plant', " + t + ")");
        st.execute(
            "INSERT INTO run (id, project_id, complete, origin, tool_name, tool_version, settings,"
                + " settings_hash, started_at, updated_at) VALUES (9000042, 9000041, TRUE, 'audit',"
                + " 'signalcheck', 'x', '{}', 'h', "
                + t
                + ", "
                + t
                + ")");
        for (int id = 9000043; id <= 9000044; id++) {
          st.execute(
              "INSERT INTO metric_definition (id, name, scaling, season, horizon, origins,"
                  + " aggregation) VALUES ("
                  + id
                  + ", 'mase', 'seasonal-naive-mae', 24, 48, "
                  + (id == 9000043 ? 3 : 30)
                  + ", 'mean-over-origins')");
        }
        st.execute(
            "INSERT INTO series (id, run_id, ordinal, series_key, best_mase, mase_definition_id)"
                + " VALUES (9000045, 9000042, 0, 'north', 0.8, 9000044)");
        st.execute(
            "INSERT INTO model (series_id, model, baseline, skipped) VALUES (9000045, 'ets', FALSE,"
                + " FALSE)");
        st.execute(
            "INSERT INTO metric (series_id, model, definition_id, value) VALUES (9000045, 'ets', 9000044,"
                + " 0.8)");
      }
    }
    try (Ledger l = Ledger.open(loc)) {
      assertThat(l.appliedVersion()).isEqualTo(Ledger.SCHEMA_VERSION);
      LedgerSql sql = new LedgerSql(l);
      assertThat(sql.definition(9000043)).isEqualTo(MetricDefinition.mase(24, 48, 3));
      assertThat(sql.definition(9000044)).isEqualTo(MetricDefinition.mase(24, 48, 30));
      assertThat(
              RecordingTest.count(
                  l,
                  "SELECT COUNT(*) FROM v_metrics WHERE definition_id = 9000044 AND series_key ="
                      + " 'north' AND value = 0.8"))
          .isEqualTo(1);
      assertThat(
              RecordingTest.count(
                  l,
                  "SELECT COUNT(*) FROM series WHERE id = 9000045 AND mase_definition_id = 9000044"))
          .isEqualTo(1);
      try (Statement st = l.connection().createStatement()) {
        if (d == LedgerDialect.SQLITE) {
          try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            assertThat(rs.next()).as("foreign keys intact").isFalse();
          }
          // and still enforced: a metric under no definition is refused
          assertThatThrownBy(
                  () ->
                      st.execute(
                          "INSERT INTO metric (series_id, model, definition_id, value) VALUES"
                              + " (9000045, 'ets', 999, 1.0)"))
              .isInstanceOf(SQLException.class);
        }
        // a fixed definition and one alike but for the policy (a shape no reference has) are two
        String fixed =
            "INSERT INTO metric_definition (name, scaling, season, horizon, origins, aggregation,"
                + " origin_policy) VALUES ('mase', 'seasonal-naive-mae', 7, 14, 3,"
                + " 'mean-over-origins', 'fixed')";
        String auto = fixed.replace("'fixed'", "'auto'");
        st.execute(fixed);
        st.execute(auto);
        assertThatThrownBy(() -> st.execute(auto)).isInstanceOf(SQLException.class);
      }
    }
  }

  @Test
  void theSchemaVersionConstantIsTheNewestMigration() throws Exception {
    URL url = Ledger.class.getResource("db/migration");
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      int newest =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.+\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElse(0);
      assertThat(Ledger.SCHEMA_VERSION).isEqualTo(newest);
    }
  }

  static int migrationFiles() throws Exception {
    URL url = Ledger.class.getResource("db/migration");
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return (int) files.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
    }
  }
}
