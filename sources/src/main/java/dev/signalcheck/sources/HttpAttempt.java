package dev.signalcheck.sources;

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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * One HTTP attempt with the JDK client: a deadline for the whole attempt (headers and body),
 * redirects followed up to a bound (secret headers never sent to another host), a gzip transfer
 * undone, the size limit enforced; every way it can end becomes a {@link FetchFailed} saying
 * whether to retry (timeouts, resets, 429, 5xx) and for how long the server asked to wait.
 */
final class HttpAttempt {
  private HttpAttempt() {}

  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "signalcheck-fetch-deadline");
            t.setDaemon(true);
            return t;
          });

  static HttpClient client(FetchSettings s) {
    return HttpClient.newBuilder()
        .connectTimeout(s.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Fetches {@code uri} into {@code dest}, or throws how the attempt failed. */
  static void run(HttpClient client, URI uri, FetchSettings s, Path dest, Received got)
      throws FetchFailed {
    long deadline = System.nanoTime() + s.timeout().toNanos();
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
        int st = r.statusCode();
        got.status = st;
        if (st == 301 || st == 302 || st == 303 || st == 307 || st == 308) {
          r.body().close();
          current = redirect(current, r.headers().firstValue("location").orElse(null), hop, s, st);
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
          throw new FetchFailed(Outcome.HTTP_ERROR, retryable, ra, m);
        }
        got.contentType = r.headers().firstValue("content-type").orElse(null);
        boolean gzipTransfer =
            r.headers().firstValue("content-encoding").orElse("").equalsIgnoreCase("gzip");
        try {
          readBody(r.body(), gzipTransfer, dest, s.maxBytes(), deadline, bytes);
        } finally {
          got.bytes = bytes[0];
        }
        got.gzipped = isGzip(dest);
        return;
      }
    } catch (HttpTimeoutException e) {
      throw timeout(got.status == null, s, bytes[0]);
    } catch (ConnectException e) {
      throw new FetchFailed(
          Outcome.CONNECTION_RESET, true, -1, "connection refused by " + SourceUrl.hostKey(uri));
    } catch (IOException e) {
      got.bytes = bytes[0];
      if (System.nanoTime() >= deadline) {
        throw timeout(false, s, bytes[0]);
      }
      throw new FetchFailed(
          Outcome.CONNECTION_RESET,
          true,
          -1,
          "the connection broke after " + bytes[0] + " bytes (" + FetchFailed.oneLine(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailed(Outcome.TIMEOUT, true, -1, "interrupted");
    } catch (IllegalArgumentException e) {
      throw FetchFailed.notRetried(Outcome.HTTP_ERROR, "bad request: " + FetchFailed.oneLine(e));
    }
  }

  private static URI redirect(URI current, String loc, int hop, FetchSettings s, int st)
      throws FetchFailed {
    if (loc == null) {
      throw FetchFailed.notRetried(
          Outcome.HTTP_ERROR, "HTTP " + st + " redirect without a Location");
    }
    if (hop >= s.maxRedirects()) {
      throw FetchFailed.notRetried(
          Outcome.HTTP_ERROR, "more than " + s.maxRedirects() + " redirects (last to " + loc + ")");
    }
    URI next = current.resolve(loc);
    if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
      throw FetchFailed.notRetried(Outcome.HTTP_ERROR, "redirect to a non-HTTP URL (" + next + ")");
    }
    return next;
  }

  private static FetchFailed timeout(boolean noResponse, FetchSettings s, long bytes) {
    return new FetchFailed(
        Outcome.TIMEOUT,
        true,
        -1,
        noResponse
            ? "no response within " + seconds(s.timeout())
            : "the body did not arrive within "
                + seconds(s.timeout())
                + " ("
                + bytes
                + " bytes received)");
  }

  /** Copies the body to dest, undoing a gzip transfer, within the size limit and the deadline. */
  private static void readBody(
      InputStream raw, boolean gzip, Path dest, long maxBytes, long deadline, long[] bytes)
      throws IOException, FetchFailed {
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
          throw FetchFailed.notRetried(
              Outcome.TOO_LARGE,
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

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
