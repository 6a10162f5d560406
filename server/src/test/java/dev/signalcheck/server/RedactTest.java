package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload field {@code redact}: the run's report.json and report.html hold none of the uploaded
 * values, and a share link says whether its report embeds raw values.
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
