package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.ledger.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dashboard sessions live in the ledger: a restart keeps a signed-in browser signed in, sign-out
 * and expiry end the session, and the ledger never holds the cookie's value.
 */
class SessionsTest {

  @TempDir Path dir;

  static Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static int page(SignalcheckServer s, String path, String cookie) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .header("Cookie", Dashboard.COOKIE + "=" + cookie)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String sessionCookie(HttpResponse<String> signIn) {
    for (String c : signIn.headers().allValues("Set-Cookie")) {
      if (c.startsWith(Dashboard.COOKIE + "=")) {
        return c.substring(Dashboard.COOKIE.length() + 1, c.indexOf(';'));
      }
    }
    throw new AssertionError("no session cookie: " + signIn.headers().map());
  }

  private static List<String> storedSessions(LedgerLocation where) {
    try (Ledger l = Ledger.open(where)) {
      return Db.query(
          l, "SELECT id_hash || ' ' || csrf AS r FROM dashboard_session", rs -> rs.getString("r"));
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aRestartKeepsTheSessionAndSignOutOrExpiryEndsIt(LedgerDialect dialect) throws Exception {
    LedgerLocation where = TestDatabases.fresh(dialect, dir);
    String cookie;
    String other;
    try (TestServer s = new TestServer(where, dir)) {
      Dash d = new Dash(s);
      cookie = sessionCookie(d.signIn(s.read));
      other = sessionCookie(new Dash(s).signIn(s.read));
      assertThat(page(s.server, "/", cookie)).isEqualTo(200);
    }
    // the ledger holds a hash of each session id, never the id
    List<String> stored = storedSessions(where);
    assertThat(stored).hasSize(2).noneMatch(r -> r.contains(cookie) || r.contains(other));
    assertThat(stored).anyMatch(r -> r.startsWith(Sessions.hash(cookie) + " "));

    SignalcheckServer again =
        SignalcheckServer.start(ServerConfig.of(where, dir.resolve("data")).withPort(0));
    try {
      assertThat(page(again, "/", cookie)).as("signed in after the restart").isEqualTo(200);
      assertThat(page(again, "/", "not-a-session")).isEqualTo(303);
      // sign-out (with the session's CSRF value) ends it
      String csrf =
          stored.stream()
              .filter(r -> r.startsWith(Sessions.hash(cookie)))
              .findFirst()
              .orElseThrow()
              .split(" ")[1];
      HttpResponse<String> out =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + again.port() + "/logout"))
                  .header("Cookie", Dashboard.COOKIE + "=" + cookie)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(out.statusCode()).as(out.body()).isEqualTo(303);
      assertThat(page(again, "/", cookie)).as("signed out").isEqualTo(303);
      assertThat(storedSessions(where)).hasSize(1);
      // an expired session is refused and removed
      try (Ledger l = Ledger.open(where)) {
        Db.update(
            l,
            "UPDATE dashboard_session SET expires_at = ? WHERE id_hash = ?",
            java.time.Instant.now().minus(Duration.ofMinutes(1)),
            Sessions.hash(other));
      }
      assertThat(page(again, "/", other)).as("expired").isEqualTo(303);
      assertThat(storedSessions(where)).isEmpty();
    } finally {
      again.stop();
    }
  }
}
