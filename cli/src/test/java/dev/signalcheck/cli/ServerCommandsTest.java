package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.server.ServerConfig;
import dev.signalcheck.server.SignalcheckServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token create|list|revoke}, {@code ledger usage}, and {@code audit --push} to a server. */
class ServerCommandsTest {
  @TempDir Path dir;

  private Path data(String name, int n, long seed) throws Exception {
    StringBuilder b = new StringBuilder("t,value\n");
    Random r = new Random(seed);
    for (int i = 1; i <= n; i++) {
      b.append(i)
          .append(',')
          .append(
              String.format(
                  Locale.ROOT, "%.3f", 50 + 5 * Math.sin(i * Math.PI / 6) + r.nextGaussian()))
          .append('\n');
    }
    return Cli.file(dir, name, b.toString());
  }

  private static String[] audit(Path in, String ledger, Path out, String... extra) {
    String[] base = {
      "audit",
      in.toString(),
      "--time",
      "t",
      "--step",
      "1",
      "--season",
      "12",
      "--horizon",
      "12",
      "--models",
      "naive,seasonal-naive,ses",
      "--no-progress",
      "--ledger",
      ledger,
      "--out",
      out.toString()
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void tokensAreShownOnceListedAndRevoked() {
    String ledger = dir.resolve("l.db").toString();
    Cli c = Cli.run("token", "create", "--name", "ci", "--scope", "write", "--ledger", ledger);
    assertThat(c.exit).as(c.err).isZero();
    String token = c.out.strip();
    assertThat(token).matches("sct_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{20,}");
    assertThat(c.err).contains("shown only now");
    Cli list = Cli.run("token", "list", "--ledger", ledger);
    assertThat(list.out).contains("ci").contains("write").contains("active");
    // the secret is nowhere but in what create printed
    assertThat(list.out).doesNotContain(token.substring(token.indexOf('.') + 1));
    Cli.oneLineError(
        Cli.run("token", "create", "--name", "ci", "--scope", "read", "--ledger", ledger),
        2,
        "already exists");
    Cli.oneLineError(
        Cli.run("token", "create", "--name", "x", "--scope", "root", "--ledger", ledger),
        2,
        "read, write or admin");
    assertThat(Cli.run("token", "revoke", "ci", "--ledger", ledger).out).contains("revoked");
    assertThat(Cli.run("token", "list", "--ledger", ledger).out).contains("revoked");
    Cli.oneLineError(Cli.run("token", "revoke", "nobody", "--ledger", ledger), 2, "no token");
  }

  @Test
  void auditsAreUsageEventsAndPushedReportsReachTheServer() throws Exception {
    String ledger = dir.resolve("local.db").toString();
    Path in = data("plant.csv", 120, 1);
    Cli a = Cli.run(audit(in, ledger, dir.resolve("r1"), "--project", "plant"));
    assertThat(a.exit).as(a.err).isZero();
    JsonNode u =
        new ObjectMapper().readTree(Cli.run("ledger", "usage", "--ledger", ledger, "--json").out);
    assertThat(u.get("events").asLong()).isEqualTo(1);
    assertThat(u.at("/projects/0/project").asText()).isEqualTo("plant");
    assertThat(u.at("/runs/0/views").asLong()).isZero();
    Cli text = Cli.run("ledger", "usage", "--ledger", ledger, "--project", "plant");
    assertThat(text.out).contains("1 events by 1 actors").contains("never viewed");

    // a server with its own ledger; the audit pushes its report there
    LedgerLocation serverLedger = LedgerLocation.sqlite(dir.resolve("server.db"));
    String token = writeToken(serverLedger);
    try (SignalcheckServer s =
        SignalcheckServer.start(ServerConfig.of(serverLedger, dir.resolve("data")).withPort(0))) {
      String url = "http://127.0.0.1:" + s.port();
      Cli pushed =
          Cli.run(
              audit(
                  data("line2.csv", 130, 2),
                  ledger,
                  dir.resolve("r2"),
                  "--project",
                  "plant",
                  "--push",
                  url,
                  "--token",
                  token));
      assertThat(pushed.exit).as(pushed.err).isZero();
      assertThat(pushed.out).contains("pushed: recorded as run").contains("project 'plant'");
      HttpResponse<String> runs =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/api/v1/runs?project=plant"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      JsonNode j = new ObjectMapper().readTree(runs.body());
      assertThat(j.get("runs")).hasSize(1);
      assertThat(j.at("/runs/0/origin").asText()).isEqualTo("upload");
      assertThat(j.at("/runs/0/source").asText()).isEqualTo("line2.csv");
      long id = j.at("/runs/0/id").asLong();
      assertThat(dir.resolve("data/runs/" + id + "/report.html")).exists();
      assertThat(Files.readString(dir.resolve("data/runs/" + id + "/report.json")))
          .isEqualTo(Files.readString(dir.resolve("r2/report.json")));
      // a wrong token: one line, exit 3, the local report still written
      Cli refused =
          Cli.run(
              audit(
                  data("line3.csv", 125, 3),
                  ledger,
                  dir.resolve("r3"),
                  "--push",
                  url,
                  "--token",
                  "sct_AAAAAAAAAAAA.wrong"));
      Cli.oneLineError(refused, 3, "refused the report", "unknown or revoked");
      assertThat(dir.resolve("r3/report.json")).exists();
    }
    Cli.oneLineError(
        Cli.run(audit(in, ledger, dir.resolve("r4"), "--token", "x")), 2, "--token is for --push");
  }

  @Test
  void aRedactedAuditSaysSoInItsReportAndTheServerShowsItSo() throws Exception {
    String ledger = dir.resolve("local.db").toString();
    LedgerLocation serverLedger = LedgerLocation.sqlite(dir.resolve("server.db"));
    String token = writeToken(serverLedger);
    try (SignalcheckServer s =
        SignalcheckServer.start(ServerConfig.of(serverLedger, dir.resolve("data")).withPort(0))) {
      String url = "http://127.0.0.1:" + s.port();
      for (boolean redact : new boolean[] {false, true}) {
        String project = redact ? "outside" : "team";
        Path out = dir.resolve(project);
        String[] extra =
            redact
                ? new String[] {"--project", project, "--push", url, "--token", token, "--redact"}
                : new String[] {"--project", project, "--push", url, "--token", token};
        Cli c = Cli.run(audit(data(project + ".csv", 120, 5), ledger, out, extra));
        assertThat(c.exit).as(c.err).isZero();
        // the report says it is redacted, in the shipped schema, and only when it is
        JsonNode report = Cli.validReport(out.resolve("report.json"));
        assertThat(report.has("redacted")).isEqualTo(redact);
        assertThat(report.path("redacted").asBoolean(false)).isEqualTo(redact);
        JsonNode runs = get(url + "/api/v1/runs?project=" + project, token);
        long id = runs.at("/runs/0/id").asLong();
        assertThat(get(url + "/api/v1/runs/" + id, token).get("redacted").asBoolean())
            .as(project)
            .isEqualTo(redact);
      }
    }
  }

  private static JsonNode get(String url, String token) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  /** A write token made with {@code token create} in a server's ledger. */
  private static String writeToken(LedgerLocation ledger) {
    return Cli.run(
            "token",
            "create",
            "--name",
            "laptop",
            "--scope",
            "write",
            "--ledger",
            ledger.file().toString())
        .out
        .strip();
  }
}
