package dev.signalcheck.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The breaker carried across processes (from the recorded attempts) and the watch schedule: the
 * decision follows the breaker's own rule, and a fresh resilience4j breaker put into the decided
 * state lets through what that state allows.
 */
class BreakerMemoryTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration OPEN_FOR = Duration.ofMinutes(5);

  private static Attempt attempt(Outcome o, Integer status, Instant at) {
    return new Attempt(1, at, 100, status, 0, o, "", 0);
  }

  @Provide
  Arbitrary<List<Attempt>> histories() {
    Arbitrary<Attempt> one =
        Arbitraries.of(
                Outcome.OK,
                Outcome.HTTP_ERROR,
                Outcome.TIMEOUT,
                Outcome.CONNECTION_RESET,
                Outcome.CIRCUIT_OPEN,
                Outcome.IO_ERROR)
            .flatMap(
                o ->
                    Arbitraries.of(200, 404, 429, 500, 503)
                        .flatMap(
                            st ->
                                Arbitraries.integers()
                                    .between(1, 3_600)
                                    .map(
                                        sec ->
                                            attempt(
                                                o,
                                                o == Outcome.HTTP_ERROR ? st : null,
                                                NOW.minusSeconds(sec)))));
    return one.list().ofMaxSize(30).map(l -> sortedNewestFirst(l));
  }

  private static List<Attempt> sortedNewestFirst(List<Attempt> l) {
    List<Attempt> s = new ArrayList<>(l);
    s.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
    return s;
  }

  @Property
  void theDecisionFollowsTheWindowRule(@ForAll("histories") List<Attempt> newestFirst) {
    BreakerMemory.Decision d = BreakerMemory.decide(newestFirst, NOW, OPEN_FOR);
    List<Attempt> window =
        newestFirst.stream().filter(BreakerMemory::reachedBreaker).limit(Fetcher.WINDOW).toList();
    long failures = window.stream().filter(BreakerMemory::hostFailure).count();
    boolean tripped =
        window.size() >= Fetcher.MIN_CALLS
            && failures * 100 >= Fetcher.FAILURE_RATE * window.size();
    if (!tripped) {
      assertThat(d.state()).isEqualTo(CircuitBreaker.State.CLOSED);
      assertThat(d.replay()).hasSize(window.size());
      // replayed oldest first
      for (int i = 1; i < d.replay().size(); i++) {
        assertThat(d.replay().get(i).startedAt())
            .isAfterOrEqualTo(d.replay().get(i - 1).startedAt());
      }
    } else {
      Instant lastFailureEnd =
          window.stream()
              .filter(BreakerMemory::hostFailure)
              .map(a -> a.startedAt().plusMillis(a.durationMs()))
              .max(Instant::compareTo)
              .orElseThrow();
      if (lastFailureEnd.plus(OPEN_FOR).isAfter(NOW)) {
        assertThat(d.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(d.openUntil()).isEqualTo(lastFailureEnd.plus(OPEN_FOR));
      } else {
        assertThat(d.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
      }
    }
  }

  private static CircuitBreaker fresh() {
    return CircuitBreaker.of(
        "host",
        CircuitBreakerConfig.custom()
            .slidingWindow(
                Fetcher.WINDOW,
                Fetcher.MIN_CALLS,
                CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(Fetcher.FAILURE_RATE)
            .waitDurationInOpenState(OPEN_FOR)
            .permittedNumberOfCallsInHalfOpenState(1)
            .build());
  }

  @Test
  void aHostThatFailedInTheLastProcessIsNotTriedByTheNext() {
    // the breaker keeps the real clock: the failures are recent on it
    Instant now = Instant.now();
    List<Attempt> fails = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fails.add(attempt(Outcome.TIMEOUT, null, now.minusSeconds(10 + i)));
    }
    BreakerMemory.Decision d = BreakerMemory.decide(fails, now, OPEN_FOR);
    CircuitBreaker b = fresh();
    BreakerMemory.apply(d, b);
    assertThat(b.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(b.tryAcquirePermission()).as("a call while open").isFalse();
  }

  @Test
  void afterTheOpenTimeOneTrialGoesThroughAndNoMore() {
    List<Attempt> fails = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fails.add(
          attempt(Outcome.CONNECTION_RESET, null, NOW.minus(Duration.ofHours(1)).minusSeconds(i)));
    }
    BreakerMemory.Decision d = BreakerMemory.decide(fails, NOW, OPEN_FOR);
    assertThat(d.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    CircuitBreaker b = fresh();
    BreakerMemory.apply(d, b);
    assertThat(b.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(b.tryAcquirePermission()).isTrue();
    assertThat(b.tryAcquirePermission()).as("a second trial").isFalse();
  }

  @Test
  void aClosedBreakerRemembersItsWindowSoFewMoreFailuresOpenIt() {
    // 5 recorded calls, one of them a host failure (a 404 is not one): not tripped
    List<Attempt> h = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      h.add(attempt(Outcome.OK, null, NOW.minusSeconds(100 + i)));
    }
    h.add(attempt(Outcome.HTTP_ERROR, 503, NOW.minusSeconds(200)));
    h.add(attempt(Outcome.HTTP_ERROR, 404, NOW.minusSeconds(201))); // not a host failure
    List<Attempt> newestFirst = sortedNewestFirst(h);
    BreakerMemory.Decision d = BreakerMemory.decide(newestFirst, NOW, OPEN_FOR);
    assertThat(d.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    CircuitBreaker b = fresh();
    BreakerMemory.apply(d, b);
    assertThat(b.getMetrics().getNumberOfBufferedCalls()).isEqualTo(5);
    assertThat(b.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    // this one opens after 3 more failures (4 of 8 failed); a fresh breaker without the history has
    // seen too few calls to judge after those 3 and stays closed
    CircuitBreaker forgetful = fresh();
    for (int i = 0; i < 3; i++) {
      b.onError(10, java.util.concurrent.TimeUnit.MILLISECONDS, new java.io.IOException("x"));
      forgetful.onError(
          10, java.util.concurrent.TimeUnit.MILLISECONDS, new java.io.IOException("x"));
    }
    assertThat(b.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(forgetful.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Property
  void aWatchPullsEachSourceOncePerIntervalNeverEarly(
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 180) Integer> minutes,
      @ForAll @IntRange(min = 1, max = 600) int ticks) {
    Map<String, Duration> every = new java.util.LinkedHashMap<>();
    for (int i = 0; i < minutes.size(); i++) {
      every.put("s" + i, Duration.ofMinutes(minutes.get(i)));
    }
    WatchSchedule s = new WatchSchedule(every, Map.of());
    Map<String, Instant> last = new java.util.HashMap<>();
    Map<String, Integer> pulls = new java.util.HashMap<>();
    Instant t = NOW;
    for (int k = 0; k < ticks; k++) {
      for (String name : s.dueAt(t)) {
        Instant prev = last.get(name);
        if (prev != null) {
          assertThat(Duration.between(prev, t)).isGreaterThanOrEqualTo(every.get(name));
        }
        s.pulled(name, t);
        last.put(name, t);
        pulls.merge(name, 1, Integer::sum);
      }
      Instant next = s.next(t);
      assertThat(next).isAfter(t); // everything due was pulled
      t = next; // a bounded run jumps to the next due moment instead of sleeping
    }
    // every source was pulled
    assertThat(pulls.keySet()).containsExactlyInAnyOrderElementsOf(every.keySet());
  }
}
