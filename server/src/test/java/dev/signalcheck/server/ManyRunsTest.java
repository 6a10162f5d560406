package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project with 10,000 runs: the dashboard pages and sorts them in the database (one page of 50
 * rows per answer), and the API's cursor walks through all of them once.
 */
class ManyRunsTest {
  static final int RUNS = 10_000;
  @TempDir Path dir;

  private static void fill(LedgerLocation loc) throws Exception {
    try (Ledger l = Ledger.open(loc)) {
      Connection c = l.connection();
      c.setAutoCommit(false);
      String now = Instant.parse("2026-01-01T00:00:00Z").toString();
      try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO project (name, reference, created_at) VALUES ('bulk', FALSE, ?)");
          PreparedStatement d =
              c.prepareStatement(
                  "INSERT INTO dataset (fingerprint, source, created_at) VALUES ('f', 'bulk.csv',"
                      + " ?)")) {
        p.setString(1, now);
        p.executeUpdate();
        d.setString(1, now);
        d.executeUpdate();
      }
      long pid;
      long did;
      try (var st = c.createStatement()) {
        var rs = st.executeQuery("SELECT id FROM project WHERE name = 'bulk'");
        rs.next();
        pid = rs.getLong(1);
        rs = st.executeQuery("SELECT id FROM dataset WHERE fingerprint = 'f'");
        rs.next();
        did = rs.getLong(1);
      }
      try (PreparedStatement r =
          c.prepareStatement(
              "INSERT INTO run (project_id, dataset_id, run_key, complete, origin, tool_name,"
                  + " tool_version, settings, settings_hash, started_at, updated_at,"
                  + " series_count, strong, weak, no_signal, critical, warning) VALUES (?, ?, ?,"
                  + " TRUE, 'audit', 'signalcheck', 'test', '{}', 'h', ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < RUNS; i++) {
          String t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i).toString();
          r.setLong(1, pid);
          r.setLong(2, did);
          r.setString(3, "k" + i);
          r.setString(4, t.replace("Z", ".000Z"));
          r.setString(5, t.replace("Z", ".000Z"));
          r.setLong(6, 3);
          r.setLong(7, i % 3);
          r.setLong(8, 1);
          r.setLong(9, 2 - i % 3);
          r.setLong(10, i % 7);
          r.setLong(11, i % 5);
          r.addBatch();
        }
        r.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
    }
  }

  @Test
  void tenThousandRunsArePagedAndSortedOnTheServer() throws Exception {
    LedgerLocation loc = LedgerLocation.sqlite(dir.resolve("bulk.db"));
    try (TestServer s = new TestServer(loc, dir)) {
      fill(loc);
      Dash d = new Dash(s);
      assertThat(d.signIn(s.read).statusCode()).isEqualTo(303);
      HttpResponse<String> first = d.get("/projects/bulk");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).contains("10000 runs").contains("page 1 of 200");
      assertThat(rows(first.body())).isEqualTo(ProjectPage.PAGE);
      // the newest first by default
      assertThat(first.body()).contains("href=\"/runs/" + (RUNS + 5) + "\"");
      HttpResponse<String> sorted = d.get("/projects/bulk?sort=critical&dir=desc&page=137");
      assertThat(sorted.body()).contains("page 137 of 200");
      assertThat(rows(sorted.body())).isEqualTo(ProjectPage.PAGE);
      assertThat(d.get("/projects/bulk?sort=password&dir=desc").statusCode()).isEqualTo(400);

      // the API: every run exactly once through the cursor
      Set<Long> seen = new HashSet<>();
      String cursor = null;
      int pages = 0;
      do {
        JsonNode j =
            TestServer.json(
                s.get(
                    "/api/v1/runs?project=bulk&limit=500"
                        + (cursor == null ? "" : "&cursor=" + cursor),
                    s.read));
        for (JsonNode r : j.get("runs")) {
          assertThat(seen.add(r.get("id").asLong())).isTrue();
        }
        cursor = j.get("nextCursor").isNull() ? null : j.get("nextCursor").asText();
        pages++;
      } while (cursor != null && pages < 100);
      assertThat(seen).hasSize(RUNS);
      assertThat(pages).isEqualTo(RUNS / 500);
    }
  }

  private static int rows(String html) {
    Matcher m = Pattern.compile("<tr><td class=\"num\"><a href=\"/runs/").matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
