package dev.signalcheck.sources;

/** How one attempt to fetch a source ended. */
public enum Outcome {
  OK("ok", false),
  /** A status other than 2xx: 429 and 5xx are retried, other 4xx are not. */
  HTTP_ERROR("http-error", false),
  /** No connection, no response or no complete body within the timeout: retried. */
  TIMEOUT("timeout", true),
  /**
   * The connection was refused, reset or closed early (a truncated body), or a database could not
   * be reached: retried.
   */
  CONNECTION_RESET("connection-reset", true),
  /** The host's circuit breaker is open: not tried, so a dead host is not hammered. */
  CIRCUIT_OPEN("circuit-open", false),
  /** The body exceeded the size limit: not retried. */
  TOO_LARGE("too-large", false),
  /** A file:// source or a database file that cannot be read: not retried. */
  IO_ERROR("io-error", false),
  /** The database answered with an error (no such table, a bad query, a refused login). */
  DB_ERROR("db-error", false);

  private final String label;
  private final boolean retried;

  Outcome(String label, boolean retried) {
    this.label = label;
    this.retried = retried;
  }

  /** The name stored in the ledger and shown in reports. */
  public String label() {
    return label;
  }

  /** Whether an attempt that ended so is tried again (http-error: depends on the status). */
  boolean retried() {
    return retried;
  }
}
