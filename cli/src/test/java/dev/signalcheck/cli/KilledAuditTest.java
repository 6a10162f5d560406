package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.ledger.TestDatabases;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An audit killed with SIGKILL while it records (a real child JVM, destroyForcibly) leaves a ledger
 * that is intact and shows no half run; the next audit records as usual.
 */
class KilledAuditTest {

  @TempDir Path dir;

  static java.util.stream.Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aKilledAuditLeavesNoHalfRun(LedgerDialect d) throws Exception {
    String url = TestDatabases.freshUrl(d, dir);
    LedgerLocation loc = LedgerLocation.resolve(url, Map.of(), dir);
    // created and migrated before the audit, so the kill falls in the audit's own recording
    Ledger.open(loc).close();
    // many series, all models, one thread: long enough to be killed in the middle
    Random r = new Random(3);
    StringBuilder b = new StringBuilder("id,t,value\n");
    for (int s = 0; s < 3000; s++) {
      for (int t = 1; t <= 96; t++) {
        b.append(
            String.format(
                Locale.ROOT, "s%04d,%d,%.3f%n", s, t, Math.sin(t / 2.0) + r.nextGaussian()));
      }
    }
    Path csv = Cli.file(dir, "big.csv", b.toString());
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.signalcheck.cli.Main",
                "audit",
                csv.toString(),
                "--id",
                "id",
                "--time",
                "t",
                "--target",
                "value",
                "--step",
                "1",
                "--season",
                "12",
                "--horizon",
                "12",
                "--threads",
                "1",
                "--no-progress",
                "--quiet",
                "--json",
                dir.resolve("big.json").toString(),
                "--ledger",
                url,
                "--project",
                "killed"));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(dir.resolve("child.out").toFile())
            .redirectError(dir.resolve("child.err").toFile())
            .start();
    long recorded = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    try {
      while (System.nanoTime() < deadline && p.isAlive()) {
        recorded = halfRunSeries(loc);
        if (recorded > 0) {
          break;
        }
        Thread.sleep(100);
      }
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(recorded).as("series written before the kill").isPositive();
    try (Ledger l = Ledger.open(loc)) {
      if (d == LedgerDialect.SQLITE) {
        try (Statement st = l.connection().createStatement();
            ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("ok");
        }
      }
    }
    Cli runs = Cli.run("ledger", "runs", "--ledger", url, "--json");
    assertThat(runs.exit).as(runs.err).isZero();
    for (com.fasterxml.jackson.databind.JsonNode run :
        new ObjectMapper().readTree(runs.out).path("runs")) {
      assertThat(run.path("project").asText()).isNotEqualTo("killed");
    }
    Cli none = Cli.run("ledger", "runs", "--ledger", url, "--project", "killed", "--json");
    assertThat(none.exit).as(none.err).isZero();
    assertThat(new ObjectMapper().readTree(none.out).path("runs")).isEmpty();
    // the ledger goes on working
    Path small = LedgerCommandTest.data(dir, "small.csv", false);
    Cli next = Cli.run(LedgerCommandTest.audit(small, url, "killed", dir.resolve("s.json")));
    assertThat(next.exit).as(next.err).isZero();
    Cli after = Cli.run("ledger", "runs", "--ledger", url, "--project", "killed", "--json");
    assertThat(after.exit).as(after.err).isZero();
    com.fasterxml.jackson.databind.JsonNode recordedRuns =
        new ObjectMapper().readTree(after.out).path("runs");
    assertThat(recordedRuns).hasSize(1);
    assertThat(recordedRuns.get(0).path("source").asText()).isEqualTo("small.csv");
  }

  /** Series of project 'killed' already written under a run that is not complete. */
  private static long halfRunSeries(LedgerLocation loc) {
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(loc.jdbcUrl(), loc.credentials());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COUNT(*) FROM series s JOIN run r ON r.id = s.run_id JOIN project p ON p.id"
                    + " = r.project_id WHERE NOT r.complete AND p.name = 'killed'")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return 0; // not created yet
    }
  }
}
