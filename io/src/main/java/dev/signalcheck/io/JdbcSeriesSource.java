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
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Set<String> missing = new HashSet<>();
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
    try {
      // the columns and their types, without reading rows
      List<String> cols = new ArrayList<>();
      List<Integer> types = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM " + from + " LIMIT 0");
          ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cols.add(md.getColumnLabel(i));
          types.add(md.getColumnType(i));
        }
      }
      this.columns = List.copyOf(cols);
      if (spec.time().size() > 1) {
        throw new UsageException(
            "--time names one column for database input; join a date and a time of day in"
                + " --query (e.g. date || ' ' || time AS ts)");
      }
      if (spec.recordedAt() != null) {
        throw new UsageException("--recorded-at is not supported for database input yet");
      }
      this.ids = resolveAll(spec.ids(), "--id");
      this.covariates = resolveAll(spec.covariates(), "--covariates");
      this.time =
          spec.time().isEmpty() ? guessTime(cols, types) : resolve(spec.time().get(0), "--time");
      if (!spec.targets().isEmpty()) {
        this.targets = resolveAll(spec.targets(), "--target");
      } else {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
          String c = cols.get(i);
          if (isNumeric(types.get(i))
              && !c.equals(time)
              && !ids.contains(c)
              && !covariates.contains(c)) {
            t.add(c);
          }
        }
        if (t.isEmpty()) {
          throw new UsageException(
              "no numeric column to audit in "
                  + displayName
                  + "; name the value column with --target (columns: "
                  + String.join(", ", cols)
                  + ")");
        }
        this.targets = List.copyOf(t);
      }
      for (String tok : InputSpec.DEFAULT_MISSING) {
        missing.add(tok);
      }
      for (String tok : spec.missingTokens()) {
        missing.add(tok.trim());
      }
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

  private static boolean isNumeric(int type) {
    return switch (type) {
      case Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.REAL,
          Types.FLOAT,
          Types.DOUBLE,
          Types.NUMERIC,
          Types.DECIMAL ->
          true;
      default -> false;
    };
  }

  private String guessTime(List<String> cols, List<Integer> types) {
    String found = null;
    for (int i = 0; i < cols.size(); i++) {
      int t = types.get(i);
      if (t == Types.TIMESTAMP
          || t == Types.TIMESTAMP_WITH_TIMEZONE
          || t == Types.DATE
          || t == Types.TIME_WITH_TIMEZONE) {
        if (found != null) {
          throw new UsageException(
              "several date/time columns in "
                  + displayName
                  + " ("
                  + found
                  + ", "
                  + cols.get(i)
                  + "); choose one with --time");
        }
        found = cols.get(i);
      }
    }
    if (found == null) {
      throw new UsageException(
          "no date/time column found in "
              + displayName
              + "; name it with --time (columns: "
              + String.join(", ", cols)
              + ")");
    }
    return found;
  }

  private String resolve(String name, String option) {
    for (String c : columns) {
      if (c.equals(name)) {
        return c;
      }
    }
    for (String c : columns) {
      if (c.equalsIgnoreCase(name.trim())) {
        return c;
      }
    }
    throw new UsageException(
        "column '"
            + name
            + "' ("
            + option
            + ") does not exist in "
            + displayName
            + "; columns: "
            + String.join(", ", columns));
  }

  private List<String> resolveAll(List<String> names, String option) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String c = resolve(n, option);
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return List.copyOf(out);
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
              kb.append(s == null ? "" : s.trim());
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
            read(rs.getObject(timeIdx + 1 + k), k, v, st, raw);
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
              read(rs.getObject(timeIdx + 1 + nt + c), 0, v, st, raw);
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

  /** One value cell: a number, a missing token, or text that is not a number. */
  private void read(Object o, int k, double[] v, byte[] st, String[] raw) {
    raw[k] = null;
    v[k] = Double.NaN;
    if (o == null) {
      st[k] = SeriesData.MISSING;
      return;
    }
    if (o instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        st[k] = SeriesData.MISSING;
      } else if (Double.isInfinite(d)) {
        st[k] = SeriesData.NON_NUMERIC;
        raw[k] = Double.toString(d);
      } else {
        st[k] = SeriesData.OK;
        v[k] = d;
      }
      return;
    }
    String s = o.toString().trim();
    if (missing.contains(s)) {
      st[k] = SeriesData.MISSING;
      return;
    }
    try {
      double d = Double.parseDouble(s);
      if (Double.isFinite(d)) {
        st[k] = SeriesData.OK;
        v[k] = d;
        return;
      }
    } catch (NumberFormatException e) {
      // not a number: reported below
    }
    st[k] = SeriesData.NON_NUMERIC;
    raw[k] = s;
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
