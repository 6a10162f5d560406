package dev.signalcheck.sources;

import java.time.Duration;
import java.util.List;

/**
 * How to fetch: timeouts, retries and their backoff, limits, headers.
 *
 * @param timeout the longest one attempt may take, from connecting to the last byte of the body
 * @param connectTimeout the longest the connection may take
 * @param retries attempts after the first (0: one attempt)
 * @param maxBytes the largest body accepted (after gzip is undone)
 * @param maxRedirects redirects followed at most
 * @param headers request headers
 * @param backoffBase the wait after the first failed attempt; doubled after each further one
 * @param backoffMax the longest wait between attempts, and the most a Retry-After is honoured
 * @param jitter the random share added to or taken from each wait (0.5: ±50%)
 */
public record FetchSettings(
    Duration timeout,
    Duration connectTimeout,
    int retries,
    long maxBytes,
    int maxRedirects,
    List<Header> headers,
    Duration backoffBase,
    Duration backoffMax,
    double jitter) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_RETRIES = 4;
  public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  public FetchSettings {
    headers = headers == null ? List.of() : List.copyOf(headers);
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be 0 or more");
    }
  }

  /** Defaults: 30 s, 4 retries from 1 s up to 60 s, ±50% jitter, 512 MiB, 5 redirects. */
  public static FetchSettings defaults() {
    return new FetchSettings(
        DEFAULT_TIMEOUT,
        Duration.ofSeconds(10),
        DEFAULT_RETRIES,
        DEFAULT_MAX_BYTES,
        DEFAULT_MAX_REDIRECTS,
        List.of(),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        0.5);
  }

  public FetchSettings withTimeout(Duration t) {
    return new FetchSettings(
        t,
        connectTimeout.compareTo(t) > 0 ? t : connectTimeout,
        retries,
        maxBytes,
        maxRedirects,
        headers,
        backoffBase,
        backoffMax,
        jitter);
  }

  public FetchSettings withRetries(int r) {
    return new FetchSettings(
        timeout,
        connectTimeout,
        r,
        maxBytes,
        maxRedirects,
        headers,
        backoffBase,
        backoffMax,
        jitter);
  }

  public FetchSettings withHeaders(List<Header> h) {
    return new FetchSettings(
        timeout,
        connectTimeout,
        retries,
        maxBytes,
        maxRedirects,
        h,
        backoffBase,
        backoffMax,
        jitter);
  }

  public FetchSettings withMaxBytes(long m) {
    return new FetchSettings(
        timeout,
        connectTimeout,
        retries,
        m,
        maxRedirects,
        headers,
        backoffBase,
        backoffMax,
        jitter);
  }

  /** The backoff: first wait, longest wait (and Retry-After cap), jitter share. */
  public FetchSettings withBackoff(Duration base, Duration max, double jit) {
    return new FetchSettings(
        timeout, connectTimeout, retries, maxBytes, maxRedirects, headers, base, max, jit);
  }
}
