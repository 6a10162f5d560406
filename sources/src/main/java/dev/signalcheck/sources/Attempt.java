package dev.signalcheck.sources;

import java.time.Instant;

/**
 * One attempt of a pull, as recorded in the ledger.
 *
 * @param number 1 for the first attempt
 * @param startedAt when it started
 * @param durationMs how long it took
 * @param status the HTTP status, or null without a response (and for file://)
 * @param bytes body bytes received
 * @param outcome how it ended
 * @param message what happened, one line, without secrets (null when ok)
 * @param waitMs how long the client waited before the next attempt, or 0
 */
public record Attempt(
    int number,
    Instant startedAt,
    long durationMs,
    Integer status,
    long bytes,
    Outcome outcome,
    String message,
    long waitMs) {

  Attempt withWait(long ms) {
    return new Attempt(number, startedAt, durationMs, status, bytes, outcome, message, ms);
  }
}
