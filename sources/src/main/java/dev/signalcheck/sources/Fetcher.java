package dev.signalcheck.sources;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a source the way production code should: the JDK HTTP client with a connect timeout and a
 * deadline for the whole attempt (headers and body), resilience4j's {@link Retry} with jittered
 * exponential backoff on timeouts, resets, 429 and 5xx (a {@code Retry-After} is honoured up to the
 * longest backoff), none on other 4xx; a resilience4j {@link CircuitBreaker} per host, so that a
 * dead host is not hammered (its state lives as long as this fetcher: one command, or the whole of
 * {@code watch}); a size limit; redirects followed up to a bound, secret headers never sent to
 * another host. Every attempt is returned, whatever happened. Thread-safe.
 */
public final class Fetcher {

  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "signalcheck-fetch-deadline");
            t.setDaemon(true);
            return t;
          });

  private final CircuitBreakerRegistry breakers;
  private final Random random;

  /** A fetcher whose breakers open after 4 calls of which at least half failed, for 60 s. */
  public Fetcher() {
    this(breakerConfig(Duration.ofSeconds(60)), new Random());
  }

  public Fetcher(CircuitBreakerConfig breaker, Random random) {
    this.breakers = CircuitBreakerRegistry.of(breaker);
    this.random = random;
  }

  /**
   * The breaker: a count window of the last 10 calls to a host; open when at least 4 calls were
   * made and half or more failed (timeouts, resets, 429, 5xx); after {@code openFor} one trial call
   * is let through.
   */
  public static CircuitBreakerConfig breakerConfig(Duration openFor) {
    return CircuitBreakerConfig.custom()
        .slidingWindow(10, 4, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .build();
  }

  /** The breaker's state for a URL's host: CLOSED, OPEN or HALF_OPEN. */
  public CircuitBreaker.State state(URI uri) {
    return breakers.circuitBreaker(SourceUrl.hostKey(uri)).getState();
  }

  /**
   * The outcome of a pull.
   *
   * @param attempts every attempt, in order
   * @param ok whether the last attempt succeeded (the body is then in the destination file)
   * @param contentType the response's Content-Type, or null
   * @param gzipped whether the stored body itself is gzip data (a .gz file, not a gzip transfer)
   * @param failure the last attempt's failure, one line without secrets, or null
   */
  public record Result(
      List<Attempt> attempts, boolean ok, String contentType, boolean gzipped, String failure) {

    public long bytes() {
      return attempts.isEmpty() ? 0 : attempts.get(attempts.size() - 1).bytes();
    }
  }

  /** An attempt that failed: what the ledger records, and whether to try again. */
  private static final class Failed extends Exception {
    final Outcome outcome;
    final boolean retryable;
    final long retryAfterMs;

    Failed(Outcome outcome, boolean retryable, long retryAfterMs, String message) {
      super(message, null, false, false);
      this.outcome = outcome;
      this.retryable = retryable;
      this.retryAfterMs = retryAfterMs;
    }
  }

  /** Fetches {@code uri} into {@code dest} (replaced), retrying as the settings say. */
  public Result fetch(URI uri, FetchSettings s, Path dest) {
    Redactor redactor = new Redactor(s.headers());
    List<Attempt> attempts = new ArrayList<>();
    String[] contentType = new String[1];
    boolean[] gz = new boolean[1];
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      try {
        readFile(uri, s, dest, attempts);
        gz[0] = isGzip(dest);
        return new Result(attempts, true, null, gz[0], null);
      } catch (Failed f) {
        return new Result(attempts, false, null, false, f.getMessage());
      }
    }
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(s.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    CircuitBreaker breaker = breakers.circuitBreaker(SourceUrl.hostKey(uri));
    RetryConfig cfg =
        RetryConfig.<Void>custom()
            .maxAttempts(s.retries() + 1)
            .retryOnException(t -> t instanceof Failed f && f.retryable)
            .intervalBiFunction(
                (Integer n, Either<Throwable, Void> e) -> {
                  long w = waitMs(n, e.isLeft() ? e.getLeft() : null, s);
                  int last = attempts.size() - 1;
                  if (last >= 0) {
                    attempts.set(last, attempts.get(last).withWait(w));
                  }
                  return w;
                })
            .build();
    Retry retry = Retry.of("fetch", cfg);
    try {
      retry
          .<Void>decorateCheckedSupplier(
              () -> {
                once(client, breaker, uri, s, dest, attempts, redactor, contentType, gz);
                return null;
              })
          .get();
      return new Result(attempts, true, contentType[0], gz[0], null);
    } catch (Failed f) {
      return new Result(attempts, false, contentType[0], false, f.getMessage());
    } catch (Throwable t) {
      String m = redactor.clean(oneLine(t));
      return new Result(attempts, false, contentType[0], false, m);
    }
  }

  /** Exponential backoff with jitter, or the server's Retry-After; at most the longest backoff. */
  long waitMs(int attempt, Throwable last, FetchSettings s) {
    long max = s.backoffMax().toMillis();
    if (last instanceof Failed f && f.retryAfterMs >= 0) {
      return Math.min(max, f.retryAfterMs);
    }
    double base = s.backoffBase().toMillis() * Math.pow(2, Math.max(0, attempt - 1));
    double j = s.jitter() <= 0 ? 1 : 1 + s.jitter() * (2 * random.nextDouble() - 1);
    return Math.max(0, Math.min(max, Math.round(base * j)));
  }

  private void once(
      HttpClient client,
      CircuitBreaker breaker,
      URI uri,
      FetchSettings s,
      Path dest,
      List<Attempt> attempts,
      Redactor redactor,
      String[] contentType,
      boolean[] gz)
      throws Failed {
    int number = attempts.size() + 1;
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    if (!breaker.tryAcquirePermission()) {
      String m =
          "the circuit breaker for "
              + SourceUrl.hostKey(uri)
              + " is open after repeated failures; not tried";
      attempts.add(new Attempt(number, started, 0, null, 0, Outcome.CIRCUIT_OPEN, m, 0));
      throw new Failed(Outcome.CIRCUIT_OPEN, false, -1, m);
    }
    long deadline = t0 + s.timeout().toNanos();
    Integer status = null;
    long[] bytes = new long[1];
    try {
      URI current = uri;
      for (int hop = 0; ; hop++) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new HttpTimeoutException("timed out");
        }
        HttpRequest.Builder b =
            HttpRequest.newBuilder(current)
                .GET()
                .timeout(Duration.ofNanos(left))
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", "signalcheck/" + dev.signalcheck.io.Version.current());
        boolean sameHost = SourceUrl.hostKey(current).equals(SourceUrl.hostKey(uri));
        for (Header h : s.headers()) {
          if (sameHost || !h.secret()) {
            b.header(h.name(), h.value());
          }
        }
        HttpResponse<InputStream> r =
            client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = r.statusCode();
        int st = status;
        if (st == 301 || st == 302 || st == 303 || st == 307 || st == 308) {
          r.body().close();
          String loc = r.headers().firstValue("location").orElse(null);
          if (loc == null || hop >= s.maxRedirects()) {
            throw new Failed(
                Outcome.HTTP_ERROR,
                false,
                -1,
                loc == null
                    ? "HTTP " + st + " redirect without a Location"
                    : "more than " + s.maxRedirects() + " redirects (last to " + loc + ")");
          }
          current = current.resolve(loc);
          if (!"http".equalsIgnoreCase(current.getScheme())
              && !"https".equalsIgnoreCase(current.getScheme())) {
            throw new Failed(
                Outcome.HTTP_ERROR, false, -1, "redirect to a non-HTTP URL (" + current + ")");
          }
          continue;
        }
        if (st < 200 || st > 299) {
          r.body().close();
          boolean retryable = st == 429 || st >= 500;
          long ra = retryAfter(r.headers().firstValue("retry-after").orElse(null));
          String m =
              "HTTP "
                  + st
                  + reason(st)
                  + (ra >= 0 ? " (Retry-After " + Math.round(ra / 1000.0) + " s)" : "");
          throw new Failed(Outcome.HTTP_ERROR, retryable, ra, m);
        }
        contentType[0] = r.headers().firstValue("content-type").orElse(null);
        boolean gzipTransfer =
            r.headers().firstValue("content-encoding").orElse("").equalsIgnoreCase("gzip");
        readBody(r.body(), gzipTransfer, dest, s.maxBytes(), deadline, bytes);
        gz[0] = isGzip(dest);
        break;
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      breaker.onSuccess(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
      attempts.add(new Attempt(number, started, ms, status, bytes[0], Outcome.OK, null, 0));
    } catch (Failed f) {
      record(breaker, f.outcome, f.retryable, t0);
      attempts.add(
          new Attempt(
              number,
              started,
              (System.nanoTime() - t0) / 1_000_000,
              status,
              bytes[0],
              f.outcome,
              redactor.clean(f.getMessage()),
              0));
      throw new Failed(f.outcome, f.retryable, f.retryAfterMs, redactor.clean(f.getMessage()));
    } catch (HttpTimeoutException e) {
      throw failed(
          breaker,
          attempts,
          number,
          started,
          t0,
          status,
          bytes[0],
          Outcome.TIMEOUT,
          status == null
              ? "no response within " + seconds(s.timeout())
              : "the body did not arrive within "
                  + seconds(s.timeout())
                  + " ("
                  + bytes[0]
                  + " bytes received)",
          redactor);
    } catch (ConnectException e) {
      throw failed(
          breaker,
          attempts,
          number,
          started,
          t0,
          status,
          bytes[0],
          Outcome.CONNECTION_RESET,
          "connection refused by " + SourceUrl.hostKey(uri),
          redactor);
    } catch (IOException e) {
      boolean late = System.nanoTime() >= deadline;
      throw failed(
          breaker,
          attempts,
          number,
          started,
          t0,
          status,
          bytes[0],
          late ? Outcome.TIMEOUT : Outcome.CONNECTION_RESET,
          late
              ? "the body did not arrive within "
                  + seconds(s.timeout())
                  + " ("
                  + bytes[0]
                  + " bytes received)"
              : "the connection broke after " + bytes[0] + " bytes (" + oneLine(e) + ")",
          redactor);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(
          breaker,
          attempts,
          number,
          started,
          t0,
          status,
          bytes[0],
          Outcome.TIMEOUT,
          "interrupted",
          redactor);
    } catch (IllegalArgumentException e) {
      throw failed(
          breaker,
          attempts,
          number,
          started,
          t0,
          status,
          bytes[0],
          Outcome.HTTP_ERROR,
          "bad request: " + oneLine(e),
          redactor);
    }
  }

  private static Failed failed(
      CircuitBreaker breaker,
      List<Attempt> attempts,
      int number,
      Instant started,
      long t0,
      Integer status,
      long bytes,
      Outcome outcome,
      String message,
      Redactor redactor) {
    boolean retryable = outcome.retried();
    record(breaker, outcome, retryable, t0);
    String m = redactor.clean(message);
    attempts.add(
        new Attempt(
            number, started, (System.nanoTime() - t0) / 1_000_000, status, bytes, outcome, m, 0));
    return new Failed(outcome, retryable, -1, m);
  }

  /** Host failures count against the breaker; a 4xx or a too-large body means the host is up. */
  private static void record(CircuitBreaker breaker, Outcome outcome, boolean retryable, long t0) {
    long d = System.nanoTime() - t0;
    if (retryable) {
      breaker.onError(d, TimeUnit.NANOSECONDS, new IOException(outcome.label()));
    } else {
      breaker.onSuccess(d, TimeUnit.NANOSECONDS);
    }
  }

  /** Copies the body to dest, undoing a gzip transfer, within the size limit and the deadline. */
  private static void readBody(
      InputStream raw, boolean gzip, Path dest, long maxBytes, long deadline, long[] bytes)
      throws IOException, Failed {
    AtomicBoolean expired = new AtomicBoolean();
    long left = Math.max(1, deadline - System.nanoTime());
    ScheduledFuture<?> timer =
        DEADLINES.schedule(
            () -> {
              expired.set(true);
              try {
                raw.close();
              } catch (IOException ignored) {
                // the reader sees the closed stream
              }
            },
            left,
            TimeUnit.NANOSECONDS);
    try (InputStream in = gzip ? new GZIPInputStream(raw) : raw;
        OutputStream out = Files.newOutputStream(dest)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        bytes[0] += n;
        if (bytes[0] > maxBytes) {
          throw new Failed(
              Outcome.TOO_LARGE,
              false,
              -1,
              "the body is larger than the limit of " + maxBytes + " bytes (--max-bytes)");
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      if (expired.get()) {
        throw new HttpTimeoutException("body timed out");
      }
      throw e;
    } finally {
      timer.cancel(false);
    }
  }

  private static void readFile(URI uri, FetchSettings s, Path dest, List<Attempt> attempts)
      throws Failed {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Path p;
    try {
      p = Path.of(uri);
    } catch (RuntimeException e) {
      String m = "not a local file URL: " + uri;
      attempts.add(new Attempt(1, started, 0, null, 0, Outcome.IO_ERROR, m, 0));
      throw new Failed(Outcome.IO_ERROR, false, -1, m);
    }
    try {
      long size = Files.size(p);
      if (size > s.maxBytes()) {
        String m =
            p.getFileName()
                + " is larger than the limit of "
                + s.maxBytes()
                + " bytes (--max-bytes)";
        attempts.add(new Attempt(1, started, 0, null, size, Outcome.TOO_LARGE, m, 0));
        throw new Failed(Outcome.TOO_LARGE, false, -1, m);
      }
      Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      attempts.add(
          new Attempt(
              1, started, (System.nanoTime() - t0) / 1_000_000, null, size, Outcome.OK, null, 0));
    } catch (NoSuchFileException e) {
      String m = "no such file: " + p;
      attempts.add(new Attempt(1, started, 0, null, 0, Outcome.IO_ERROR, m, 0));
      throw new Failed(Outcome.IO_ERROR, false, -1, m);
    } catch (IOException e) {
      String m = "cannot read " + p + ": " + oneLine(e);
      attempts.add(new Attempt(1, started, 0, null, 0, Outcome.IO_ERROR, m, 0));
      throw new Failed(Outcome.IO_ERROR, false, -1, m);
    }
  }

  static boolean isGzip(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      return false;
    }
  }

  /** Retry-After in milliseconds (seconds, or an HTTP date), or -1 when absent or unreadable. */
  static long retryAfter(String v) {
    if (v == null || v.isBlank()) {
      return -1;
    }
    String t = v.trim();
    try {
      return Math.max(0, Long.parseLong(t)) * 1000;
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime z = ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(Instant.now(), z.toInstant()).toMillis());
      } catch (RuntimeException e2) {
        return -1;
      }
    }
  }

  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(408, "Request Timeout"),
          Map.entry(410, "Gone"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  private static String reason(int st) {
    String r = REASONS.get(st);
    return r == null ? "" : " " + r;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  static String oneLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replace('\n', ' ').replace('\r', ' ').trim();
  }
}
