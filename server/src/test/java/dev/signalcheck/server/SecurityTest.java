package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route without a token, with too little scope, with a revoked token; expired and revoked
 * share links; path traversal in ids; oversized and malformed uploads; CSRF on the dashboard's
 * forms. Errors are JSON one-liners, never stack traces, and every answer has a CSP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

  @TempDir static Path dir;
  TestServer s;
  long run;

  static final List<String> GETS =
      List.of(
          "/api/v1/runs",
          "/api/v1/runs/1",
          "/api/v1/runs/1/report.html",
          "/api/v1/runs/1/report.json",
          "/api/v1/projects",
          "/api/v1/compare?a=1&b=1",
          "/api/v1/usage",
          "/api/v1/no-such-route");
  static final List<String> POSTS = List.of("/api/v1/audits", "/api/v1/runs", "/api/v1/shares");

  @BeforeAll
  void start() {
    s =
        new TestServer(
            LedgerLocation.sqlite(dir.resolve("ledger.db")), dir, 20_000, Duration.ofSeconds(10));
    HttpResponse<String> r =
        s.audit(s.write, "a.csv", TestServer.csv(100, 3), TestServer.quick("p"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    run = TestServer.json(r).get("runId").asLong();
  }

  @AfterAll
  void stop() {
    s.close();
  }

  private static void jsonError(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    JsonNode j = TestServer.json(r);
    assertThat(j.get("error").asText()).isNotBlank();
    assertThat(r.body())
        .doesNotContain("\tat ")
        .doesNotContain("Exception:")
        .doesNotContain("/tmp/");
  }

  @Test
  void everyRouteNeedsAToken() {
    for (String p : GETS) {
      jsonError(s.get(p, null), 401);
      jsonError(s.get(p, "sct_AAAAAAAAAAAA.nope"), 401);
      jsonError(s.get(p, "garbage"), 401);
    }
    for (String p : POSTS) {
      jsonError(s.post(p, null, "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 401);
    }
    HttpResponse<String> h = s.get("/healthz", null);
    assertThat(h.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(h).get("status").asText()).isEqualTo("ok");
    assertThat(h.body()).doesNotContain(dir.toString());
  }

  @Test
  void aReadTokenCannotWrite() {
    for (String p : POSTS) {
      HttpResponse<String> r =
          s.post(p, s.read, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
      jsonError(r, 403);
      assertThat(TestServer.json(r).get("error").asText()).contains("scope read").contains("write");
    }
    HttpResponse<String> del =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/v1/shares/1"))
                .header("Authorization", "Bearer " + s.read)
                .DELETE()
                .build());
    jsonError(del, 403);
    // a read token reads
    assertThat(s.get("/api/v1/runs", s.read).statusCode()).isEqualTo(200);
  }

  @Test
  void aRevokedTokenIsRefused() {
    String t;
    try (Ledger l = Ledger.open(s.ledger)) {
      t = Tokens.create(l, "short-lived", Scope.WRITE).token();
    }
    assertThat(s.get("/api/v1/runs", t).statusCode()).isEqualTo(200);
    try (Ledger l = Ledger.open(s.ledger)) {
      Tokens.revoke(l, "short-lived");
    }
    jsonError(s.get("/api/v1/runs", t), 401);
  }

  @Test
  void anExpiredOrRevokedShareIsRefused() {
    String expired;
    try (Ledger l = Ledger.open(s.ledger)) {
      expired = Shares.create(l, run, "writer", Instant.now().minusSeconds(60)).value();
    }
    HttpResponse<String> r = s.get("/s/" + expired, null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("expired").doesNotContain("report-data");
    // a forged secret with a real prefix
    String forged = expired.substring(0, expired.indexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAA";
    assertThat(s.get("/s/" + forged, null).statusCode()).isEqualTo(404);
    // a share is read-only: it opens no API route
    jsonError(s.get("/api/v1/runs", expired), 401);
  }

  @Test
  void idsAreNumbersNeverPaths() {
    for (String p :
        List.of(
            "/api/v1/runs/..%2F..%2Fledger.db/report.html",
            "/api/v1/runs/1%2F..%2F..%2F..%2Fetc%2Fpasswd",
            "/api/v1/runs/-1/report.html",
            "/api/v1/runs/1e3",
            "/api/v1/runs/99999999999999999999",
            "/api/v1/compare?a=..%2F1&b=1",
            "/api/v1/runs/%2e%2e/report.json")) {
      HttpResponse<String> r = s.get(p, s.read);
      assertThat(r.statusCode()).as(p + " " + r.body()).isIn(400, 404);
      assertThat(r.body()).doesNotContain("root:").doesNotContain("SQLite format");
    }
    HttpResponse<String> dash =
        s.send(HttpRequest.newBuilder(URI.create(s.base() + "/runs/..%2F..%2Fledger.db")).build());
    assertThat(dash.statusCode()).isIn(303, 400, 404);
  }

  @Test
  void oversizedAndMalformedUploads() {
    // the limit is 20,000 bytes here
    HttpResponse<String> big =
        s.audit(s.write, "big.csv", TestServer.csv(2_000, 4), TestServer.quick("p"));
    jsonError(big, 413);
    assertThat(TestServer.json(big).get("error").asText()).contains("20000 bytes");
    // not multipart
    jsonError(s.post("/api/v1/audits", s.write, "text/csv", TestServer.csv(50, 5)), 415);
    // multipart without the file
    TestServer.Multipart m = new TestServer.Multipart().field("project", "p");
    jsonError(s.post("/api/v1/audits", s.write, m.contentType(), m.body()), 400);
    // a broken multipart body
    jsonError(
        s.post(
            "/api/v1/audits",
            s.write,
            "multipart/form-data; boundary=xyz",
            "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n1,2"
                .getBytes(StandardCharsets.UTF_8)),
        400);
    // an unknown option, a bad option value: 400 with the one-line message
    HttpResponse<String> unknown =
        s.audit(s.write, "a.csv", TestServer.csv(50, 6), Map.of("horizn", "7"));
    jsonError(unknown, 400);
    assertThat(TestServer.json(unknown).get("error").asText()).contains("unknown field 'horizn'");
    jsonError(s.audit(s.write, "a.csv", TestServer.csv(50, 6), Map.of("horizon", "-3")), 400);
    HttpResponse<String> col =
        s.audit(s.write, "a.csv", TestServer.csv(50, 6), Map.of("target", "temprature"));
    jsonError(col, 400);
    assertThat(TestServer.json(col).get("error").asText())
        .contains("temprature")
        .doesNotContain("job-");
    // bad data: 422
    jsonError(
        s.audit(
            s.write,
            "a.csv",
            "time,value\n31/02/2024 25:00,1\nnot a time,2\n".getBytes(StandardCharsets.UTF_8),
            Map.of("time", "time")),
        422);
    jsonError(s.audit(s.write, "a.exe", TestServer.csv(50, 6), Map.of()), 422);
    // a report that is not JSON, or not a report
    jsonError(
        s.post(
            "/api/v1/runs", s.write, "application/json", "{nope".getBytes(StandardCharsets.UTF_8)),
        422);
    HttpResponse<String> notReport =
        s.post(
            "/api/v1/runs",
            s.write,
            "application/json",
            "{\"schemaVersion\": 1, \"series\": []}".getBytes(StandardCharsets.UTF_8));
    jsonError(notReport, 422);
    assertThat(TestServer.json(notReport).get("error").asText()).contains("schema");
    // nothing of these uploads is left behind
    try (var w = java.nio.file.Files.list(s.data.resolve("work"))) {
      assertThat(w).isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void dashboardFormsNeedTheirCsrfToken() {
    Dash d = new Dash(s);
    // sign-in without the form's token
    assertThat(d.postForm("/login", Map.of("token", s.write)).statusCode()).isEqualTo(403);
    // a wrong token
    assertThat(d.signIn("sct_AAAAAAAAAAAA.wrong").statusCode()).isEqualTo(401);
    assertThat(d.signIn(s.write).statusCode()).isEqualTo(303);
    assertThat(d.get("/").statusCode()).isEqualTo(200);
    String csrf = d.csrf("/runs/" + run);
    // a share form from elsewhere (no or a wrong CSRF token) is refused
    assertThat(d.postForm("/runs/" + run + "/share", Map.of("expiresInDays", "1")).statusCode())
        .isEqualTo(403);
    assertThat(
            d.postForm("/runs/" + run + "/share", Map.of("expiresInDays", "1", "csrf", "forged"))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> ok =
        d.postForm("/runs/" + run + "/share", Map.of("expiresInDays", "1", "csrf", csrf));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("/s/scs_");
    assertThat(d.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(d.postForm("/logout", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
    // signed out: pages send to the sign-in
    HttpResponse<String> after = d.get("/");
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location")).hasValue("/login");
  }

  @Test
  void aRevokedTokensSessionEnds() {
    String t;
    try (Ledger l = Ledger.open(s.ledger)) {
      t = Tokens.create(l, "browser", Scope.READ).token();
    }
    Dash d = new Dash(s);
    assertThat(d.signIn(t).statusCode()).isEqualTo(303);
    assertThat(d.get("/usage").statusCode()).isEqualTo(200);
    try (Ledger l = Ledger.open(s.ledger)) {
      Tokens.revoke(l, "browser");
    }
    assertThat(d.get("/usage").statusCode()).isEqualTo(303);
  }

  @Test
  void cookiesAndHeaders() {
    Dash d = new Dash(s);
    HttpResponse<String> r = d.signIn(s.read);
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(Dashboard.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain(s.read);
    HttpResponse<String> page = d.get("/");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .isEqualTo(Html.CSP)
        .doesNotContain("unsafe-inline")
        .doesNotContain("http");
    assertThat(page.body()).doesNotContain("<script");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void theRunPageRunsOnlyTheServersOwnScripts() {
    Dash d = new Dash(s);
    // its data, like the page, needs a session
    HttpResponse<String> anonymous = d.get("/runs/" + run + "/report-data.json");
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.body()).doesNotContain("series");
    d.signIn(s.read);
    HttpResponse<String> page = d.get("/runs/" + run);
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .isEqualTo(Html.RUN_CSP)
        .contains("script-src 'self'")
        .doesNotContain("unsafe")
        .doesNotContain("http");
    // every script is a file of this server; none is inline
    Matcher m = Pattern.compile("<script([^>]*)>").matcher(page.body());
    List<String> scripts = new java.util.ArrayList<>();
    while (m.find()) {
      scripts.add(m.group(1));
    }
    assertThat(scripts)
        .containsExactly(
            " src=\"/static/uplot.js\"", " src=\"/static/report.js\"", " src=\"/static/run.js\"");
    for (String f : List.of("/static/uplot.js", "/static/report.js", "/static/run.js")) {
      HttpResponse<String> js = d.get(f);
      assertThat(js.statusCode()).as(f).isEqualTo(200);
      assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
    }
    HttpResponse<String> data = d.get("/runs/" + run + "/report-data.json");
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(data.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(TestServer.json(data).path("details").isArray()).isTrue();
    // ids that are not run numbers never reach the file system
    for (String id : List.of("..%2F..%2Fledger.db", "-1", "1e3", "%2e%2e")) {
      assertThat(d.get("/runs/" + id + "/report-data.json").statusCode()).as(id).isIn(400, 404);
    }
    assertThat(d.get("/runs/99999/report-data.json").statusCode()).isEqualTo(404);
  }
}
