package dev.signalcheck.sources;

import static dev.signalcheck.sources.FaultyServer.ok;
import static dev.signalcheck.sources.FaultyServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.TestDatabases;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole pulls against a local server: every case ends in its finding or its one-line error. */
class SourceFetchTest {

  static final LocalDateTime START = LocalDateTime.of(2026, 3, 1, 0, 0);

  @TempDir Path dir;
  Ledger ledger;
  SourceLedger store;
  MutableClock clock;
  SourceFetch fetch;
  FaultyServer server;

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void open() throws Exception {
    ledger = Ledger.open(TestDatabases.fresh(LedgerDialect.SQLITE, dir));
    store = new SourceLedger(ledger);
    clock = new MutableClock(at(48).plusSeconds(600));
    fetch = new SourceFetch(FetcherTest.fetcher(), clock);
    server = new FaultyServer();
  }

  @AfterEach
  void close() {
    server.close();
    ledger.close();
  }

  static Instant at(int hours) {
    return START.plusHours(hours).toInstant(ZoneOffset.UTC);
  }

  /** Hourly readings 0..n-1 from START, value f(i). */
  static String csv(String header, int from, int n, IntToDoubleFunction f) {
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (int i = from; i < from + n; i++) {
      sb.append(START.plusHours(i)).append(":00,").append(f.applyAsDouble(i)).append('\n');
    }
    return sb.toString();
  }

  static double wave(int i) {
    return 10 + (i * 7 % 13) + (i % 24 < 12 ? 3 : 0);
  }

  SourceFetch.Request request(URI url) {
    return new SourceFetch.Request(
        "feed",
        url,
        null,
        FetcherTest.fast(2),
        InputSpec.of("ignored"),
        null,
        null,
        dir.resolve("data"),
        null);
  }

  SourceFetch.Result pull(String body) {
    server.then(ok(body));
    return fetch.run(request(server.uri("/feed.csv")), store);
  }

  static List<String> checks(SourceFetch.Result r) {
    return r.findings().stream().map(Finding::check).toList();
  }

  static Finding only(SourceFetch.Result r, String check) {
    return r.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
  }

  @Test
  void aFirstPullIsKeptAndAnUnchangedOneReusesItsBytes() throws Exception {
    SourceFetch.Result a = pull(csv("time,value", 0, 48, SourceFetchTest::wave));
    assertThat(a.ok()).isTrue();
    assertThat(a.findings()).isEmpty();
    assertThat(a.file()).exists().hasFileName("feed.csv");
    assertThat(a.snapshot().rows()).isEqualTo(48);
    assertThat(a.snapshot().step()).isEqualTo("PT1H");
    assertThat(a.snapshot().firstStamp()).isEqualTo("2026-03-01T00:00:00");
    assertThat(a.snapshot().lastStamp()).isEqualTo("2026-03-02T23:00:00");
    assertThat(a.snapshot().columns())
        .extracting(c -> c.name() + ":" + c.type())
        .containsExactly("time:TIMESTAMP", "value:DOUBLE");
    clock.now = clock.now.plusSeconds(60);
    SourceFetch.Result b = pull(csv("time,value", 0, 48, SourceFetchTest::wave));
    assertThat(b.unchanged()).isTrue();
    assertThat(b.file()).isEqualTo(a.file());
    assertThat(store.snapshots(store.sourceId("feed"), 10)).hasSize(2);
    try (var dirs = Files.list(dir.resolve("data/feed"))) {
      assertThat(dirs.toList()).hasSize(1);
    }
  }

  @Test
  void revisedHistoryIsFoundWithWhereAndHowLarge() {
    pull(csv("time,value", 0, 48, SourceFetchTest::wave));
    clock.now = at(50).plusSeconds(600);
    // two more hours, and three values of the first day rewritten
    SourceFetch.Result r =
        pull(
            csv(
                "time,value",
                0,
                50,
                i -> i == 5 || i == 6 ? wave(i) + 4 : i == 20 ? wave(i) * 2 : wave(i)));
    assertThat(checks(r)).containsExactly("source.revised");
    Finding f = only(r, "source.revised");
    assertThat(f.count()).isEqualTo(3);
    assertThat(f.intervals()).hasSize(2);
    assertThat(f.intervals().get(0).from()).isEqualTo("2026-03-01T05:00:00");
    assertThat(f.intervals().get(0).to()).isEqualTo("2026-03-01T06:00:00");
    assertThat(f.message())
        .startsWith("3 of 48 values already seen (6.3%) changed since the previous snapshot")
        .contains("the largest at 2026-03-01T20:00:00");
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void lostHistoryIsShrunk() {
    pull(csv("time,value", 0, 48, SourceFetchTest::wave));
    clock.now = clock.now.plusSeconds(60);
    SourceFetch.Result r = pull(csv("time,value", 12, 36, SourceFetchTest::wave));
    Finding f = only(r, "source.shrunk");
    assertThat(f.message())
        .contains("48 rows → 36 rows")
        .contains("12 time stamps seen before are gone");
    assertThat(f.intervals().get(0).from()).isEqualTo("2026-03-01T00:00:00");
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aRenamedColumnIsASchemaChangeWithADidYouMean() {
    pull(csv("time,temperature", 0, 48, SourceFetchTest::wave));
    clock.now = clock.now.plusSeconds(60);
    SourceFetch.Result r = pull(csv("time,temprature", 0, 48, SourceFetchTest::wave));
    assertThat(r.ok()).isTrue();
    Finding f = only(r, "source.schema-changed");
    assertThat(f.message()).contains("'temperature' is gone (renamed to 'temprature'?)");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    // an added column and a retyped one
    clock.now = clock.now.plusSeconds(60);
    String wide = csv("time,temprature", 0, 48, SourceFetchTest::wave).replace("\n", ",x\n");
    wide = wide.replaceFirst(",x\n", ",flag\n");
    SourceFetch.Result r2 = pull(wide);
    assertThat(only(r2, "source.schema-changed").message()).contains("added 'flag'");
  }

  @Test
  void anEmptyBodyOrAnHtmlPageIsUnavailableAndTheSnapshotIsKept() throws Exception {
    SourceFetch.Result good = pull(csv("time,value", 0, 48, SourceFetchTest::wave));
    byte[] before = Files.readAllBytes(good.file());
    long snapshotId = store.lastSnapshot(store.sourceId("feed")).orElseThrow().id();
    clock.now = clock.now.plusSeconds(3600);
    SourceFetch.Result empty = pull("");
    assertThat(empty.ok()).isFalse();
    assertThat(empty.error())
        .startsWith(
            "source 'feed' is unavailable: the only attempt failed (last: the source"
                + " returned an empty body); failing since this pull")
        .endsWith("the previous snapshot (2026-03-03T00:10:00Z, 48 rows) is kept");
    clock.now = clock.now.plusSeconds(3600);
    server.then(ok("<!DOCTYPE html><html><body>Please log in</body></html>", "text/html"));
    SourceFetch.Result html = fetch.run(request(server.uri("/feed.csv")), store);
    assertThat(html.error())
        .contains("returned an HTML page (Content-Type text/html), not CSV")
        .contains("failing since 2026-03-03T01:10:00Z (2 pulls in a row)");
    assertThat(checks(html)).containsExactly("source.unavailable");
    assertThat(html.findings().get(0).details()).containsEntry("evaluated", false);
    // nothing lost
    assertThat(Files.readAllBytes(good.file())).isEqualTo(before);
    assertThat(store.lastSnapshot(store.sourceId("feed")).orElseThrow().id()).isEqualTo(snapshotId);
    assertThat(store.pulls(store.sourceId("feed"), 10))
        .extracting(SourceLedger.Pull::outcome)
        .containsExactly("failed", "failed", "ok");
    // a later success ends the failing run
    clock.now = clock.now.plusSeconds(3600);
    assertThat(pull(csv("time,value", 0, 48, SourceFetchTest::wave)).ok()).isTrue();
    assertThat(store.failuresSinceLastSuccess(store.sourceId("feed"))).isEmpty();
  }

  @Test
  void aTruncatedBodyOnEveryAttemptIsRecordedAttemptByAttempt() throws Exception {
    pull(csv("time,value", 0, 48, SourceFetchTest::wave));
    try (FaultyServer.Raw raw =
        new FaultyServer.Raw(
            csv("time,value", 0, 48, SourceFetchTest::wave), FaultyServer.Raw.Kind.TRUNCATED)) {
      SourceFetch.Result r = fetch.run(request(raw.uri("/feed.csv")), store);
      assertThat(r.ok()).isFalse();
      assertThat(r.error()).contains("all 3 attempts failed (last: the connection broke after");
      List<Attempt> stored = store.attempts(r.pullId());
      assertThat(stored)
          .hasSize(3)
          .extracting(Attempt::outcome)
          .containsOnly(Outcome.CONNECTION_RESET);
      assertThat(stored.get(0).waitMs()).isEqualTo(1);
      assertThat(stored.get(1).waitMs()).isEqualTo(2);
      assertThat(stored.get(2).status()).isEqualTo(200);
    }
  }

  @Test
  void aFeedThatStopsIsStaleInItsOwnSteps() {
    clock.now = Instant.parse("2026-03-01T12:10:00Z");
    SourceFetch.Result r = pull(csv("time,value", 0, 6, SourceFetchTest::wave));
    Finding f = only(r, "source.stale");
    assertThat(f.message())
        .isEqualTo(
            "the last reading is 7 steps late: hourly data, newest 2026-03-01T05:00:00, fetched"
                + " 2026-03-01T12:10:00Z (3 steps or more is stale)");
    assertThat(f.intervals().get(0).from()).isEqualTo("2026-03-01T05:00:00");
    // two steps behind is on time
    clock.now = Instant.parse("2026-03-01T07:59:00Z");
    assertThat(checks(pull(csv("time,value", 0, 6, SourceFetchTest::wave)))).isEmpty();
    // --max-delay overrides the step rule
    clock.now = Instant.parse("2026-03-01T12:10:00Z");
    server.then(ok(csv("time,value", 0, 6, SourceFetchTest::wave)));
    SourceFetch.Request lenient =
        new SourceFetch.Request(
            "feed",
            server.uri("/feed.csv"),
            null,
            FetcherTest.fast(0),
            InputSpec.of("x"),
            null,
            Duration.ofHours(8),
            dir.resolve("data"),
            null);
    assertThat(checks(fetch.run(lenient, store))).doesNotContain("source.stale");
  }

  @Test
  void aFeedThatStallsAndCatchesUpIsIrregularArrival() {
    // hourly pulls; the feed keeps up, stalls for four hours, then catches up at once
    int[] lastHour = {23, 24, 25, 26, 26, 26, 26, 26, 31, 32};
    SourceFetch.Result r = null;
    for (int k = 0; k < lastHour.length; k++) {
      clock.now = at(24 + k).plusSeconds(600);
      r = pull(csv("time,value", lastHour[k] - 3, 4, SourceFetchTest::wave));
      if (k < 4) {
        assertThat(checks(r)).doesNotContain("source.irregular-arrival");
      }
    }
    Finding f = only(r, "source.irregular-arrival");
    assertThat(f.message())
        .startsWith("over the last 10 pulls (2026-03-02T00:10:00Z to 2026-03-02T09:10:00Z)")
        .contains("lagged the pull by 1.17 to 5.17 steps (median 1.17)")
        .contains("new data came about every 1.00 steps")
        .contains("not at its hourly rhythm");
  }

  @Test
  void noSecretReachesTheLedger() throws Exception {
    Header h = Header.parse("X-Api-Key: env:KEY", Map.of("KEY", "k-9f8e7d6c5b")::get);
    server.then(status(503), status(503), status(503));
    SourceFetch.Request r =
        new SourceFetch.Request(
            "feed",
            server.uri("/feed.csv?api_key=k-9f8e7d6c5b"),
            null,
            FetcherTest.fast(2).withHeaders(List.of(h)),
            InputSpec.of("x"),
            null,
            null,
            dir.resolve("data"),
            null);
    SourceFetch.Result res = fetch.run(r, store);
    assertThat(res.ok()).isFalse();
    assertThat(res.error()).doesNotContain("k-9f8e7d6c5b");
    StringBuilder all = new StringBuilder();
    for (String table : List.of("source", "source_fetch", "source_attempt")) {
      try (Statement st = ledger.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
        while (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            all.append(rs.getString(i)).append('|');
          }
        }
      }
    }
    assertThat(all).contains("X-Api-Key").contains("api_key=***").doesNotContain("k-9f8e7d6c5b");
    assertThat(server.requestHeaders.get(0).get("X-api-key")).containsExactly("k-9f8e7d6c5b");
  }

  @Test
  void aGzipFileAndAJsonDocumentWithRecordsInsideAreRead() throws Exception {
    java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(bo)) {
      g.write(csv("time,value", 0, 48, SourceFetchTest::wave).getBytes(StandardCharsets.UTF_8));
    }
    byte[] gz = bo.toByteArray();
    server.then(
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "application/gzip");
          ex.sendResponseHeaders(200, gz.length);
          try (java.io.OutputStream o = ex.getResponseBody()) {
            o.write(gz);
          }
        });
    SourceFetch.Result r = fetch.run(request(server.uri("/feed.csv.gz")), store);
    assertThat(r.ok()).as(r.error()).isTrue();
    assertThat(r.file()).hasFileName("feed.csv.gz");
    assertThat(r.snapshot().rows()).isEqualTo(48);

    StringBuilder json = new StringBuilder("{\"meta\":{\"n\":3},\"data\":{\"items\":[");
    for (int i = 0; i < 30; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"time\":\"")
          .append(START.plusHours(i))
          .append(":00\",\"value\":")
          .append(wave(i))
          .append('}');
    }
    json.append("]}}");
    server.then(ok(json.toString(), "application/json"));
    SourceFetch.Request q =
        new SourceFetch.Request(
            "api",
            server.uri("/v1/readings"),
            null,
            FetcherTest.fast(0),
            InputSpec.of("x"),
            null,
            Duration.ofDays(1),
            dir.resolve("data"),
            "data.items");
    SourceFetch.Result j = fetch.run(q, store);
    assertThat(j.ok()).as(j.error()).isTrue();
    assertThat(j.file()).hasFileName("api.json");
    assertThat(j.snapshot().rows()).isEqualTo(30);
    server.then(ok(json.toString(), "application/json"));
    SourceFetch.Request wrong =
        new SourceFetch.Request(
            "api",
            server.uri("/v1/readings"),
            null,
            FetcherTest.fast(0),
            InputSpec.of("x"),
            null,
            null,
            dir.resolve("data"),
            "data.rows");
    assertThat(fetch.run(wrong, store).error()).contains("no array of records at 'data.rows'");
  }

  @Test
  void theSameHistoryIsKeptInPostgres() {
    try (Ledger pg = Ledger.open(TestDatabases.fresh(LedgerDialect.POSTGRES, dir))) {
      SourceLedger pgStore = new SourceLedger(pg);
      server.then(ok(csv("time,value", 0, 48, SourceFetchTest::wave)), status(404));
      SourceFetch.Result a = fetch.run(request(server.uri("/feed.csv")), pgStore);
      assertThat(a.ok()).as(a.error()).isTrue();
      clock.now = clock.now.plusSeconds(3600);
      SourceFetch.Result b = fetch.run(request(server.uri("/feed.csv")), pgStore);
      assertThat(b.error()).contains("HTTP 404 Not Found");
      SourceLedger.Status st = pgStore.statuses().get(0);
      assertThat(st.lastSnapshot().snapshot().fetchedAt()).isEqualTo(a.snapshot().fetchedAt());
      assertThat(st.lastSnapshot().snapshot().columns()).isEqualTo(a.snapshot().columns());
      assertThat(st.lastFailure().reason()).isEqualTo("HTTP 404 Not Found");
      assertThat(st.failedInRow()).isEqualTo(1);
      assertThat(pgStore.attempts(b.pullId())).extracting(Attempt::status).containsExactly(404);
    }
  }
}
