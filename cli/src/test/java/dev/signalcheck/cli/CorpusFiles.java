package dev.signalcheck.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * The corpus inputs: {@code NAME} is a file of {@code testdata/corpus}, {@code gen:NAME} a file
 * generated on the fly into {@code target/corpus} (the big ones, never committed).
 */
final class CorpusFiles {

  private CorpusFiles() {}

  static String resolve(String input) {
    if (!input.startsWith("gen:")) {
      return CorpusTest.CORPUS.resolve(input).toString();
    }
    String name = input.substring(4);
    Path p = CorpusTest.WORK.resolve(name);
    try {
      Files.createDirectories(CorpusTest.WORK);
      if (!Files.exists(p)) {
        generate(name, p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.toString();
  }

  private static void generate(String name, Path p) throws IOException {
    if (name.startsWith("wide-")) {
      // wide-COLSxROWS.csv: an hourly time column and COLS value columns
      String[] dims = name.substring(5, name.indexOf('.')).split("x");
      wide(p, Integer.parseInt(dims[0]), Integer.parseInt(dims[1]));
      return;
    }
    if (name.equals("hive-parquet")) {
      hiveParquet(p);
      return;
    }
    if (name.equals("truncated.parquet")) {
      truncatedParquet(p);
      return;
    }
    throw new IllegalArgumentException("no generator for " + name);
  }

  private static void wide(Path p, int cols, int rows) throws IOException {
    LocalDateTime t0 = LocalDateTime.of(2024, 1, 1, 0, 0);
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write("time");
      for (int c = 0; c < cols; c++) {
        w.write(",s" + c);
      }
      w.write('\n');
      for (int r = 0; r < rows; r++) {
        w.write(t0.plusHours(r).toString());
        for (int c = 0; c < cols; c++) {
          double v = 10 + Math.sin(2 * Math.PI * r / 24.0 + c) + ((r * 31 + c * 17) % 7) / 10.0;
          w.write(',');
          w.write(String.format(Locale.ROOT, "%.2f", v));
        }
        w.write('\n');
      }
    }
  }

  /** A Parquet file of the hourly readings cut in the middle, as by an interrupted copy. */
  private static void truncatedParquet(Path p) throws IOException {
    Path whole = CorpusTest.WORK.resolve("whole-for-truncation.parquet");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement()) {
      st.execute(
          "COPY (SELECT * FROM read_csv('"
              + CorpusTest.CORPUS.resolve("hourly.csv").toAbsolutePath()
              + "')) TO '"
              + whole.toAbsolutePath()
              + "' (FORMAT parquet)");
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
    byte[] all = Files.readAllBytes(whole);
    Files.write(p, java.util.Arrays.copyOf(all, all.length / 2));
    Files.delete(whole);
  }

  /** A folder sensor=a/part-0.parquet, sensor=b/part-0.parquet from the CSV partitions. */
  private static void hiveParquet(Path dir) throws IOException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement()) {
      for (String sensor : new String[] {"a", "b"}) {
        Path d = dir.resolve("sensor=" + sensor);
        Files.createDirectories(d);
        Path csv = CorpusTest.CORPUS.resolve("hive/sensor=" + sensor + "/part-0.csv");
        st.execute(
            "COPY (SELECT * FROM read_csv('"
                + csv.toAbsolutePath()
                + "', hive_partitioning=false)) TO '"
                + d.resolve("part-0.parquet").toAbsolutePath()
                + "' (FORMAT parquet)");
      }
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
  }
}
