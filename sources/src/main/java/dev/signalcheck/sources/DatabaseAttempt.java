package dev.signalcheck.sources;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.io.DatabaseInput;
import dev.signalcheck.io.JdbcSeriesSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One read of a database source: connect (with the connect timeout), run {@code SELECT * FROM
 * table-or-query ORDER BY every column} (the order makes equal content hash equally) within the
 * timeout, and write the rows as CSV (a header of the column labels; null as an empty cell; cells
 * quoted as RFC 4180 says). The CSV is the snapshot, read and audited as a fetched file is. A lost
 * or refused connection (SQLState class 08) and a timeout are retried; an answer that is an error
 * (no such table, a bad query, a refused login) is not. Messages never hold the password.
 */
final class DatabaseAttempt {
  private DatabaseAttempt() {}

  /** Rows fetched per round trip. */
  private static final int FETCH_SIZE = 10_000;

  static void run(DatabaseSource db, FetchSettings s, Path dest, Received got) throws FetchFailed {
    DatabaseInput in;
    try {
      in = db.input();
    } catch (InputException | UsageException e) {
      throw FetchFailed.notRetried(Outcome.IO_ERROR, e.getMessage());
    }
    String password = in.credentials().getProperty("password");
    Properties props = new Properties();
    props.putAll(in.credentials());
    boolean postgres = in.jdbcUrl().startsWith("jdbc:postgresql:");
    int timeoutS = (int) Math.max(1, Math.min(Integer.MAX_VALUE, s.timeout().toSeconds()));
    if (postgres) {
      props.setProperty(
          "connectTimeout", Long.toString(Math.max(1, s.connectTimeout().toSeconds())));
      props.setProperty("loginTimeout", Long.toString(Math.max(1, s.connectTimeout().toSeconds())));
      props.setProperty("socketTimeout", Integer.toString(timeoutS));
    }
    Connection c;
    try {
      c = DriverManager.getConnection(in.jdbcUrl(), props);
    } catch (SQLException e) {
      boolean lost = e.getSQLState() == null || e.getSQLState().startsWith("08");
      throw new FetchFailed(
          lost ? Outcome.CONNECTION_RESET : Outcome.DB_ERROR,
          lost,
          -1,
          "cannot connect to " + in.displayUrl() + ": " + clean(e, password));
    }
    try (c) {
      if (postgres) {
        // the driver streams with a fetch size only inside a transaction
        c.setAutoCommit(false);
        c.setReadOnly(true);
      }
      int n;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM " + in.fromClause() + " LIMIT 0")) {
        n = rs.getMetaData().getColumnCount();
      }
      StringBuilder order = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        order.append(i == 1 ? " ORDER BY " : ", ").append(i);
      }
      try (Statement st =
          c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        st.setFetchSize(FETCH_SIZE);
        queryTimeout(st, timeoutS);
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + in.fromClause() + order)) {
          write(rs, dest, s.maxBytes(), got);
        }
      }
      if (postgres) {
        c.rollback();
      }
    } catch (SQLTimeoutException e) {
      throw new FetchFailed(
          Outcome.TIMEOUT,
          true,
          -1,
          "no answer from " + in.displayName() + " within " + HttpAttempt.seconds(s.timeout()));
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("08")) {
        throw new FetchFailed(
            Outcome.CONNECTION_RESET,
            true,
            -1,
            "the connection to " + in.displayUrl() + " broke: " + clean(e, password));
      }
      if (state.equals("57014")) {
        throw new FetchFailed(
            Outcome.TIMEOUT,
            true,
            -1,
            "no answer from " + in.displayName() + " within " + HttpAttempt.seconds(s.timeout()));
      }
      throw FetchFailed.notRetried(
          Outcome.DB_ERROR, "cannot read " + in.displayName() + ": " + clean(e, password));
    } catch (UsageException e) {
      throw FetchFailed.notRetried(Outcome.DB_ERROR, e.getMessage());
    } catch (IOException e) {
      throw FetchFailed.notRetried(
          Outcome.IO_ERROR, "cannot write the rows of " + in.displayName() + ": " + e.getMessage());
    }
  }

  private static void queryTimeout(Statement st, int seconds) {
    try {
      st.setQueryTimeout(seconds);
    } catch (SQLException e) {
      // a driver without query timeouts (DuckDB): local files only, the connection bounds it
    }
  }

  private static void write(ResultSet rs, Path dest, long maxBytes, Received got)
      throws SQLException, IOException, FetchFailed {
    int n = rs.getMetaData().getColumnCount();
    try (BufferedWriter w = Files.newBufferedWriter(dest, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        if (i > 1) {
          line.append(',');
        }
        line.append(cell(rs.getMetaData().getColumnLabel(i)));
      }
      emit(w, line, maxBytes, got);
      while (rs.next()) {
        line.setLength(0);
        for (int i = 1; i <= n; i++) {
          if (i > 1) {
            line.append(',');
          }
          String v = rs.getString(i);
          line.append(v == null ? "" : cell(v));
        }
        emit(w, line, maxBytes, got);
      }
    }
  }

  private static void emit(BufferedWriter w, StringBuilder line, long maxBytes, Received got)
      throws IOException, FetchFailed {
    line.append('\n');
    String text = line.toString();
    got.bytes += text.getBytes(StandardCharsets.UTF_8).length;
    if (got.bytes > maxBytes) {
      throw FetchFailed.notRetried(
          Outcome.TOO_LARGE,
          "the rows are larger than the limit of " + maxBytes + " bytes (--max-bytes)");
    }
    w.write(text);
  }

  /** A CSV cell: quoted when it holds a comma, a quote, a line break or edge spaces. */
  static String cell(String v) {
    boolean quote =
        v.isEmpty()
            || v.indexOf(',') >= 0
            || v.indexOf('"') >= 0
            || v.indexOf('\n') >= 0
            || v.indexOf('\r') >= 0
            || Character.isWhitespace(v.charAt(0))
            || Character.isWhitespace(v.charAt(v.length() - 1));
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /** The driver's first line, without the password. */
  private static String clean(SQLException e, String password) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    m = JdbcSeriesSource.redact(nl < 0 ? m : m.substring(0, nl)).trim();
    if (password != null && password.length() >= 3) {
      m = m.replace(password, "***");
    }
    return m;
  }
}
