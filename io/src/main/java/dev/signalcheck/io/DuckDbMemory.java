package dev.signalcheck.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * DuckDB's own memory, beside the Java heap: the input is loaded into a DuckDB table and sorted
 * there, in native memory that {@code -Xmx} does not bound (a 286 MB CSV of ten million rows took
 * DuckDB to some 2 GB by default, 80% of the machine's memory being its default limit). Its limit
 * follows the Java heap: a quarter of it, at least {@value #FLOOR_MB} MB (with half, DuckDB still
 * took about 1 GB beside a 1 GB heap for that file: some of its allocations are outside the limit).
 * Beyond it DuckDB spills to a directory of its own under {@code java.io.tmpdir} (DuckDB names its
 * spill files alike in every process, so each reader has its own), deleted when the reader closes.
 */
final class DuckDbMemory {
  private DuckDbMemory() {}

  static final long FLOOR_MB = 256;

  /**
   * The connection's properties: results streamed to Java chunk by chunk ({@code
   * jdbc_stream_results}); by default DuckDB's driver materialises a whole result first, outside
   * the memory limit (the sorted rows of the W4 file, some 800 MB, beside the Java heap).
   */
  static Properties properties() {
    Properties p = new Properties();
    p.setProperty("jdbc_stream_results", "true");
    return p;
  }

  /**
   * What a column costs DuckDB whatever the rows: its buffers while a CSV is read and per-cell
   * expressions while it is queried (a 2,000-column file of 200 rows did not load within 256 MB,
   * and did within 512 MB).
   */
  static final long PER_COLUMN_KB = 256;

  /** DuckDB's memory limit in MB for a Java heap of {@code maxHeapBytes}. */
  static long limitMb(long maxHeapBytes) {
    return limitMb(maxHeapBytes, 0);
  }

  /**
   * DuckDB's memory limit in MB for a Java heap of {@code maxHeapBytes} and a table of {@code
   * columns} columns: a quarter of the heap, and at least the floor plus what the columns need.
   */
  static long limitMb(long maxHeapBytes, int columns) {
    long widthMb = FLOOR_MB + (long) columns * PER_COLUMN_KB / 1024;
    return Math.max(widthMb, maxHeapBytes / 4 / (1024 * 1024));
  }

  /** Raises the limit of a connection for a table this wide (never lowers it below the heap's). */
  static void widen(Connection conn, int columns) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(
          String.format(
              Locale.ROOT,
              "SET memory_limit = '%dMB'",
              limitMb(Runtime.getRuntime().maxMemory(), columns)));
    }
  }

  /**
   * Sets the limit and a new spill directory on a fresh connection.
   *
   * @return the spill directory, for {@link #deleteSpill} once the connection is closed
   */
  static Path apply(Connection conn) throws SQLException {
    Path dir;
    try {
      dir = Files.createTempDirectory("signalcheck-duckdb-");
    } catch (IOException e) {
      throw new SQLException("cannot create a temporary directory: " + e.getMessage(), e);
    }
    try (Statement st = conn.createStatement()) {
      st.execute(
          String.format(
              Locale.ROOT, "SET memory_limit = '%dMB'", limitMb(Runtime.getRuntime().maxMemory())));
      st.execute("SET temp_directory = " + Sql.literal(dir.toAbsolutePath().toString()));
    } catch (SQLException e) {
      deleteSpill(dir);
      throw e;
    }
    return dir;
  }

  /** Deletes a spill directory and whatever DuckDB left in it; quietly, as temporary files go. */
  static void deleteSpill(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(InputFile::deleteQuietly);
    } catch (IOException ignored) {
      // already gone
    }
    InputFile.deleteQuietly(dir);
  }
}
