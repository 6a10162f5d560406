package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload field {@code redact}: the run's report.json and report.html hold none of the uploaded
 * values, and a share link says whether its report embeds raw values; a report.json pushed to
 * {@code POST /api/v1/runs} carries its redaction marker, and the API, share links and the run page
 * follow it.
 */
class RedactTest {

  @TempDir Path dir;

  @Test
  void aRedactedUploadKeepsNoRawValueAndItsShareLinkSaysSo() throws Exception {
    try (TestServer s = new TestServer(TestDatabases.fresh(LedgerDialect.SQLITE, dir), dir)) {
      byte[] csv = TestServer.csv(120, 4);
      List<String> values =
          Arrays.stream(new String(csv, StandardCharsets.UTF_8).split("\n"))
              .skip(1)
              .map(l -> l.substring(l.indexOf(',') + 1))
              .toList();
      long plain = run(s, csv, Map.of());
      long redacted = run(s, csv, Map.of("redact", "true"));
      // the same data unredacted: its charts carry the values, so the search below can find them
      String plainHtml = s.get("/api/v1/runs/" + plain + "/report.html", s.read).body();
      assertThat(values.stream().filter(plainHtml::contains)).isNotEmpty();
      for (String file : List.of("report.json", "report.html")) {
        HttpResponse<String> r = s.get("/api/v1/runs/" + redacted + "/" + file, s.read);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(values).noneMatch(r.body()::contains);
      }
      assertThat(share(s, plain).get("rawValues").asBoolean()).isTrue();
      JsonNode sh = share(s, redacted);
      assertThat(sh.get("rawValues").asBoolean()).isFalse();
      assertThat(sh.get("note").asText()).contains("redacted");
      // the dashboard's run page says the same before a link is made
      Dash d = new Dash(s);
      d.signIn(s.write);
      assertThat(d.get("/runs/" + redacted).body()).contains("values scaled to [0, 1]");
      assertThat(d.get("/runs/" + plain).body()).contains("the series' raw values");
    }
  }

  @Test
  void aPushedReportKeepsItsRedactionMarkerAndIsShownAsItSays() throws Exception {
    Path a = Files.createDirectories(dir.resolve("maker"));
    Path b = Files.createDirectories(dir.resolve("receiver"));
    try (TestServer maker = new TestServer(TestDatabases.fresh(LedgerDialect.SQLITE, a), a);
        TestServer s = new TestServer(TestDatabases.fresh(LedgerDialect.SQLITE, b), b)) {
      byte[] csv = TestServer.csv(120, 7);
      Map<Boolean, Long> pushed = new LinkedHashMap<>();
      for (boolean redact : List.of(false, true)) {
        long made = run(maker, csv, redact ? Map.of("redact", "true") : Map.of());
        String json = maker.get("/api/v1/runs/" + made + "/report.json", maker.read).body();
        String html = maker.get("/api/v1/runs/" + made + "/report.html", maker.read).body();
        // the report says so itself, and only when it is redacted
        JsonNode report = TestServer.JSON.readTree(json);
        assertThat(report.has("redacted")).isEqualTo(redact);
        assertThat(report.path("redacted").asBoolean(false)).isEqualTo(redact);
        pushed.put(redact, push(s, json, html));
      }
      Dash d = new Dash(s);
      d.signIn(s.write);
      for (Map.Entry<Boolean, Long> e : pushed.entrySet()) {
        boolean redact = e.getKey();
        long id = e.getValue();
        JsonNode run = TestServer.json(s.get("/api/v1/runs/" + id, s.read));
        assertThat(run.get("origin").asText()).isEqualTo("upload");
        assertThat(run.get("redacted").asBoolean()).as("run " + id).isEqualTo(redact);
        assertThat(share(s, id).get("rawValues").asBoolean()).as("run " + id).isEqualTo(!redact);
        assertThat(d.get("/runs/" + id).body())
            .contains("class=\"note redaction\" data-redacted=\"" + redact + "\"");
      }
      // the redacted report again: the run already there (200), still redacted
      long red = pushed.get(true);
      HttpResponse<String> again =
          send(
              s,
              s.get("/api/v1/runs/" + red + "/report.json", s.read).body(),
              s.get("/api/v1/runs/" + red + "/report.html", s.read).body());
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(TestServer.json(again).get("runId").asLong()).isEqualTo(red);
      assertThat(TestServer.json(s.get("/api/v1/runs/" + red, s.read)).get("redacted").asBoolean())
          .isTrue();
      // a marker of the wrong type is not a report of the schema
      ObjectNode wrong =
          (ObjectNode)
              TestServer.JSON.readTree(
                  s.get("/api/v1/runs/" + pushed.get(true) + "/report.json", s.read).body());
      wrong.put("redacted", "yes");
      HttpResponse<String> bad =
          s.post(
              "/api/v1/runs",
              s.write,
              "application/json",
              TestServer.JSON.writeValueAsBytes(wrong));
      assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
      assertThat(bad.body()).contains("schema");
    }
  }

  /** Pushes a report.json and its report.html as {@code audit --push} does; the new run's id. */
  private static long push(TestServer s, String json, String html) {
    HttpResponse<String> r = send(s, json, html);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestServer.json(r).get("runId").asLong();
  }

  private static HttpResponse<String> send(TestServer s, String json, String html) {
    TestServer.Multipart m =
        new TestServer.Multipart()
            .file("report", "report.json", json.getBytes(StandardCharsets.UTF_8))
            .file("html", "report.html", html.getBytes(StandardCharsets.UTF_8));
    return s.post("/api/v1/runs", s.write, m.contentType(), m.body());
  }

  private static long run(TestServer s, byte[] csv, Map<String, String> extra) {
    Map<String, String> f = TestServer.quick("clients");
    f.putAll(extra);
    HttpResponse<String> r = s.audit(s.write, "sales.csv", csv, f);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestServer.json(r).get("runId").asLong();
  }

  private static JsonNode share(TestServer s, long run) {
    HttpResponse<String> r =
        s.post(
            "/api/v1/shares",
            s.write,
            "application/json",
            ("{\"runId\": " + run + "}").getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestServer.json(r);
  }
}
