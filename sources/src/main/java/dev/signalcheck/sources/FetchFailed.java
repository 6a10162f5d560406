package dev.signalcheck.sources;

/** An attempt that failed: what the ledger records, and whether to try again. */
final class FetchFailed extends Exception {
  private static final long serialVersionUID = 1L;

  final Outcome outcome;
  final boolean retryable;
  final long retryAfterMs;

  FetchFailed(Outcome outcome, boolean retryable, long retryAfterMs, String message) {
    super(message, null, false, false);
    this.outcome = outcome;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }

  /** A failure that is not retried and says nothing of a Retry-After. */
  static FetchFailed notRetried(Outcome outcome, String message) {
    return new FetchFailed(outcome, false, -1, message);
  }

  /** The message with a trailing newline or carriage return folded into one line. */
  static String oneLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replace('\n', ' ').replace('\r', ' ').trim();
  }
}
