package dev.signalcheck.sources;

import static dev.signalcheck.sources.FaultyServer.gzip;
import static dev.signalcheck.sources.FaultyServer.ok;
import static dev.signalcheck.sources.FaultyServer.redirect;
import static dev.signalcheck.sources.FaultyServer.slow;
import static dev.signalcheck.sources.FaultyServer.status;
import static dev.signalcheck.sources.FaultyServer.trickle;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a local server that misbehaves in the ways real sources do. */
class FetcherTest {

  static final String CSV = "time,value\n2026-03-01T00:00:00,1\n2026-03-01T01:00:00,2\n";

  @TempDir Path dir;

  /** Tiny waits: 1 ms doubling up to 20 ms, no jitter; short timeouts. */
  static FetchSettings fast(int retries) {
    return FetchSettings.defaults()
        .withRetries(retries)
        .withTimeout(Duration.ofSeconds(5))
        .withBackoff(Duration.ofMillis(1), Duration.ofMillis(20), 0);
  }

  static Fetcher fetcher() {
    return new Fetcher(Fetcher.breakerConfig(Duration.ofSeconds(30)), new Random(1));
  }

  private List<Outcome> outcomes(Fetcher.Result r) {
    return r.attempts().stream().map(Attempt::outcome).toList();
  }

  @Test
  void aServiceUnavailableThenOkIsRetriedAndSucceeds() throws Exception {
    try (FaultyServer s = new FaultyServer().then(status(503), ok(CSV))) {
      Path out = dir.resolve("body");
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv"), fast(4), out);
      assertThat(r.ok()).isTrue();
      assertThat(outcomes(r)).containsExactly(Outcome.HTTP_ERROR, Outcome.OK);
      assertThat(r.attempts().get(0).status()).isEqualTo(503);
      assertThat(r.attempts().get(0).message()).contains("503 Service Unavailable");
      assertThat(r.attempts().get(0).waitMs()).isEqualTo(1);
      assertThat(r.attempts().get(1).bytes()).isEqualTo(CSV.length());
      assertThat(Files.readString(out)).isEqualTo(CSV);
    }
  }

  @Test
  void tooManyRequestsHonoursRetryAfter() throws Exception {
    try (FaultyServer s = new FaultyServer().then(status(429, "Retry-After", "1"), ok(CSV))) {
      FetchSettings st = fast(2).withBackoff(Duration.ofMillis(1), Duration.ofSeconds(5), 0);
      long t0 = System.nanoTime();
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv"), st, dir.resolve("b"));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(r.ok()).isTrue();
      assertThat(r.attempts().get(0).status()).isEqualTo(429);
      assertThat(r.attempts().get(0).message()).contains("Retry-After 1 s");
      // the server's second, not the 1 ms backoff
      assertThat(r.attempts().get(0).waitMs()).isEqualTo(1000);
      assertThat(ms).isGreaterThanOrEqualTo(950);
    }
  }

  @Test
  void retryAfterIsCappedByTheLongestBackoff() throws Exception {
    try (FaultyServer s = new FaultyServer().then(status(429, "Retry-After", "3600"), ok(CSV))) {
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv"), fast(2), dir.resolve("b"));
      assertThat(r.ok()).isTrue();
      assertThat(r.attempts().get(0).waitMs()).isEqualTo(20);
    }
  }

  @Test
  void otherClientErrorsAreNotRetried() throws Exception {
    try (FaultyServer s = new FaultyServer().then(status(404))) {
      Fetcher.Result r = fetcher().fetch(s.uri("/missing.csv"), fast(4), dir.resolve("b"));
      assertThat(r.ok()).isFalse();
      assertThat(outcomes(r)).containsExactly(Outcome.HTTP_ERROR);
      assertThat(r.failure()).isEqualTo("HTTP 404 Not Found");
      assertThat(s.requests()).isEqualTo(1);
    }
  }

  @Test
  void aSlowServerTimesOutOnEveryAttempt() throws Exception {
    try (FaultyServer s = new FaultyServer().then(slow(1500, CSV))) {
      FetchSettings st = fast(1).withTimeout(Duration.ofMillis(300));
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv"), st, dir.resolve("b"));
      assertThat(r.ok()).isFalse();
      assertThat(outcomes(r)).containsExactly(Outcome.TIMEOUT, Outcome.TIMEOUT);
      assertThat(r.failure()).contains("no response within 0.3 s");
      assertThat(r.attempts().get(0).durationMs()).isBetween(250L, 1400L);
    }
  }

  @Test
  void aBodyThatTricklesInPastTheDeadlineTimesOut() throws Exception {
    try (FaultyServer s = new FaultyServer().then(trickle(40, CSV))) {
      FetchSettings st = fast(0).withTimeout(Duration.ofMillis(400));
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv"), st, dir.resolve("b"));
      assertThat(r.ok()).isFalse();
      assertThat(outcomes(r)).containsExactly(Outcome.TIMEOUT);
      assertThat(r.failure()).contains("did not arrive within 0.4 s");
      assertThat(r.attempts().get(0).status()).isEqualTo(200);
    }
  }

  @Test
  void resetConnectionsAreRetriedThenSucceed() throws Exception {
    // the JDK client itself tries a GET once more when the connection drops before a response,
    // so one attempt may take two resets
    try (FaultyServer.Raw s =
        new FaultyServer.Raw(
            CSV,
            FaultyServer.Raw.Kind.RESET,
            FaultyServer.Raw.Kind.RESET,
            FaultyServer.Raw.Kind.RESET,
            FaultyServer.Raw.Kind.RESET,
            FaultyServer.Raw.Kind.OK)) {
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv"), fast(4), dir.resolve("b"));
      assertThat(r.ok()).isTrue();
      assertThat(outcomes(r).get(0)).isEqualTo(Outcome.CONNECTION_RESET);
      assertThat(outcomes(r).get(outcomes(r).size() - 1)).isEqualTo(Outcome.OK);
      assertThat(outcomes(r).subList(0, outcomes(r).size() - 1))
          .containsOnly(Outcome.CONNECTION_RESET);
      assertThat(r.attempts().get(0).message()).contains("connection");
    }
  }

  @Test
  void aTruncatedBodyIsARetriedFailureAndNeverTakenAsData() throws Exception {
    try (FaultyServer.Raw s = new FaultyServer.Raw(CSV, FaultyServer.Raw.Kind.TRUNCATED)) {
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv"), fast(2), dir.resolve("b"));
      assertThat(r.ok()).isFalse();
      assertThat(outcomes(r)).containsOnly(Outcome.CONNECTION_RESET).hasSize(3);
      assertThat(r.failure()).contains("the connection broke after");
    }
  }

  @Test
  void theBreakerOpensForADeadHostAndStopsTheRetries() throws Exception {
    try (FaultyServer s = new FaultyServer().then(status(503))) {
      Fetcher f = fetcher();
      Fetcher.Result r = f.fetch(s.uri("/a.csv"), fast(6), dir.resolve("b"));
      assertThat(outcomes(r))
          .containsExactly(
              Outcome.HTTP_ERROR,
              Outcome.HTTP_ERROR,
              Outcome.HTTP_ERROR,
              Outcome.HTTP_ERROR,
              Outcome.CIRCUIT_OPEN);
      assertThat(s.requests()).isEqualTo(4);
      // the next pull of the same host is not even tried
      Fetcher.Result again = f.fetch(s.uri("/other.csv"), fast(6), dir.resolve("c"));
      assertThat(outcomes(again)).containsExactly(Outcome.CIRCUIT_OPEN);
      assertThat(again.failure()).contains("circuit breaker").contains("is open");
      assertThat(s.requests()).isEqualTo(4);
    }
  }

  @Test
  void aGzipTransferIsUndone() throws Exception {
    try (FaultyServer s = new FaultyServer().then(gzip(CSV))) {
      Path out = dir.resolve("b");
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv"), fast(0), out);
      assertThat(r.ok()).isTrue();
      assertThat(Files.readString(out)).isEqualTo(CSV);
      assertThat(r.gzipped()).isFalse();
      assertThat(s.requestHeaders.get(0).get("Accept-encoding")).containsExactly("gzip");
    }
  }

  @Test
  void redirectsAreFollowedUpToTheLimit() throws Exception {
    try (FaultyServer s = new FaultyServer()) {
      s.then(redirect("/b.csv"), ok(CSV));
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv"), fast(0), dir.resolve("b"));
      assertThat(r.ok()).isTrue();
    }
    try (FaultyServer s = new FaultyServer().then(redirect("/loop"))) {
      Fetcher.Result r = fetcher().fetch(s.uri("/loop"), fast(3), dir.resolve("c"));
      assertThat(r.ok()).isFalse();
      assertThat(r.failure()).startsWith("more than 5 redirects");
      assertThat(s.requests()).isEqualTo(6);
    }
  }

  @Test
  void aBodyOverTheSizeLimitIsRefused() throws Exception {
    try (FaultyServer s = new FaultyServer().then(ok(CSV.repeat(100)))) {
      Fetcher.Result r =
          fetcher().fetch(s.uri("/a.csv"), fast(3).withMaxBytes(1000), dir.resolve("b"));
      assertThat(outcomes(r)).containsExactly(Outcome.TOO_LARGE);
      assertThat(r.failure()).contains("larger than the limit of 1000 bytes");
    }
  }

  @Test
  void secretHeadersAreSentButNeverShown() throws Exception {
    Header h =
        Header.parse(
            "Authorization: Bearer ${API_TOKEN}", Map.of("API_TOKEN", "s3cr3t-t0ken")::get);
    assertThat(h.secret()).isTrue();
    assertThat(h.toString()).doesNotContain("s3cr3t");
    try (FaultyServer s = new FaultyServer().then(status(401))) {
      FetchSettings st = fast(0).withHeaders(List.of(h));
      // a message that echoes the token (as some servers' errors do) is cleaned
      Fetcher.Result r = fetcher().fetch(s.uri("/a.csv?x=s3cr3t-t0ken"), st, dir.resolve("b"));
      assertThat(s.requestHeaders.get(0).get("Authorization"))
          .containsExactly("Bearer s3cr3t-t0ken");
      assertThat(r.failure()).isEqualTo("HTTP 401 Unauthorized");
      assertThat(new Redactor(List.of(h)).clean("GET /a.csv?x=s3cr3t-t0ken failed"))
          .isEqualTo("GET /a.csv?x=*** failed");
    }
  }

  @Test
  void aFileUrlIsReadOnceWithoutRetries() throws Exception {
    Path src = dir.resolve("src.csv");
    Files.writeString(src, CSV, StandardCharsets.UTF_8);
    Fetcher.Result r = fetcher().fetch(src.toUri(), fast(4), dir.resolve("b"));
    assertThat(r.ok()).isTrue();
    assertThat(r.attempts()).hasSize(1);
    Fetcher.Result missing =
        fetcher().fetch(dir.resolve("nope.csv").toUri(), fast(4), dir.resolve("c"));
    assertThat(outcomes(missing)).containsExactly(Outcome.IO_ERROR);
    assertThat(missing.failure()).startsWith("no such file");
  }

  @Test
  void backoffDoublesWithJitterWithinItsBounds() {
    FetchSettings st =
        FetchSettings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000), 0.5);
    Fetcher f = fetcher();
    for (int n = 1; n <= 6; n++) {
      long w = f.waitMs(n, null, st);
      double nominal = Math.min(1000, 100 * Math.pow(2, n - 1));
      assertThat(w)
          .isBetween(Math.round(nominal * 0.5) - 1, Math.min(1000L, Math.round(nominal * 1.5)));
    }
  }
}
