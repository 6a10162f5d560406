package dev.signalcheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two audits writing to one ledger at the same time both land, on both databases. */
class ConcurrencyTest {

  @TempDir Path dir;

  static java.util.stream.Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void twoWritersAtOnceBothLand(LedgerDialect d) throws Exception {
    LedgerLocation loc = TestDatabases.fresh(d, dir);
    // the first open migrates; the writers then race on recording only
    try (Ledger l = Ledger.open(loc)) {
      assertThat(l.readOnly()).isFalse();
    }
    int writers = 3;
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Audits.Outcome>> out = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int seed = w;
      Path csv = Audits.data(dir, "w" + w + ".csv", 10 + seed);
      out.add(
          pool.submit(
              () -> {
                start.await();
                return Audits.run(
                    csv, Audits.settings(12), loc, "team", dir.resolve("w" + seed + ".json"));
              }));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    List<Long> ids = new ArrayList<>();
    for (Future<Audits.Outcome> f : out) {
      Audits.Outcome o = f.get();
      assertThat(o.warnings()).isEmpty();
      assertThat(o.recorded().orElseThrow().duplicate()).isFalse();
      ids.add(o.recorded().get().runId());
    }
    try (Ledger l = Ledger.open(loc)) {
      LedgerQueries q = new LedgerQueries(l);
      assertThat(q.runs("team", null, 10, 0))
          .extracting(LedgerQueries.RunRow::id)
          .containsExactlyInAnyOrderElementsOf(ids);
      for (long id : ids) {
        assertThat(q.series(id)).hasSize(3);
      }
    }
  }
}
