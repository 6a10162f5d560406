package dev.signalcheck.sources;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a source the way production code should: resilience4j's {@link Retry} with jittered
 * exponential backoff on timeouts, resets, 429 and 5xx (a {@code Retry-After} is honoured up to the
 * longest backoff), none on other failures; a resilience4j {@link CircuitBreaker} per host, so that
 * a dead host is not hammered. A breaker starts in the state the ledger's recorded attempts imply
 * ({@link BreakerMemory}), so successive processes do not hammer it either, and lives as long as
 * this fetcher (one command, or the whole of {@code watch}). One attempt is an {@link HttpAttempt},
 * a {@link FileAttempt} or a {@link DatabaseAttempt}; every attempt is returned, whatever happened.
 * Thread-safe.
 */
public final class Fetcher {

  /** The breaker's window: the last 10 calls to a host. */
  static final int WINDOW = 10;

  /** Calls in the window before the breaker may open. */
  static final int MIN_CALLS = 4;

  /** The share of failed calls (percent) that opens the breaker. */
  static final int FAILURE_RATE = 50;

  private final CircuitBreakerRegistry breakers;
  private final Random random;
  private final Clock clock;
  private final Duration openFor;

  /** A fetcher whose breakers open after 4 calls of which at least half failed, for 60 s. */
  public Fetcher() {
    this(breakerConfig(Duration.ofSeconds(60)), new Random(), Clock.systemUTC());
  }

  public Fetcher(CircuitBreakerConfig breaker, Random random) {
    this(breaker, random, Clock.systemUTC());
  }

  /**
   * @param clock stamps the attempts and times the breakers' open state
   */
  public Fetcher(CircuitBreakerConfig breaker, Random random, Clock clock) {
    this.breakers =
        CircuitBreakerRegistry.of(CircuitBreakerConfig.from(breaker).clock(clock).build());
    this.random = random;
    this.clock = clock;
    this.openFor = Duration.ofMillis(breaker.getWaitIntervalFunctionInOpenState().apply(1));
  }

  /**
   * The breaker: a count window of the last 10 calls to a host; open when at least 4 calls were
   * made and half or more failed (timeouts, resets, 429, 5xx); after {@code openFor} one trial call
   * is let through.
   */
  public static CircuitBreakerConfig breakerConfig(Duration openFor) {
    return CircuitBreakerConfig.custom()
        .slidingWindow(WINDOW, MIN_CALLS, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(FAILURE_RATE)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .build();
  }

  /** The breaker's state for a URL's host: CLOSED, OPEN or HALF_OPEN. */
  public CircuitBreaker.State state(URI uri) {
    return state(SourceUrl.hostKey(uri));
  }

  /** The breaker's state for a key (scheme, host and port). */
  public CircuitBreaker.State state(String key) {
    return breakers.circuitBreaker(key).getState();
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

  /** One attempt's work: fills in what it received, or throws how it failed. */
  @FunctionalInterface
  interface Work {
    void run(Received got) throws FetchFailed;
  }

  /** Fetches {@code uri} into {@code dest} (replaced), retrying as the settings say. */
  public Result fetch(URI uri, FetchSettings s, Path dest) {
    return fetch(uri, s, dest, BreakerMemory.History.NONE);
  }

  /** As {@link #fetch(URI, FetchSettings, Path)}, the host's breaker started from its history. */
  public Result fetch(URI uri, FetchSettings s, Path dest, BreakerMemory.History history) {
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      return run(null, history, s, got -> FileAttempt.run(uri, s, dest, got));
    }
    HttpClient client = HttpAttempt.client(s);
    return run(
        SourceUrl.hostKey(uri), history, s, got -> HttpAttempt.run(client, uri, s, dest, got));
  }

  /** Reads a database table or query into {@code dest} as CSV, retrying lost connections. */
  public Result fetch(
      DatabaseSource db, FetchSettings s, Path dest, BreakerMemory.History history) {
    return run(db.breakerKey(), history, s, got -> DatabaseAttempt.run(db, s, dest, got));
  }

  private Result run(String key, BreakerMemory.History history, FetchSettings s, Work work) {
    Redactor redactor = new Redactor(s.headers());
    List<Attempt> attempts = new ArrayList<>();
    Received[] last = {new Received()};
    CircuitBreaker breaker = key == null ? null : breaker(key, history);
    RetryConfig cfg =
        RetryConfig.<Void>custom()
            .maxAttempts(s.retries() + 1)
            .retryOnException(t -> t instanceof FetchFailed f && f.retryable)
            .intervalBiFunction(
                (Integer n, Either<Throwable, Void> e) -> {
                  long w = waitMs(n, e.isLeft() ? e.getLeft() : null, s);
                  int i = attempts.size() - 1;
                  if (i >= 0) {
                    attempts.set(i, attempts.get(i).withWait(w));
                  }
                  return w;
                })
            .build();
    try {
      Retry.of("fetch", cfg)
          .<Void>decorateCheckedSupplier(
              () -> {
                last[0] = new Received();
                once(key, breaker, work, last[0], attempts, redactor);
                return null;
              })
          .get();
      return new Result(attempts, true, last[0].contentType, last[0].gzipped, null);
    } catch (FetchFailed f) {
      return new Result(attempts, false, last[0].contentType, false, f.getMessage());
    } catch (Throwable t) {
      return new Result(
          attempts, false, last[0].contentType, false, redactor.clean(FetchFailed.oneLine(t)));
    }
  }

  /** The key's breaker, started from the recorded attempts when this fetcher first meets it. */
  private synchronized CircuitBreaker breaker(String key, BreakerMemory.History history) {
    if (breakers.find(key).isPresent()) {
      return breakers.circuitBreaker(key);
    }
    CircuitBreaker b = breakers.circuitBreaker(key);
    BreakerMemory.apply(
        BreakerMemory.decide(history.recent(key, 100), clock.instant(), openFor), b);
    return b;
  }

  /** Exponential backoff with jitter, or the server's Retry-After; at most the longest backoff. */
  long waitMs(int attempt, Throwable last, FetchSettings s) {
    long max = s.backoffMax().toMillis();
    if (last instanceof FetchFailed f && f.retryAfterMs >= 0) {
      return Math.min(max, f.retryAfterMs);
    }
    double base = s.backoffBase().toMillis() * Math.pow(2, Math.max(0, attempt - 1));
    double j = s.jitter() <= 0 ? 1 : 1 + s.jitter() * (2 * random.nextDouble() - 1);
    return Math.max(0, Math.min(max, Math.round(base * j)));
  }

  /** One attempt: asks the breaker, does the work, records the attempt and tells the breaker. */
  private void once(
      String key,
      CircuitBreaker breaker,
      Work work,
      Received got,
      List<Attempt> attempts,
      Redactor redactor)
      throws FetchFailed {
    int number = attempts.size() + 1;
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    if (breaker != null && !breaker.tryAcquirePermission()) {
      String m = "the circuit breaker for " + key + " is open after repeated failures; not tried";
      attempts.add(new Attempt(number, started, 0, null, 0, Outcome.CIRCUIT_OPEN, m, 0));
      throw FetchFailed.notRetried(Outcome.CIRCUIT_OPEN, m);
    }
    try {
      work.run(got);
    } catch (FetchFailed f) {
      long d = System.nanoTime() - t0;
      if (breaker != null) {
        // host failures count against the breaker; a 4xx or a too-large body means the host is up
        if (f.retryable) {
          breaker.onError(d, TimeUnit.NANOSECONDS, new java.io.IOException(f.outcome.label()));
        } else {
          breaker.onSuccess(d, TimeUnit.NANOSECONDS);
        }
      }
      String m = redactor.clean(f.getMessage());
      attempts.add(
          new Attempt(number, started, d / 1_000_000, got.status, got.bytes, f.outcome, m, 0));
      throw new FetchFailed(f.outcome, f.retryable, f.retryAfterMs, m);
    } catch (RuntimeException e) {
      if (breaker != null) {
        breaker.releasePermission();
      }
      throw e;
    }
    long d = System.nanoTime() - t0;
    if (breaker != null) {
      breaker.onSuccess(d, TimeUnit.NANOSECONDS);
    }
    attempts.add(
        new Attempt(number, started, d / 1_000_000, got.status, got.bytes, Outcome.OK, null, 0));
  }
}
