package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop (what SIGTERM does through the shutdown hook of {@code signalcheck serve}) loses no audit
 * in flight: it finishes and is recorded, or, when the stop cannot wait, it is recorded as failed
 * and leaves no run behind.
 */
class StopTest {
  @TempDir Path dir;

  /** An audit that takes a while: every model, a long daily series. */
  private static Map<String, String> slow(String project) {
    return Map.of("project", project, "horizon", "14", "origins", "3");
  }

  private static void awaitInFlight(TestServer s) throws InterruptedException {
    for (int i = 0; i < 600 && s.server.auditsInFlight() == 0; i++) {
      Thread.sleep(50);
    }
    assertThat(s.server.auditsInFlight()).as("the audit is in flight").isPositive();
  }

  private static long completeRuns(LedgerLocation loc, String project) {
    try (Ledger l = Ledger.open(loc)) {
      return Db.query(
              l,
              "SELECT COUNT(*) FROM run r JOIN project p ON p.id = r.project_id WHERE r.complete"
                  + " AND p.name = ?",
              rs -> rs.getLong(1),
              project)
          .get(0);
    }
  }

  @Test
  void aStopWaitsForTheAuditInFlight() throws Exception {
    LedgerLocation loc = LedgerLocation.sqlite(dir.resolve("a.db"));
    TestServer s = new TestServer(loc, dir.resolve("a"), 1 << 24, Duration.ofSeconds(120));
    CompletableFuture<HttpResponse<String>> r =
        CompletableFuture.supplyAsync(
            () -> s.audit(s.write, "long.csv", TestServer.csv(700, 11), slow("waited")));
    awaitInFlight(s);
    assertThat(s.server.stop()).as("audits cut short").isZero();
    HttpResponse<String> done = r.get();
    assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
    assertThat(completeRuns(loc, "waited")).isEqualTo(1);
  }

  @Test
  void anAuditTheStopCannotWaitForIsRecordedAsFailed() throws Exception {
    LedgerLocation loc = LedgerLocation.sqlite(dir.resolve("b.db"));
    TestServer s = new TestServer(loc, dir.resolve("b"), 1 << 24, Duration.ZERO);
    CompletableFuture<HttpResponse<String>> r =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return s.audit(s.write, "long.csv", TestServer.csv(700, 12), slow("cut"));
              } catch (RuntimeException e) {
                return null; // the connection closed with the server
              }
            });
    awaitInFlight(s);
    assertThat(s.server.stop()).as("audits cut short").isEqualTo(1);
    HttpResponse<String> answer = r.get();
    if (answer != null) {
      assertThat(answer.statusCode()).isGreaterThanOrEqualTo(500);
    }
    try (Ledger l = Ledger.open(loc)) {
      List<String> actions =
          Db.query(
              l, "SELECT action FROM usage_event WHERE project = ?", rs -> rs.getString(1), "cut");
      assertThat(actions).contains("audit-failed").doesNotContain("audit");
    }
    // the audit's own thread, still computing, ends without recording the run
    for (int i = 0; i < 1200 && s.server.auditsInFlight() > 0; i++) {
      Thread.sleep(50);
    }
    assertThat(completeRuns(loc, "cut")).isZero();
  }
}
