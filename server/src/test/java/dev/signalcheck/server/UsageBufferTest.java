package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API calls' usage events are written in batches, and none is lost: every call made by concurrent
 * clients is in the ledger once the server has stopped, and a usage read sees the calls before it.
 */
class UsageBufferTest {
  @TempDir Path dir;

  @Test
  void everyCallOfConcurrentClientsIsRecordedOnceWithNothingLostAtStop() throws Exception {
    LedgerLocation loc = LedgerLocation.sqlite(dir.resolve("u.db"));
    TestServer s = new TestServer(loc, dir.resolve("data"));
    int clients = 8;
    int calls = 40;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Integer>> done = new java.util.ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < calls; i++) {
                    if (s.get("/api/v1/projects", s.read).statusCode() == 200) {
                      ok++;
                    }
                  }
                  return ok;
                }));
      }
      int ok = 0;
      for (Future<Integer> f : done) {
        ok += f.get();
      }
      assertThat(ok).isEqualTo(clients * calls);
      // a usage read flushes first: it sees every call made before it
      long seen = TestServer.json(s.get("/api/v1/usage", s.read)).get("events").asLong();
      assertThat(seen).isGreaterThanOrEqualTo(clients * calls);
      // a call right before the stop is written by the stop
      assertThat(s.get("/api/v1/runs", s.read).statusCode()).isEqualTo(200);
    } finally {
      pool.shutdown();
    }
    s.server.stop();
    try (Ledger l = Ledger.open(loc)) {
      List<Long> n =
          Db.query(
              l,
              "SELECT count(*) FROM usage_event WHERE channel = 'api' AND action NOT LIKE 'failed%'",
              rs -> rs.getLong(1));
      // the calls, the usage read and the last call
      assertThat(n.get(0)).isEqualTo(clients * calls + 2L);
    }
  }
}
