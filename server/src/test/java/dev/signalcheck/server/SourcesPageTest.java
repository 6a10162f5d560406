package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.sources.FetchSettings;
import dev.signalcheck.sources.Fetcher;
import dev.signalcheck.sources.SourceFetch;
import dev.signalcheck.sources.SourceLedger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source-health page and `GET /api/v1/sources`: a source pulled twice, its history revised
 * between the pulls, shows its last success, how far it is behind and the revision finding; a
 * hostile source name stays text.
 */
class SourcesPageTest {
  @TempDir Path dir;

  private static String csv(double bump, String extraColumn) {
    StringBuilder b =
        new StringBuilder("ts,value" + (extraColumn == null ? "" : "," + extraColumn));
    b.append('\n');
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 48; i++) {
      b.append(t.plusSeconds(3600L * i)).append(',').append(i == 10 ? 10 + bump : 10 + i % 5);
      b.append(extraColumn == null ? "" : ",1").append('\n');
    }
    return b.toString();
  }

  private SourceFetch.Result pull(LedgerLocation loc, String name, Path file, Instant at)
      throws Exception {
    SourceFetch.Request req =
        new SourceFetch.Request(
            name,
            file.toUri(),
            "csv",
            FetchSettings.defaults().withRetries(0),
            InputSpec.of("ignored"),
            null,
            null,
            dir.resolve("snapshots"),
            null);
    try (Ledger l = Ledger.open(loc)) {
      return new SourceFetch(new Fetcher(), Clock.fixed(at, ZoneOffset.UTC))
          .run(req, new SourceLedger(l));
    }
  }

  @Test
  void theSourcePageShowsEachSourcesHealthAndItsFindings() throws Exception {
    LedgerLocation loc = LedgerLocation.sqlite(dir.resolve("s.db"));
    try (TestServer s = new TestServer(loc, dir.resolve("data"))) {
      // a column added upstream with a hostile name: quoted in the schema-changed finding
      String hostile = "<script>alert(1)</script>";
      Path f = dir.resolve("feed.csv");
      Files.writeString(f, csv(0, null));
      Instant first = Instant.parse("2026-03-02T23:10:00Z");
      assertThat(pull(loc, "feed", f, first).ok()).isTrue();
      Files.writeString(f, csv(40, hostile)); // a value already seen is revised, a column added
      SourceFetch.Result second = pull(loc, "feed", f, first.plusSeconds(3600));
      assertThat(second.ok()).isTrue();

      JsonNode api = TestServer.json(s.get("/api/v1/sources", s.read));
      JsonNode src = api.get("sources").get(0);
      assertThat(src.get("name").asText()).isEqualTo("feed");
      assertThat(src.get("pulls").asLong()).isEqualTo(2);
      assertThat(src.at("/lastSuccess/rows").asLong()).isEqualTo(48);
      assertThat(src.at("/staleness/stepsBehind").isNumber()).isTrue();
      assertThat(src.get("changes").toString())
          .contains("source.revised")
          .contains("source.schema-changed");
      assertThat(s.get("/api/v1/sources", null).statusCode()).isEqualTo(401);

      Dash d = new Dash(s);
      assertThat(d.signIn(s.read).statusCode()).isEqualTo(303);
      HttpResponse<String> page = d.get("/sources");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
      assertThat(page.body())
          .contains("source.revised")
          .contains("48 rows")
          .contains("source.schema-changed")
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          .doesNotContain("<script>alert(1)");
    }
  }
}
