package dev.signalcheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
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
      assertThat(RecordingTest.count(l, "SELECT COUNT(*) FROM v_runs WHERE reference"))
          .isEqualTo(5);
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
      assertThat(RecordingTest.count(l, "SELECT COUNT(*) FROM run")).isEqualTo(5);
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
