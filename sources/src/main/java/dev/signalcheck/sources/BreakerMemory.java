package dev.signalcheck.sources;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A host's circuit breaker carried from one process to the next, derived from the attempts the
 * ledger recorded (no state of its own to keep in step): the newest {@link Fetcher#WINDOW} attempts
 * to the host that reached it (not those the breaker stopped) are the breaker's window. With at
 * least {@link Fetcher#MIN_CALLS} of them and half or more failed (timeouts, resets, 429, 5xx), the
 * breaker is open until the newest failure plus the open time, then half-open (one trial); else it
 * is closed with the window replayed, so a few more failures in this process open it.
 */
public final class BreakerMemory {
  private BreakerMemory() {}

  /** The recorded attempts to a breaker's key (scheme, host, port), newest first. */
  @FunctionalInterface
  public interface History {
    List<Attempt> recent(String key, int limit);

    /** No history: every process starts with closed breakers. */
    History NONE = (key, limit) -> List.of();
  }

  /**
   * The state a fresh breaker starts in.
   *
   * @param state CLOSED, OPEN or HALF_OPEN
   * @param openUntil when an open breaker lets a trial through (null unless OPEN)
   * @param replay the window to replay into a closed breaker, oldest first
   */
  public record Decision(CircuitBreaker.State state, Instant openUntil, List<Attempt> replay) {}

  /** Whether an attempt says the host is down (as the breaker counts it). */
  static boolean hostFailure(Attempt a) {
    return switch (a.outcome()) {
      case TIMEOUT, CONNECTION_RESET -> true;
      case HTTP_ERROR -> a.status() != null && (a.status() == 429 || a.status() >= 500);
      default -> false;
    };
  }

  /** Whether the breaker saw the attempt at all (a circuit-open one never reached the host). */
  static boolean reachedBreaker(Attempt a) {
    return a.outcome() != Outcome.CIRCUIT_OPEN && a.outcome() != Outcome.IO_ERROR;
  }

  /** The state for a host whose recorded attempts are {@code newestFirst}. */
  public static Decision decide(List<Attempt> newestFirst, Instant now, Duration openFor) {
    List<Attempt> window = new ArrayList<>();
    for (Attempt a : newestFirst) {
      if (reachedBreaker(a)) {
        window.add(a);
        if (window.size() == Fetcher.WINDOW) {
          break;
        }
      }
    }
    int failures = 0;
    Instant lastFailure = null;
    for (Attempt a : window) {
      if (hostFailure(a)) {
        failures++;
        Instant end = a.startedAt().plusMillis(a.durationMs());
        if (lastFailure == null || end.isAfter(lastFailure)) {
          lastFailure = end;
        }
      }
    }
    boolean tripped =
        window.size() >= Fetcher.MIN_CALLS
            && failures * 100 >= Fetcher.FAILURE_RATE * window.size();
    if (tripped) {
      Instant until = lastFailure.plus(openFor);
      return until.isAfter(now)
          ? new Decision(CircuitBreaker.State.OPEN, until, List.of())
          : new Decision(CircuitBreaker.State.HALF_OPEN, null, List.of());
    }
    List<Attempt> replay = new ArrayList<>(window);
    java.util.Collections.reverse(replay);
    return new Decision(CircuitBreaker.State.CLOSED, null, List.copyOf(replay));
  }

  /** Puts a fresh breaker into the decided state. */
  static void apply(Decision d, CircuitBreaker b) {
    switch (d.state()) {
      case OPEN -> b.transitionToOpenStateUntil(d.openUntil());
      case HALF_OPEN -> {
        b.transitionToOpenState();
        b.transitionToHalfOpenState();
      }
      default -> {
        for (Attempt a : d.replay()) {
          if (hostFailure(a)) {
            b.onError(a.durationMs(), TimeUnit.MILLISECONDS, new java.io.IOException("recorded"));
          } else {
            b.onSuccess(a.durationMs(), TimeUnit.MILLISECONDS);
          }
        }
      }
    }
  }
}
