package dev.signalcheck.io;

import dev.signalcheck.core.audit.ReadStatistics;
import dev.signalcheck.core.audit.SeriesSource;
import dev.signalcheck.core.audit.SourceInfo;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.io.InputFile.Format;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * Reads a table (CSV/TSV/TXT, gzip or not, Parquet, JSON/JSONL, or CSV on standard input) through
 * DuckDB and hands it over as one {@link SeriesData} per series. CSV parsing, delimiter sniffing,
 * decompression and sorting are DuckDB's; column names only ever enter SQL as quoted identifiers
 * and user values only as bound parameters.
 *
 * <p>This class opens the input and answers for it; the work is done by its parts: {@link
 * InputFile} (the file before reading), {@link TableLoader} (into DuckDB), {@link InputLimits}
 * (width and memory), {@link ColumnNames} and {@link ColumnRoles} (which column is what), {@link
 * ColumnSamples} and {@link DecimalComma} (what the columns hold), {@link CellSql} (cells in SQL),
 * and {@link SeriesQuery} with {@link SeriesStream} (the series out).
 */
public final class TableReader implements SeriesSource {

  private final InputSpec spec;
  private final String displayName;
  private final Connection conn;
  private final Path tempCopy;

  /** DuckDB's own spill directory for this input ({@link DuckDbMemory}). */
  private final Path spill;

  private final TableLoader loader;

  /** Whether {@link #close} was called (guarded by this). */
  private boolean closed;

  private final List<String> columns;
  private final long rows;
  private final ColumnNames names;

  /** The roles of the columns; null when the input is read only as a table. */
  private final ColumnRoles roles;

  private final List<String> timeCols;
  private final List<String> targets;
  private final List<String> ids;
  private final TimeParser timeParser;

  /** The series read out; null when the input is read only as a table. */
  private final SeriesStream stream;

  /**
   * @param series whether the input is read as series (time, targets, ids resolved) or only as a
   *     table
   */
  private TableReader(InputSpec spec, boolean series) {
    this.spec = spec;
    boolean several = !"-".equals(spec.source()) && SourceFiles.several(spec.sources());
    this.displayName =
        "-".equals(spec.source())
            ? "standard input"
            : several
                ? TableLoader.severalName(spec.sources())
                : Path.of(spec.source()).getFileName().toString();
    try {
      conn = DriverManager.getConnection("jdbc:duckdb:", DuckDbMemory.properties());
      spill = DuckDbMemory.apply(conn);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    }
    this.loader = new TableLoader(conn, spec, displayName, series);
    Path copy = null;
    try {
      if (several) {
        loader.loadSeveral(SourceFiles.expand(spec.sources()));
      } else {
        Path path;
        if ("-".equals(spec.source())) {
          copy = InputFile.copyStdin();
          path = copy;
        } else {
          path = Path.of(spec.source());
        }
        loader.loadFile(
            path, copy != null ? Format.CSV : Format.of(path), displayName, copy != null);
      }
    } catch (RuntimeException e) {
      InputFile.deleteQuietly(copy);
      loader.deleteTemporary();
      try {
        conn.close();
      } catch (SQLException ignored) {
        // nothing was read
      }
      DuckDbMemory.deleteSpill(spill);
      throw e;
    }
    this.tempCopy = copy;
    try {
      columns = TableLoader.describe(conn);
      loader.widen(columns.size());
      rows = TableLoader.count(conn);
      if (rows == 0) {
        throw new InputException(displayName + " has a header but no data rows; nothing to audit");
      }
      names = new ColumnNames(columns, displayName);
      if (series) {
        InputLimits.checkWidth(spec, displayName, columns.size());
        CellSql cells = new CellSql(spec);
        roles =
            new ColumnRoles(
                spec, displayName, conn, columns, names, new ColumnSamples(conn, columns, cells));
        timeCols = roles.time();
        ids = roles.ids();
        targets = roles.targets();
        InputLimits.checkMemory(displayName, largestSeries());
        timeParser = roles.sniffTime();
        stream =
            new SeriesStream(
                conn,
                displayName,
                roles,
                cells,
                loader,
                timeParser,
                roles.sniffRecordedAt(),
                spec.timezone());
      } else {
        roles = null;
        timeCols = List.of();
        ids = List.of();
        targets = List.of();
        timeParser = null;
        stream = null;
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Opens and inspects the input; the data are read later by {@link #forEachSeries}. */
  public static TableReader open(InputSpec spec) {
    return new TableReader(spec, true);
  }

  /** Opens the input as a plain table, for reading single columns ({@link #distinctCounts}). */
  public static TableReader openTable(InputSpec spec) {
    return new TableReader(spec, false);
  }

  /** The rows of the largest series: all rows without --id, else the largest id's. */
  long largestSeries() {
    if (ids.isEmpty()) {
      return rows;
    }
    String sql =
        "SELECT max(n) FROM (SELECT count(*) AS n FROM src GROUP BY "
            + ids.stream().map(Sql::ident).collect(Collectors.joining(", "))
            + ")";
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw readFailure(e);
    }
  }

  private InputException readFailure(SQLException e) {
    return new InputException(
        "cannot read " + displayName + ": " + Sql.firstLine(e.getMessage()), e);
  }

  /**
   * The distinct values of a column with their row counts, most frequent first (ties alphabetical);
   * cells that are NULL (empty in a CSV) are left out. The values are the text as written,
   * untrimmed.
   *
   * @param option the option that named the column, for the error message when it does not exist
   */
  @Override
  public LinkedHashMap<String, Long> distinctCounts(String column, String option) {
    String c = names.resolve(column, option);
    String sql =
        "SELECT CAST("
            + Sql.ident(c)
            + " AS VARCHAR) AS v, count(*) AS n FROM src WHERE "
            + Sql.ident(c)
            + " IS NOT NULL GROUP BY 1 ORDER BY n DESC, v";
    LinkedHashMap<String, Long> out = new LinkedHashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new InputException(
          "cannot read column '" + c + "' of " + displayName + ": " + Sql.firstLine(e.getMessage()),
          e);
    }
    return out;
  }

  public String displayName() {
    return displayName;
  }

  @Override
  public SourceInfo info() {
    return new SourceInfo(
        displayName, timeCols, targets, ids, spec.covariates(), spec.recordedAt(), columns);
  }

  @Override
  public ReadStatistics statistics() {
    return stream == null
        ? new ReadStatistics(rows, 0, new LinkedHashMap<>(), List.of())
        : stream.statistics(rows);
  }

  public List<String> columns() {
    return columns;
  }

  public long rows() {
    return rows;
  }

  @Override
  public long rowCount() {
    return rows;
  }

  public List<String> timeColumns() {
    return timeCols;
  }

  public List<String> targets() {
    return targets;
  }

  /** 0/1 columns left out of the default targets: labels, not measurements (--target adds them). */
  public List<String> flagColumns() {
    return roles == null ? List.of() : roles.flags();
  }

  /**
   * Checks series ids named by the user (e.g. {@code --detail}): each must be a series of this
   * input.
   *
   * @throws UsageException naming the first unknown id and a few known ones
   */
  public void requireSeries(List<String> wanted, String option) {
    try {
      for (String id : wanted) {
        if (!InputProbe.hasSeries(conn, ids, targets, id)) {
          throw new UsageException(
              "no series '"
                  + id
                  + "' ("
                  + option
                  + ") in "
                  + displayName
                  + "; series ids are as in the report, e.g. "
                  + String.join(", ", InputProbe.someSeries(conn, ids, targets, 5)));
        }
      }
    } catch (SQLException e) {
      throw readFailure(e);
    }
  }

  /**
   * The hints of {@link InputProbe#hints}, asked of a second connection to the same database: the
   * audit asks for them from a worker thread, while this reader's connection may be streaming the
   * series out. NONE when they cannot be had (the reader closed meanwhile).
   */
  @Override
  public InputHints inputHints() {
    Connection second;
    synchronized (this) {
      if (closed) {
        return InputHints.NONE;
      }
      try {
        second = conn.unwrap(DuckDBConnection.class).duplicate();
      } catch (SQLException e) {
        return InputHints.NONE;
      }
    }
    try {
      return InputProbe.hints(
          second,
          columns,
          timeCols,
          ids,
          targets,
          names.resolveAll(spec.covariates(), "--covariates"),
          timeParser.kind());
    } finally {
      // closed here, not by close(): the database lives until its last connection closes
      closeQuietly(second);
    }
  }

  public List<String> ids() {
    return ids;
  }

  /** Rows that could not be used at all (no time and no value), counted while reading. */
  public long rejectedRows() {
    return stream == null ? 0 : stream.rejectedRows();
  }

  public List<Long> rejectedExamples() {
    return stream == null ? List.of() : stream.rejectedExamples();
  }

  /** Of the rejected rows, those without a series key. */
  public long rejectedForMissingId() {
    return stream == null ? 0 : stream.rejectedForMissingId();
  }

  public TimeParser timeParser() {
    return timeParser;
  }

  /**
   * Streams the data, one {@link SeriesData} per series (per id value × target in long layout, per
   * target in wide layout), in the order of each series' first row. Memory holds one id's rows at a
   * time. Times in ISO form and integers are converted by DuckDB; text crosses into Java only where
   * DuckDB could not read it.
   */
  @Override
  public void forEachSeries(Consumer<SeriesData> sink) {
    stream.forEachSeries(sink);
  }

  /**
   * How many series {@link #forEachSeries} will hand over: distinct keys × targets (for progress).
   */
  @Override
  public long seriesCount() {
    if (ids.isEmpty()) {
      return targets.size();
    }
    String key = ids.stream().map(Sql::ident).collect(Collectors.joining(", "));
    String notNull =
        ids.stream().map(i -> Sql.ident(i) + " IS NOT NULL").collect(Collectors.joining(" AND "));
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM (SELECT DISTINCT "
                    + key
                    + " FROM src WHERE "
                    + notNull
                    + ")")) {
      rs.next();
      return rs.getLong(1) * targets.size();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    closeQuietly(conn);
    InputFile.deleteQuietly(tempCopy);
    loader.deleteTemporary();
    DuckDbMemory.deleteSpill(spill);
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException ignored) {
      // closing an in-memory database cannot lose anything
    }
  }
}
