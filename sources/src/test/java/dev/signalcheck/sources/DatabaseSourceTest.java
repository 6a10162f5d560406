package dev.signalcheck.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.io.InputSpec;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real database table as a source (SQLite and a real PostgreSQL server): kept as CSV, revised and
 * shrunk between pulls, then unreachable.
 */
class DatabaseSourceTest {

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("dev.signalcheck.ledger.TestDatabases#dialects")
  void aRevisedAndShrunkTableIsFoundAndAMissingDatabaseIsUnavailable(LedgerDialect kind)
      throws Exception {
    Path db = dir.resolve("plant.db");
    String url =
        kind == LedgerDialect.SQLITE
            ? "jdbc:sqlite:" + db
            : TestDatabases.freshUrl(LedgerDialect.POSTGRES, dir);
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE readings (sensor TEXT, ts TEXT, value REAL)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO readings VALUES (?, ?, ?)")) {
        for (String s : List.of("a", "b")) {
          for (int i = 0; i < 48; i++) {
            ps.setString(1, s);
            ps.setString(2, SourceFetchTest.START.plusHours(i).toString().replace('T', ' '));
            ps.setDouble(3, SourceFetchTest.wave(i));
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
    }
    try (Ledger ledger = Ledger.open(TestDatabases.fresh(LedgerDialect.SQLITE, dir))) {
      SourceLedger store = new SourceLedger(ledger);
      SourceFetchTest.MutableClock clock =
          new SourceFetchTest.MutableClock(SourceFetchTest.at(48).plusSeconds(600));
      SourceFetch fetch = new SourceFetch(FetcherTest.fetcher(), clock);
      SourceFetch.Request req =
          new SourceFetch.Request(
              "plant",
              null,
              "csv",
              FetcherTest.fast(1),
              new InputSpec(
                  "ignored",
                  List.of("ts"),
                  List.of("value"),
                  List.of("sensor"),
                  List.of(),
                  null,
                  null,
                  null,
                  List.of(),
                  null,
                  null),
              null,
              null,
              dir.resolve("data"),
              null,
              DatabaseSource.of(url, "readings", null, null, null, Map.of()));
      SourceFetch.Result first = fetch.run(req, store);
      assertThat(first.ok()).as(first.error()).isTrue();
      assertThat(first.snapshot().rows()).isEqualTo(96);
      assertThat(Files.readAllLines(first.file()).get(0)).isEqualTo("sensor,ts,value");
      clock.now = clock.now.plusSeconds(60);
      assertThat(fetch.run(req, store).unchanged()).isTrue();
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        st.execute(
            "UPDATE readings SET value = value + 50 WHERE sensor = 'a' AND ts LIKE '2026-03-01 10:%'");
        st.execute("DELETE FROM readings WHERE sensor = 'b' AND ts < '2026-03-01 12:00'");
      }
      clock.now = clock.now.plusSeconds(60);
      SourceFetch.Result changed = fetch.run(req, store);
      assertThat(SourceFetchTest.checks(changed)).contains("source.revised", "source.shrunk");
      SourceFetch.Request goneReq = req;
      if (kind == LedgerDialect.SQLITE) {
        Files.move(db, dir.resolve("moved.db"));
      } else {
        // the same source, its server no longer listening
        goneReq =
            new SourceFetch.Request(
                req.name(),
                req.url(),
                req.format(),
                req.settings(),
                req.input(),
                req.step(),
                req.maxDelay(),
                req.dataDir(),
                req.records(),
                DatabaseSource.of(
                    TestDatabases.unreachablePostgres(), "readings", null, null, null, Map.of()));
      }
      clock.now = clock.now.plusSeconds(60);
      SourceFetch.Result gone = fetch.run(goneReq, store);
      assertThat(gone.ok()).isFalse();
      assertThat(SourceFetchTest.checks(gone)).contains("source.unavailable");
      assertThat(gone.error()).doesNotContain("\n");
      assertThat(store.lastSnapshot(store.sourceId("plant")).orElseThrow().snapshot().rows())
          .isEqualTo(changed.snapshot().rows());
    }
  }
}
