package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The API's round trip on a real server, over SQLite and over a real PostgreSQL. */
class ApiTest {

  @TempDir Path dir;

  static Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void auditRecordServeCompareShareAndCountTheUse(LedgerDialect dialect) throws Exception {
    try (TestServer s = new TestServer(TestDatabases.fresh(dialect, dir), dir)) {
      // an audit of an uploaded file: recorded, summarised, linked
      HttpResponse<String> r =
          s.audit(s.write, "shop sales.csv", TestServer.csv(120, 1), TestServer.quick("shop"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode a = TestServer.json(r);
      long run = a.get("runId").asLong();
      assertThat(a.get("project").asText()).isEqualTo("shop");
      assertThat(a.at("/summary/series").asInt()).isEqualTo(1);
      assertThat(a.at("/links/html").asText()).isEqualTo("/api/v1/runs/" + run + "/report.html");
      // the upload is gone, the reports are kept
      try (var w = Files.list(s.data.resolve("work"))) {
        assertThat(w).isEmpty();
      }
      assertThat(s.data.resolve("kept")).doesNotExist();

      JsonNode list = TestServer.json(s.get("/api/v1/runs?project=shop", s.read));
      assertThat(list.get("runs")).hasSize(1);
      assertThat(list.at("/runs/0/id").asLong()).isEqualTo(run);
      assertThat(list.at("/runs/0/source").asText()).isEqualTo("shop_sales.csv");
      assertThat(list.at("/runs/0/user").asText()).isEqualTo("writer");

      JsonNode one = TestServer.json(s.get("/api/v1/runs/" + run, s.read));
      assertThat(one.get("project").asText()).isEqualTo("shop");
      assertThat(one.get("seriesRows")).hasSize(1);
      assertThat(one.get("stored").asBoolean()).isTrue();

      HttpResponse<String> html = s.get("/api/v1/runs/" + run + "/report.html", s.read);
      assertThat(html.statusCode()).isEqualTo(200);
      assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(html.headers().firstValue("Content-Security-Policy").orElse(""))
          .contains("script-src 'sha256-")
          .contains("frame-ancestors 'self'");
      assertThat(html.body()).contains("shop_sales.csv").contains("id=\"report-data\"");

      // the same report sent back as a report.json from elsewhere, into another project
      String report = s.get("/api/v1/runs/" + run + "/report.json", s.read).body();
      assertThat(TestServer.JSON.readTree(report).get("schemaVersion").asInt()).isEqualTo(1);
      HttpResponse<String> up = s.push("pushed", report);
      assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
      long pushed = TestServer.json(up).get("runId").asLong();
      assertThat(pushed).isNotEqualTo(run);
      // sent twice: the same run
      HttpResponse<String> again = s.push("pushed", report);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(TestServer.json(again).get("runId").asLong()).isEqualTo(pushed);
      assertThat(TestServer.json(again).get("duplicate").asBoolean()).isTrue();

      JsonNode projects = TestServer.json(s.get("/api/v1/projects", s.read));
      assertThat(projects.get("projects").findValuesAsText("name")).contains("shop", "pushed");

      JsonNode cmp = TestServer.json(s.get("/api/v1/compare?a=" + run + "&b=" + pushed, s.read));
      assertThat(cmp.get("seriesInBoth").asInt()).isEqualTo(1);
      assertThat(cmp.get("verdictChanges")).isEmpty();

      // a share link: readable without a token until revoked
      HttpResponse<String> sh =
          s.post(
              "/api/v1/shares",
              s.write,
              "application/json",
              ("{\"runId\": " + run + ", \"expiresInDays\": 2}").getBytes(StandardCharsets.UTF_8));
      assertThat(sh.statusCode()).as(sh.body()).isEqualTo(201);
      JsonNode share = TestServer.json(sh);
      assertThat(share.get("note").asText()).contains("values");
      String url = share.get("url").asText();
      HttpResponse<String> viewed = s.get(url, null);
      assertThat(viewed.statusCode()).isEqualTo(200);
      assertThat(viewed.body()).contains("id=\"report-data\"");
      HttpResponse<String> revoked =
          s.send(
              java.net.http.HttpRequest.newBuilder(
                      s.uri("/api/v1/shares/" + share.get("id").asLong()))
                  .header("Authorization", "Bearer " + s.write)
                  .DELETE()
                  .build());
      assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
      assertThat(s.get(url, null).statusCode()).isEqualTo(404);

      // usage: the run was viewed by the reader (API) and by the share link
      JsonNode usage = TestServer.json(s.get("/api/v1/usage?project=shop", s.read));
      JsonNode u = null;
      for (JsonNode x : usage.get("runs")) {
        if (x.get("runId").asLong() == run) {
          u = x;
        }
      }
      assertThat(u).as(usage.toString()).isNotNull();
      // the reader's GET /runs/{id} and its report.html, and the share link's view
      assertThat(u.get("views").asLong()).isEqualTo(3);
      assertThat(u.get("actors").asLong()).isEqualTo(3); // writer (audit, share), reader, share:N
      assertThat(u.get("repeatActors").asLong()).isZero(); // all on one day
      assertThat(usage.get("projects").findValuesAsText("project")).containsExactly("shop");
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void keepTrueKeepsTheUpload(LedgerDialect dialect) {
    try (TestServer s = new TestServer(TestDatabases.fresh(dialect, dir), dir)) {
      Map<String, String> f = TestServer.quick("kept");
      f.put("keep", "true");
      HttpResponse<String> r = s.audit(s.write, "k.csv", TestServer.csv(90, 2), f);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      long run = TestServer.json(r).get("runId").asLong();
      assertThat(s.data.resolve("kept").resolve(Long.toString(run)).resolve("k.csv")).exists();
    }
  }
}
