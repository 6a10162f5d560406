package dev.signalcheck.sources;

import dev.signalcheck.core.checks.Alignment;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.core.sources.SeriesEnd;
import dev.signalcheck.core.sources.Snapshot;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.TableReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a fetched file as the audit would (the same {@link TableReader} and input options) and sums
 * it up as a {@link Snapshot}: rows, series, first and newest stamp, step, and the column types
 * DuckDB sniffs.
 */
final class SnapshotReader {
  private SnapshotReader() {}

  /** One in-memory DuckDB for sniffing column types, opened once (starting DuckDB is slow). */
  private static Connection sniffer;

  /**
   * A file read for comparison.
   *
   * @param series every series by id (kept in memory: sources are compared whole)
   * @param used the columns the audit reads: time, targets, ids
   */
  record Read(
      Snapshot snapshot, Map<String, SeriesData> series, List<SeriesEnd> ends, Set<String> used) {}

  static Read read(Path file, InputSpec spec, Step step, Instant fetchedAt, String hash) {
    return read(file, spec, step, fetchedAt, hash, true);
  }

  /**
   * @param types whether to sniff the column types (not needed for an earlier snapshot, whose types
   *     are in the ledger)
   */
  static Read read(
      Path file, InputSpec spec, Step step, Instant fetchedAt, String hash, boolean types) {
    InputSpec s =
        new InputSpec(
            file.toString(),
            spec.time(),
            spec.targets(),
            spec.ids(),
            spec.covariates(),
            spec.recordedAt(),
            spec.delimiter(),
            spec.decimal(),
            spec.missingTokens(),
            spec.timeFormat(),
            spec.timezone());
    Map<String, SeriesData> series = new LinkedHashMap<>();
    List<SeriesEnd> ends = new ArrayList<>();
    long rows;
    List<String> names;
    Set<String> used = new LinkedHashSet<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    Object firstText = null;
    Object lastText = null;
    Step firstStep = null;
    boolean calendar = true;
    try (TableReader r = TableReader.open(s)) {
      rows = r.rows();
      names = r.columns();
      used.addAll(r.timeColumns());
      used.addAll(r.targets());
      used.addAll(r.ids());
      r.forEachSeries(d -> series.put(d.id(), d));
    }
    for (SeriesData d : series.values()) {
      long lo = Long.MAX_VALUE;
      long hi = Long.MIN_VALUE;
      for (int i = 0; i < d.size(); i++) {
        long t = d.time(i);
        if (t != TimeParser.UNPARSEABLE) {
          lo = Math.min(lo, t);
          hi = Math.max(hi, t);
        }
      }
      if (hi == Long.MIN_VALUE) {
        continue;
      }
      calendar &= d.timeFormat().kind().isCalendar();
      Step st = step;
      if (st == null) {
        try {
          st = Alignment.align(d, null).step();
        } catch (RuntimeException e) {
          st = null;
        }
      }
      if (firstStep == null) {
        firstStep = st;
      }
      ends.add(new SeriesEnd(d.id(), hi, d.timeFormat().text(hi), st));
      if (lo < first) {
        first = lo;
        firstText = d.timeFormat().format(lo);
      }
      if (hi > last) {
        last = hi;
        lastText = d.timeFormat().format(hi);
      }
    }
    Snapshot snap =
        new Snapshot(
            fetchedAt,
            hash,
            types ? columnTypes(file, names) : List.of(),
            rows,
            series.size(),
            firstStep == null || !calendar ? null : firstStep.iso(),
            firstText == null ? null : String.valueOf(firstText),
            lastText == null ? null : String.valueOf(lastText),
            lastText == null || !calendar ? null : last);
    return new Read(snap, series, ends, used);
  }

  /**
   * The columns with the types DuckDB sniffs (the audit itself reads CSV as text).
   *
   * @param names the names the reader found, or null to take the sniffer's
   */
  static List<Snapshot.Column> columnTypes(Path file, List<String> names) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    String p = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    String from =
        name.endsWith(".parquet")
            ? "read_parquet(" + p + ")"
            : name.endsWith(".json") || name.endsWith(".jsonl")
                ? "read_json_auto(" + p + ")"
                : "read_csv(" + p + ", sample_size=-1)";
    List<Snapshot.Column> out = new ArrayList<>();
    synchronized (SnapshotReader.class) {
      try {
        if (sniffer == null || sniffer.isClosed()) {
          sniffer = DriverManager.getConnection("jdbc:duckdb:");
        }
        try (Statement st = sniffer.createStatement();
            ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + from)) {
          while (rs.next()) {
            out.add(new Snapshot.Column(rs.getString(1), rs.getString(2)));
          }
        }
      } catch (SQLException e) {
        out.clear();
      }
    }
    if (names != null && out.size() != names.size()) {
      // the sniffer disagrees with the reader: names as the audit reads them, types unknown
      out.clear();
      for (String n : names) {
        out.add(new Snapshot.Column(n, "UNKNOWN"));
      }
    }
    return out;
  }

  /** SHA-256 of the column names and types, in order. */
  static String fingerprint(List<Snapshot.Column> cols) {
    StringBuilder sb = new StringBuilder();
    for (Snapshot.Column c : cols) {
      sb.append(c.name()).append('\t').append(c.type()).append('\n');
    }
    return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
