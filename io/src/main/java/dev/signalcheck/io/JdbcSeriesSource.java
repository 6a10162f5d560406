package dev.signalcheck.io;

import dev.signalcheck.core.audit.ReadStatistics;
import dev.signalcheck.core.audit.SeriesSource;
import dev.signalcheck.core.audit.SourceInfo;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Series from a database table or query, read through the database's own JDBC driver (PostgreSQL,
 * SQLite, DuckDB): one ordered query ({@code ORDER BY} the key columns, then time) whose rows are
 * streamed with a fetch size (PostgreSQL gets a cursor: no auto-commit), so memory holds one series
 * at a time. Identifiers are quoted; a {@code --where} condition and a {@code --query} are the
 * user's own SQL, run with the user's rights, and values never enter SQL as text. Times cross as
 * text and are read as a file's times are ({@link TimeParser}, sniffed from the first 1,000);
 * values as numbers, or as text that must parse (databases without types, like SQLite, hand over
 * what was stored). A password is never part of any name this source shows ({@link #redact}).
 */
public final class JdbcSeriesSource implements SeriesSource {

  /** Rows fetched per round trip. */
  static final int FETCH_SIZE = 10_000;

  private static final int TIME_SAMPLE = 1_000;

  private final DatabaseInput input;
  private final InputSpec spec;
  private final Connection conn;
  private final String from;
  private final String displayName;
  private final List<String> columns;
  private final String time;
  private final List<String> ids;
  private final List<String> targets;
  private final List<String> covariates;
  private final TimeParser timeParser;
  private final JdbcCell cells;
  private long rows;
  private long rejected;
  private final List<Long> rejectedExamples = new ArrayList<>();
  private final Map<String, Long> reasons = new LinkedHashMap<>();

  private JdbcSeriesSource(DatabaseInput input, InputSpec spec, Connection conn) {
    this.input = input;
    this.spec = spec;
    this.conn = conn;
    this.displayName = input.displayName();
    this.from = input.fromClause();
    this.cells = new JdbcCell(spec);
    try {
      // the columns and their roles, without reading rows
      JdbcColumns roles = new JdbcColumns(conn, from, spec, displayName);
      this.columns = roles.columns();
      this.ids = roles.ids();
      this.covariates = roles.covariates();
      this.time = roles.time();
      this.targets = roles.targets();
      this.timeParser = sniffTime();
    } catch (SQLException e) {
      close();
      throw new InputException("cannot read " + displayName + ": " + firstLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Connects and reads the columns.
   *
   * @throws InputException when the database cannot be reached or the table or query not read
   * @throws UsageException when a named column does not exist
   */
  public static JdbcSeriesSource open(DatabaseInput input, InputSpec spec) {
    Connection c;
    try {
      c = DriverManager.getConnection(input.jdbcUrl(), input.credentials());
    } catch (SQLException e) {
      throw new InputException(
          "cannot connect to "
              + input.displayUrl()
              + ": "
              + redact(firstLine(e.getMessage()))
              + " (check the URL, the server, and the user and password: "
              + DatabaseInput.PASSWORD_ENV
              + " or --password-file)",
          null);
    }
    try {
      if (input.jdbcUrl().startsWith("jdbc:postgresql:")) {
        // the driver streams with a fetch size only inside a transaction
        c.setAutoCommit(false);
        c.setReadOnly(true);
      }
    } catch (SQLException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing was read yet
      }
      throw new InputException("cannot read " + input.displayName() + ": " + e.getMessage(), e);
    }
    return new JdbcSeriesSource(input, spec, c);
  }

  private TimeParser sniffTime() throws SQLException {
    List<String> sample = new ArrayList<>();
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT "
                + Sql.ident(time)
                + " FROM "
                + from
                + (input.query() != null || input.where() == null || input.where().isBlank()
                    ? " WHERE "
                    : " AND ")
                + Sql.ident(time)
                + " IS NOT NULL LIMIT "
                + TIME_SAMPLE)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String s = rs.getString(1);
          if (s != null && !s.isBlank()) {
            sample.add(s.trim());
          }
        }
      }
    }
    TimeParser p;
    try {
      p = TimeParser.sniff(sample, spec.timeFormat(), spec.timezone());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (--time-format)");
    }
    if (p == null) {
      throw new InputException(
          "column '"
              + time
              + "' of "
              + displayName
              + " holds no times this tool can read"
              + (sample.isEmpty() ? " (no value at all)" : " (e.g. '" + sample.get(0) + "')")
              + "; choose another column with --time or give --time-format");
    }
    return p;
  }

  /**
   * Which key columns are fixed-width text (SQL {@code CHAR}/{@code NCHAR}), whose trailing pad is
   * not part of the value. Every other key value is kept as it is and written as a file's is
   * ({@link SeriesStream#keyPart}), so "a" and "a " stay two series, as they do in a file.
   */
  private static boolean[] paddedColumns(ResultSet rs, int count) throws SQLException {
    boolean[] out = new boolean[count];
    java.sql.ResultSetMetaData md = rs.getMetaData();
    for (int k = 0; k < count; k++) {
      int type = md.getColumnType(k + 1);
      out[k] = type == java.sql.Types.CHAR || type == java.sql.Types.NCHAR;
    }
    return out;
  }

  @Override
  public SourceInfo info() {
    return new SourceInfo(displayName, List.of(time), targets, ids, covariates, null, columns);
  }

  @Override
  public void forEachSeries(Consumer<SeriesData> sink) {
    StringBuilder sql = new StringBuilder("SELECT ");
    List<String> select = new ArrayList<>();
    for (String id : ids) {
      select.add(Sql.ident(id));
    }
    select.add(Sql.ident(time));
    for (String t : targets) {
      select.add(Sql.ident(t));
    }
    for (String c : covariates) {
      select.add(Sql.ident(c));
    }
    sql.append(String.join(", ", select)).append(" FROM ").append(from).append(" ORDER BY ");
    for (String id : ids) {
      sql.append(Sql.ident(id)).append(", ");
    }
    sql.append(Sql.ident(time));
    TimeFormat fmt = timeParser.format();
    int nt = targets.size();
    int timeIdx = ids.size() + 1;
    try (PreparedStatement ps =
        conn.prepareStatement(
            sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      ps.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = ps.executeQuery()) {
        boolean[] padded = paddedColumns(rs, ids.size());
        boolean joined = ids.size() > 1 || nt > 1;
        String currentKey = null;
        SeriesData[] current = null;
        double[] v = new double[nt];
        byte[] st = new byte[nt];
        String[] raw = new String[nt];
        while (rs.next()) {
          long row = ++rows;
          String key = null;
          boolean nullId = false;
          if (!ids.isEmpty()) {
            StringBuilder kb = new StringBuilder();
            for (int k = 0; k < ids.size(); k++) {
              String s = rs.getString(k + 1);
              if (s == null || s.isBlank()) {
                nullId = true;
              }
              if (k > 0) {
                kb.append('/');
              }
              String part = s == null ? "" : padded[k] ? s.stripTrailing() : s;
              kb.append(SeriesStream.keyPart(part, joined));
            }
            key = kb.toString();
          }
          if (nullId) {
            reject(row, "no series key");
            continue;
          }
          if (current == null || (key != null && !key.equals(currentKey))) {
            if (current != null) {
              for (SeriesData d : current) {
                sink.accept(d);
              }
            }
            currentKey = key;
            current = new SeriesData[nt];
            for (int k = 0; k < nt; k++) {
              String sid =
                  key == null ? targets.get(k) : (nt > 1 ? key + "/" + targets.get(k) : key);
              current[k] = new SeriesData(sid, targets.get(k), fmt);
            }
          }
          String rawTime = rs.getString(timeIdx);
          boolean anyValue = false;
          for (int k = 0; k < nt; k++) {
            cells.read(rs.getObject(timeIdx + 1 + k), k, v, st, raw);
            anyValue |= st[k] != SeriesData.MISSING;
          }
          boolean noTime = rawTime == null || rawTime.isBlank();
          if (noTime && !anyValue) {
            reject(row, "no time and no value");
            continue;
          }
          long t = noTime ? TimeParser.UNPARSEABLE : timeParser.parse(rawTime.trim());
          for (int k = 0; k < nt; k++) {
            current[k].add(row, t, rawTime, v[k], st[k], raw[k]);
            for (int c = 0; c < covariates.size(); c++) {
              cells.read(rs.getObject(timeIdx + 1 + nt + c), 0, v, st, raw);
              current[k].setCovariate(
                  covariates.get(c), st[0] == SeriesData.OK ? v[0] : Double.NaN);
            }
          }
        }
        if (current != null) {
          for (SeriesData d : current) {
            sink.accept(d);
          }
        }
      }
    } catch (SQLException e) {
      throw new InputException("cannot read " + displayName + ": " + firstLine(e.getMessage()), e);
    }
  }

  private void reject(long row, String reason) {
    rejected++;
    reasons.merge(reason, 1L, Long::sum);
    if (rejectedExamples.size() < 5) {
      rejectedExamples.add(row);
    }
  }

  @Override
  public ReadStatistics statistics() {
    return new ReadStatistics(rows, rejected, reasons, rejectedExamples);
  }

  @Override
  public void close() {
    try {
      if (conn != null && !conn.isClosed()) {
        if (!conn.getAutoCommit()) {
          conn.rollback();
        }
        conn.close();
      }
    } catch (SQLException ignored) {
      // only read; nothing to lose
    }
  }

  /** A URL or message with any password replaced by {@code ***}. */
  public static String redact(String text) {
    if (text == null) {
      return "";
    }
    return text.replaceAll("(?i)(password=)[^&\\s]*", "$1***")
        .replaceAll("//[^/@\\s]*:[^/@\\s]*@", "//***@");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return redact(nl < 0 ? s : s.substring(0, nl));
  }

  @Override
  public String toString() {
    return "JdbcSeriesSource[" + displayName + "]";
  }
}
