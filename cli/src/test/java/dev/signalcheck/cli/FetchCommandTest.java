package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch}, {@code sources} and {@code watch} end to end, against a server on 127.0.0.1. */
class FetchCommandTest {

  static final LocalDateTime START = LocalDateTime.of(2026, 3, 1, 0, 0);

  @TempDir Path dir;
  HttpServer server;
  final AtomicReference<String> body = new AtomicReference<>();
  final AtomicReference<Integer> status = new AtomicReference<>(200);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          int st = status.get();
          if (st != 200) {
            ex.sendResponseHeaders(st, -1);
          } else {
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/csv");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
              o.write(b);
            }
          }
          ex.close();
        });
    server.start();
    FetchCommand.clock = Clock.fixed(hour(120).plusSeconds(600), ZoneOffset.UTC);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    FetchCommand.clock = Clock.systemUTC();
    SourcesCommand.clock = Clock.systemUTC();
    WatchCommand.clock = Clock.systemUTC();
  }

  static Instant hour(int h) {
    return START.plusHours(h).toInstant(ZoneOffset.UTC);
  }

  static String csv(int n, int revisedAt) {
    StringBuilder sb = new StringBuilder("time,value\n");
    for (int i = 0; i < n; i++) {
      double v = 20 + 5 * Math.sin(2 * Math.PI * i / 24) + (i * 37 % 11) / 10.0;
      if (i == revisedAt) {
        v += 9;
      }
      sb.append(START.plusHours(i)).append(":00,").append(String.format("%.2f", v)).append('\n');
    }
    return sb.toString();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.csv";
  }

  String[] fetch(String... extra) {
    return fetchFrom(url(), "feed", extra);
  }

  /** A fetch of a source into the test's ledger, audited with the two baselines. */
  String[] fetchFrom(String source, String name, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "fetch",
                source,
                "--source",
                name,
                "--ledger",
                dir.resolve("ledger.db").toString(),
                "--data",
                dir.resolve("data").toString(),
                "--models",
                "naive,seasonal-naive",
                "--origins",
                "1",
                "--json",
                dir.resolve("report.json").toString(),
                "--no-progress",
                "--retries",
                "1"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void aFetchIsRecordedThenAuditedWithItsSourceFindings() throws Exception {
    body.set(csv(121, -1));
    Cli first = Cli.run(fetch());
    assertThat(first.exit).as(first.err).isZero();
    assertThat(first.out)
        .contains("fetch: feed · 1 attempt · 121 rows, newest 2026-03-06T00:00:00");
    JsonNode r1 = Cli.validReport(dir.resolve("report.json"));
    assertThat(r1.path("series").size()).isEqualTo(1);
    // the next pull: the feed moved on by a few hours but rewrote one value of the past
    FetchCommand.clock = Clock.fixed(hour(126).plusSeconds(600), ZoneOffset.UTC);
    body.set(csv(124, 30));
    Cli second = Cli.run(fetch("--fail-on", "warning"));
    assertThat(second.exit).as(second.err).isEqualTo(1);
    JsonNode r2 = Cli.validReport(dir.resolve("report.json"));
    List<String> checks = new ArrayList<>();
    r2.path("findings").forEach(f -> checks.add(f.path("check").asText()));
    assertThat(checks).contains("source.revised");
    JsonNode revised = null;
    for (JsonNode f : r2.path("findings")) {
      if (f.path("check").asText().equals("source.revised")) {
        revised = f;
      }
    }
    assertThat(revised.path("category").asText()).isEqualTo("external-dependency");
    assertThat(revised.path("intervals").get(0).path("from").asText())
        .isEqualTo("2026-03-02T06:00:00");
    assertThat(second.out).contains("source.revised");
    assertThat(r2.path("summary").path("findings").path("warning").asInt()).isPositive();
    // the newest is 2026-03-06T03:00, pulled at 06:10: three steps late
    assertThat(checks).contains("source.stale");

    SourcesCommand.clock = Clock.fixed(hour(126).plusSeconds(600), ZoneOffset.UTC);
    Cli list = Cli.run("sources", "--json", "--ledger", dir.resolve("ledger.db").toString());
    assertThat(list.exit).as(list.err).isZero();
    JsonNode doc = new ObjectMapper().readTree(list.out);
    JsonNode feed = doc.path("sources").get(0);
    assertThat(feed.path("name").asText()).isEqualTo("feed");
    assertThat(feed.path("pulls").asInt()).isEqualTo(2);
    assertThat(feed.path("lastSuccess").path("rows").asInt()).isEqualTo(124);
    assertThat(feed.path("staleness").path("stepsBehind").asInt()).isEqualTo(3);
    assertThat(feed.path("changes").toString()).contains("source.revised");
  }

  @Test
  void aSourceThatIsDownIsExitThreeWithOneLineAndNothingLost() throws Exception {
    body.set(csv(121, -1));
    assertThat(Cli.run(fetch()).exit).isZero();
    status.set(503);
    Cli down = Cli.run(fetch());
    Cli.oneLineError(
        down,
        3,
        "source 'feed' is unavailable: all 2 attempts failed (last: HTTP 503 Service Unavailable)",
        "not evaluated, the previous snapshot (2026-03-06T00:10:00Z, 121 rows) is kept");
    assertThat(down.out).contains("fetch: feed · 2 attempts (http-error 503, http-error 503)");
    Cli list = Cli.run("sources", "--ledger", dir.resolve("ledger.db").toString());
    assertThat(list.out)
        .contains("last success  2026-03-06T00:10:00Z · 121 rows")
        .contains("last failure  2026-03-06T00:10:00Z · HTTP 503 Service Unavailable")
        .contains("source.unavailable");
  }

  @Test
  void optionsAreCheckedBeforeAnythingIsFetched() {
    Cli.oneLineError(
        Cli.run(fetch("--header", "Authorization: env:SIGNALCHECK_SURELY_UNSET_VAR")),
        2,
        "environment variable SIGNALCHECK_SURELY_UNSET_VAR, which is not set");
    Cli.oneLineError(
        Cli.run("fetch", "jdbc:postgresql://localhost/db", "--source", "x"),
        2,
        "needs either --table NAME or --query");
    Cli.oneLineError(Cli.run(fetch("--no-ledger")), 2, "--no-ledger cannot be used");
    Cli.oneLineError(Cli.run(fetch("--timeout", "soon")), 2, "--timeout 'soon' is not a duration");
    Cli bad = Cli.run("fetch", url(), "--source", "../etc");
    Cli.oneLineError(bad, 2, "not a valid source name");
  }

  @Test
  void watchOncePullsWhatIsDueAndThenNothing() throws Exception {
    body.set(csv(121, -1));
    Path local = Cli.file(dir, "local.csv", csv(121, -1));
    Path yaml =
        Cli.file(
            dir,
            "sources.yaml",
            "data: "
                + dir.resolve("data")
                + "\nsources:\n"
                + "  - name: remote\n"
                + "    url: "
                + url()
                + "\n    every: 1h\n    retries: 0\n"
                + "  - name: local\n"
                + "    url: "
                + local.toUri()
                + "\n    every: 30m\n    maxDelay: 1d\n");
    WatchCommand.clock = Clock.fixed(hour(120).plusSeconds(600), ZoneOffset.UTC);
    String ledger = dir.resolve("ledger.db").toString();
    String out = dir.resolve("reports").toString();
    Cli once = Cli.run("watch", yaml.toString(), "--once", "--ledger", ledger, "--out", out);
    assertThat(once.exit).as(once.err).isZero();
    assertThat(once.out).contains("fetch: remote · 1 attempt").contains("fetch: local · 1 attempt");
    assertThat(Files.list(dir.resolve("data/local")).count()).isEqualTo(1);
    // each successful pull is audited: its report is written under --out, one folder per source
    assertThat(dir.resolve("reports/local/report.json")).exists();
    // ten minutes later nothing is due
    WatchCommand.clock = Clock.fixed(hour(120).plusSeconds(1200), ZoneOffset.UTC);
    Cli again = Cli.run("watch", yaml.toString(), "--once", "--ledger", ledger, "--out", out);
    assertThat(again.exit).isZero();
    assertThat(again.out).isEmpty();
    // forty minutes later the local source is due, the remote one is not
    WatchCommand.clock = Clock.fixed(hour(120).plusSeconds(3000), ZoneOffset.UTC);
    status.set(500);
    Cli later = Cli.run("watch", yaml.toString(), "--once", "--ledger", ledger, "--out", out);
    assertThat(later.out).contains("fetch: local").doesNotContain("remote");
    assertThat(later.exit).isZero();
    Cli.oneLineError(
        Cli.run(
            "watch",
            Cli.file(dir, "bad.yaml", "sources:\n  - name: a\n    ur: x\n").toString(),
            "--once",
            "--ledger",
            ledger),
        3,
        "unknown key 'ur'");
  }

  @Test
  void aDatabaseTableIsFetchedAuditedAndAnUnreachableOneIsExitThree() throws Exception {
    Path db = dir.resolve("plant.db");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE TABLE readings (ts TEXT, value REAL)");
      StringBuilder insert = new StringBuilder("INSERT INTO readings VALUES ");
      for (int i = 0; i < 72; i++) {
        insert.append(i == 0 ? "" : ", ").append("('").append(hour(i).toString()).append("', ");
        insert.append(10 + Math.sin(i * Math.PI / 12)).append(')');
      }
      st.execute(insert.toString());
    }
    FetchCommand.clock = Clock.fixed(hour(72).plusSeconds(600), ZoneOffset.UTC);
    String[] args = fetchFrom("jdbc:sqlite:" + db, "plant", "--table", "readings");
    Cli ok = Cli.run(args);
    assertThat(ok.exit).as(ok.err).isZero();
    assertThat(ok.out).contains("fetch: plant · 1 attempt · 72 rows");
    assertThat(Cli.validReport(dir.resolve("report.json")).path("series").size()).isEqualTo(1);
    Files.move(db, dir.resolve("moved.db"));
    Cli gone = Cli.run(args);
    Cli.oneLineError(gone, 3, "plant");
    Cli list = Cli.run("sources", "--json", "--ledger", dir.resolve("ledger.db").toString());
    JsonNode src = new ObjectMapper().readTree(list.out).path("sources").get(0);
    assertThat(src.at("/lastSuccess/rows").asLong()).isEqualTo(72);
    assertThat(src.at("/failing/pulls").asLong()).isEqualTo(1);
  }
}
