package dev.signalcheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ledgers that cannot be used give one clear message and never break an audit. */
class BadInputTest {

  @TempDir Path dir;

  static java.util.stream.Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  @Test
  void anUnreachablePostgresqlServerIsAnInputErrorWithoutThePassword() throws Exception {
    String url = TestDatabases.unreachablePostgres() + "&password=s3cret";
    LedgerLocation loc = LedgerLocation.parse(url, Map.of(), dir);
    assertThatThrownBy(() -> Ledger.open(loc))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cannot open the ledger jdbc:postgresql://127.0.0.1:")
        .hasMessageContaining("check that the server runs")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void anAuditWithAnUnwritableLedgerWarnsOnceAndRunsAsBefore() throws Exception {
    Path csv = Audits.data(dir, "a.csv", 1);
    LedgerLocation loc = LedgerLocation.parse(TestDatabases.unreachablePostgres(), Map.of(), dir);
    Audits.Outcome with = Audits.run(csv, Audits.settings(12), loc, "p", dir.resolve("1.json"));
    Audits.Outcome without =
        Audits.run(csv, Audits.settings(12), null, null, dir.resolve("2.json"));
    assertThat(with.recorded()).isEmpty();
    assertThat(with.warnings()).hasSize(1);
    assertThat(with.warnings().get(0))
        .startsWith("signalcheck: warning: the audit was not recorded in the ledger")
        .doesNotContain("\n");
    ((com.fasterxml.jackson.databind.node.ObjectNode) with.report()).remove("createdAt");
    ((com.fasterxml.jackson.databind.node.ObjectNode) without.report()).remove("createdAt");
    assertThat(with.report()).isEqualTo(without.report());
  }

  @Test
  void aReadOnlyLedgerFileIsReadButNotWritten() throws Exception {
    LedgerLocation loc = LedgerLocation.sqlite(dir.resolve("ro.db"));
    Path csv = Audits.data(dir, "a.csv", 1);
    long id =
        Audits.run(csv, Audits.settings(12), loc, "p", dir.resolve("1.json"))
            .recorded()
            .orElseThrow()
            .runId();
    Files.setPosixFilePermissions(loc.file(), PosixFilePermissions.fromString("r--r--r--"));
    try (Ledger l = Ledger.open(loc)) {
      assertThat(l.readOnly()).isTrue();
      assertThat(new LedgerQueries(l).resolve("latest", "p").id()).isEqualTo(id);
    }
    Path other = Audits.data(dir, "b.csv", 2);
    Audits.Outcome o = Audits.run(other, Audits.settings(12), loc, "p", dir.resolve("2.json"));
    assertThat(o.recorded()).isEmpty();
    assertThat(o.warnings()).singleElement().asString().contains("is read-only");
    try (Ledger l = Ledger.open(loc)) {
      assertThat(new LedgerQueries(l).runs("p", null, 10, 0)).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aLedgerWrittenByANewerVersionIsRefused(LedgerDialect d) throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, dir);
    try (Ledger l = Ledger.open(loc);
        Statement st = l.connection().createStatement()) {
      st.executeUpdate(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES (99, '"
              + (Ledger.SCHEMA_VERSION + 1)
              + "', 'later', 'SQL', 'V"
              + (Ledger.SCHEMA_VERSION + 1)
              + "__later.sql', 0, 'someone', 1, TRUE)");
    }
    assertThatThrownBy(() -> Ledger.open(loc))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(
            "was written by a newer signalcheck (schema version " + (Ledger.SCHEMA_VERSION + 1));
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void anUploadThatIsNotAReportIsAnInputErrorAndLeavesNothing(LedgerDialect d) throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, dir);
    try (Ledger l = Ledger.open(loc)) {
      for (String text :
          new String[] {
            "[1, 2]",
            "{\"schemaVersion\": 7, \"generator\": {\"name\": \"signalcheck\"}, \"series\": []}",
            "{\"schemaVersion\": 1, \"generator\": {\"name\": \"signalcheck\"}, \"series\": [{\"id\": \"a\"}",
            "{\"schemaVersion\": 1, \"generator\": {\"name\": \"signalcheck\"}, \"series\": [{\"id\": \"a\"}]}"
          }) {
        assertThatThrownBy(
                () ->
                    ReportUpload.record(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        "up.json",
                        l,
                        "up",
                        RunRecorder.Provenance.upload(null)))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("up.json ");
      }
      assertThat(
              RecordingTest.count(
                  l,
                  "SELECT COUNT(*) FROM run r JOIN project p ON p.id ="
                      + " r.project_id WHERE p.name = 'up'"))
          .isZero();
    }
  }

  @Test
  void aReferencePopulationIsReadOnly() throws Exception {
    LedgerLocation loc = LedgerLocation.sqlite(dir.resolve("l.db"));
    Audits.Outcome o =
        Audits.run(
            Audits.data(dir, "a.csv", 1),
            Audits.settings(12),
            loc,
            "M4 Hourly",
            dir.resolve("r.json"));
    assertThat(o.recorded()).isEmpty();
    assertThat(o.warnings()).singleElement().asString().contains("read-only reference population");
  }

  @Test
  void ledgerUrlsAreReadAndPasswordsNeverShown() {
    Path home = Path.of("/home/u");
    assertThat(LedgerLocation.resolve(null, Map.of(), home).file())
        .isEqualTo(Path.of("/home/u/.signalcheck/ledger.db"));
    assertThat(LedgerLocation.resolve(null, Map.of(LedgerLocation.ENV, "/x/l.db"), home).file())
        .isEqualTo(Path.of("/x/l.db"));
    assertThat(
            LedgerLocation.resolve(
                    "jdbc:sqlite:/y/l.db", Map.of(LedgerLocation.ENV, "/x/l.db"), home)
                .file())
        .isEqualTo(Path.of("/y/l.db"));
    LedgerLocation pg =
        LedgerLocation.resolve(
            "jdbc:postgresql://db:5432/ledger?user=team&password=pw&sslmode=require",
            Map.of(),
            home);
    assertThat(pg.dialect()).isEqualTo(LedgerDialect.POSTGRES);
    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/ledger?sslmode=require");
    assertThat(pg.credentials().getProperty("password")).isEqualTo("pw");
    assertThat(pg.display()).doesNotContain("pw").contains("user=team");
    LedgerLocation env =
        LedgerLocation.resolve(
            "jdbc:postgresql://team:pw2@db/ledger", Map.of(LedgerLocation.PASSWORD_ENV, "x"), home);
    assertThat(env.credentials().getProperty("password")).isEqualTo("pw2");
    assertThat(env.display()).doesNotContain("pw2");
    assertThat(
            LedgerLocation.resolve(
                    "jdbc:postgresql://db/l?user=a", Map.of(LedgerLocation.PASSWORD_ENV, "e"), home)
                .credentials()
                .getProperty("password"))
        .isEqualTo("e");
    assertThatThrownBy(
            () -> LedgerLocation.resolve("jdbc:mysql://db/l?password=zz", Map.of(), home))
        .isInstanceOf(UsageException.class)
        .hasMessageNotContaining("zz");
    assertThat(OutputException.class).isNotNull();
  }
}
