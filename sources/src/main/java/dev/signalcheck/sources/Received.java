package dev.signalcheck.sources;

/** What one attempt got before it ended: filled in by the attempt, read by {@link Fetcher}. */
final class Received {
  /** The HTTP status, or null without a response (and for files and databases). */
  Integer status;

  /** Body bytes received (after gzip is undone), or rows written out for a database. */
  long bytes;

  /** The response's Content-Type, or null. */
  String contentType;

  /** Whether the stored body itself is gzip data (a .gz file, not a gzip transfer). */
  boolean gzipped;
}
