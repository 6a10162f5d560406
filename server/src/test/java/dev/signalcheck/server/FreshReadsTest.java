package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.ledger.ReportUpload;
import dev.signalcheck.ledger.RunRecorder;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read routes keep their answers ({@link ReadCache}), and nothing stale is served: whatever
 * changed the ledger (this server, or another process on the same file) or the server's stored
 * reports shows in the very next answer, and every call served from what was kept is still a usage
 * event. Each check reads the answer first (so it is kept), changes something, then reads again.
 */
class FreshReadsTest {
  @TempDir Path dir;

  @Test
  void changesShowAtOnceAndEveryViewIsStillAnEvent() throws Exception {
    LedgerLocation loc = LedgerLocation.sqlite(dir.resolve("ledger.db"));
    long run;
    long pushed;
    int views = 7;
    try (TestServer s = new TestServer(loc, dir)) {
      HttpResponse<String> r =
          s.audit(s.write, "a.csv", TestServer.csv(100, 3), TestServer.quick("first"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      run = TestServer.json(r).get("runId").asLong();
      String report = s.get("/api/v1/runs/" + run + "/report.json", s.read).body();

      // a run recorded by another process appears in the listing and the projects at once
      assertThat(runIds(s)).containsExactly(run);
      assertThat(projects(s)).contains("first").doesNotContain("elsewhere");
      try (Ledger other = Ledger.open(loc)) {
        ReportUpload.record(
            new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)),
            "report.json",
            other,
            "elsewhere",
            RunRecorder.Provenance.upload("someone"));
      }
      assertThat(runIds(s)).hasSize(2).contains(run);
      assertThat(projects(s)).contains("first", "elsewhere");

      // a run pushed to this server without its page: no page; pushed again with it: the page
      HttpResponse<String> up = s.push("pushed", report);
      assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
      pushed = TestServer.json(up).get("runId").asLong();
      assertThat(runIds(s)).hasSize(3).contains(pushed);
      String html = s.get("/api/v1/runs/" + run + "/report.html", s.read).body();
      assertThat(TestServer.json(s.get("/api/v1/runs/" + pushed, s.read)).get("stored").asBoolean())
          .isFalse();
      assertThat(s.get("/api/v1/runs/" + pushed + "/report.html", s.read).statusCode())
          .isEqualTo(404);
      TestServer.Multipart m = new TestServer.Multipart();
      m.field("project", "pushed");
      m.file("report", "report.json", report.getBytes(StandardCharsets.UTF_8));
      m.file("html", "report.html", html.getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> again = s.post("/api/v1/runs", s.write, m.contentType(), m.body());
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(TestServer.json(again).get("runId").asLong()).isEqualTo(pushed);
      assertThat(TestServer.json(s.get("/api/v1/runs/" + pushed, s.read)).get("stored").asBoolean())
          .isTrue();
      assertThat(s.get("/api/v1/runs/" + pushed + "/report.html", s.read).statusCode())
          .isEqualTo(200);

      // a token used again and again, then revoked by another process: refused at once
      String t;
      try (Ledger l = Ledger.open(loc)) {
        t = Tokens.create(l, "soon-revoked", Scope.READ).token();
      }
      for (int i = 0; i < 3; i++) {
        assertThat(s.get("/api/v1/runs", t).statusCode()).isEqualTo(200);
      }
      try (Ledger l = Ledger.open(loc)) {
        Tokens.revoke(l, "soon-revoked");
      }
      assertThat(s.get("/api/v1/runs", t).statusCode()).isEqualTo(401);
      assertThat(s.get("/api/v1/runs/" + run, t).statusCode()).isEqualTo(401);

      // share links: revoked through the API, or by another process: gone at once
      for (boolean throughApi : List.of(true, false)) {
        JsonNode sh =
            TestServer.json(
                s.post(
                    "/api/v1/shares",
                    s.write,
                    "application/json",
                    ("{\"runId\": " + run + "}").getBytes(StandardCharsets.UTF_8)));
        String url = sh.get("url").asText();
        assertThat(s.get(url, null).statusCode()).isEqualTo(200);
        assertThat(s.get(url, null).statusCode()).isEqualTo(200);
        long id = sh.get("id").asLong();
        if (throughApi) {
          HttpResponse<String> del =
              s.send(
                  HttpRequest.newBuilder(s.uri("/api/v1/shares/" + id))
                      .header("Authorization", "Bearer " + s.write)
                      .DELETE()
                      .build());
          assertThat(del.statusCode()).isEqualTo(200);
        } else {
          try (Ledger l = Ledger.open(loc)) {
            Shares.revoke(l, id);
          }
        }
        assertThat(s.get(url, null).statusCode()).isEqualTo(404);
      }

      // the same documents again and again, kept: each call an event all the same
      for (int i = 0; i < views; i++) {
        assertThat(s.get("/api/v1/runs/" + pushed, s.read).statusCode()).isEqualTo(200);
        assertThat(s.get("/api/v1/runs/" + pushed + "/report.html", s.read).statusCode())
            .isEqualTo(200);
      }
    }
    try (Ledger l = Ledger.open(loc)) {
      List<String> seen =
          Db.query(
              l,
              "SELECT action || ' ' || project FROM usage_event WHERE run_id = ? AND actor ="
                  + " 'reader' ORDER BY id",
              rs -> rs.getString(1),
              pushed);
      // the first GET of each said 'no page' (404) and the one after the second push; then the loop
      assertThat(seen.stream().filter("view-run pushed"::equals)).hasSize(views + 2);
      assertThat(seen.stream().filter("view-report pushed"::equals)).hasSize(views + 1);
    }
  }

  private static List<Long> runIds(TestServer s) {
    JsonNode l = TestServer.json(s.get("/api/v1/runs?limit=20", s.read));
    List<Long> ids = new java.util.ArrayList<>();
    l.get("runs").forEach(r -> ids.add(r.get("id").asLong()));
    return ids;
  }

  private static List<String> projects(TestServer s) {
    List<String> names = new java.util.ArrayList<>();
    TestServer.json(s.get("/api/v1/projects", s.read))
        .get("projects")
        .forEach(p -> names.add(p.get("name").asText()));
    return names;
  }
}
