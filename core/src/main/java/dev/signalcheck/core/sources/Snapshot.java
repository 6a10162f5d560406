package dev.signalcheck.core.sources;

import java.time.Instant;
import java.util.List;

/**
 * What one successful pull of a source looked like: enough to compare pulls with each other without
 * reading their data again.
 *
 * @param fetchedAt when the pull finished
 * @param contentHash SHA-256 of the bytes fetched (after any transfer encoding is undone)
 * @param columns every column in the order of the file, with the type the reader sniffed
 * @param rows data rows
 * @param series series in the data (1 for a single series)
 * @param step the step of the first series, ISO 8601 ({@code PT1H}), or null when unknown or the
 *     time is an integer index
 * @param firstStamp the oldest time stamp, as written by the reader, or null
 * @param lastStamp the newest time stamp, as written by the reader, or null
 * @param lastStampMillis the newest time stamp in milliseconds since the epoch (local times read as
 *     UTC), or null when the time is an index or there is none
 */
public record Snapshot(
    Instant fetchedAt,
    String contentHash,
    List<Column> columns,
    long rows,
    long series,
    String step,
    String firstStamp,
    String lastStamp,
    Long lastStampMillis) {

  public Snapshot {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /** A column name with the type the reader gave it (e.g. {@code BIGINT}, {@code VARCHAR}). */
  public record Column(String name, String type) {}
}
