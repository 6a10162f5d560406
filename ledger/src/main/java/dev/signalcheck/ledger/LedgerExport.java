package dev.signalcheck.ledger;

import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.io.SafeCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Flat exports of the ledger's views ({@code v_runs}, {@code v_series}, {@code v_metrics}, {@code
 * v_findings}): one row per entity, the views' column names, as CSV (every cell quoted, cells that
 * a spreadsheet would run as a formula neutralised, {@link SafeCsv}) or as Parquet written by
 * DuckDB (typed columns; times as UTC timestamps).
 */
public final class LedgerExport {

  /** Tables that can be exported, with their view and order. */
  public static final Map<String, String> TABLES =
      Map.of(
          "runs", "SELECT * FROM v_runs%s ORDER BY run_id",
          "series", "SELECT * FROM v_series%s ORDER BY run_id, ordinal",
          "metrics", "SELECT * FROM v_metrics%s ORDER BY run_id, ordinal, model, definition_id",
          "findings", "SELECT * FROM v_findings%s ORDER BY run_id, ordinal");

  private LedgerExport() {}

  /**
   * Writes one table.
   *
   * @param table runs, series, metrics or findings
   * @param format csv or parquet
   * @param project only this project's rows, or null
   * @return rows written
   */
  public static long export(Ledger ledger, String table, String format, Path out, String project) {
    String sql = TABLES.get(table);
    if (sql == null) {
      throw new UsageException(
          "--table '" + table + "' is not a table; use runs, series, metrics or findings");
    }
    if (!format.equals("csv") && !format.equals("parquet")) {
      throw new UsageException("--format '" + format + "' is not supported; use csv or parquet");
    }
    String q = String.format(Locale.ROOT, sql, project == null ? "" : " WHERE project = ?");
    Path target = out.toAbsolutePath();
    Path tmp;
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      tmp = Files.createTempFile(target.getParent(), ".signalcheck-export-", "." + format);
    } catch (IOException e) {
      throw new OutputException("cannot write " + out + ": " + e.getMessage(), e);
    }
    try (PreparedStatement ps = ledger.connection().prepareStatement(q)) {
      if (project != null) {
        ps.setString(1, project);
      }
      long n;
      try (ResultSet rs = ps.executeQuery()) {
        List<Column> cols = columns(rs.getMetaData());
        n = format.equals("csv") ? csv(rs, cols, tmp) : parquet(rs, cols, tmp, ledger.dialect());
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return n;
    } catch (SQLException e) {
      throw new OutputException(
          "cannot export "
              + table
              + " from the ledger "
              + ledger.location().display()
              + ": "
              + Ledger.reason(e),
          e);
    } catch (IOException e) {
      throw new OutputException("cannot write " + out + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a temporary file left in the export's folder
      }
    }
  }

  enum Type {
    BIGINT,
    DOUBLE,
    BOOLEAN,
    TIMESTAMP,
    VARCHAR
  }

  record Column(String name, Type type) {}

  /** Column types from the driver's declared types; columns named *_at are points in time. */
  static List<Column> columns(ResultSetMetaData md) throws SQLException {
    List<Column> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
      String t = String.valueOf(md.getColumnTypeName(i)).toLowerCase(Locale.ROOT);
      Type type;
      if (name.endsWith("_at") || t.contains("timestamp")) {
        type = Type.TIMESTAMP;
      } else if (t.contains("bool")) {
        type = Type.BOOLEAN;
      } else if (t.contains("int")) {
        type = Type.BIGINT;
      } else if (t.contains("real") || t.contains("double") || t.contains("float")) {
        type = Type.DOUBLE;
      } else {
        type = Type.VARCHAR;
      }
      out.add(new Column(name, type));
    }
    return out;
  }

  private static Object value(ResultSet rs, int i, Column c, LedgerDialect d) throws SQLException {
    switch (c.type()) {
      case TIMESTAMP:
        if (d == LedgerDialect.SQLITE) {
          String s = rs.getString(i);
          return s == null ? null : Instant.parse(s);
        }
        OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
        return o == null ? null : o.toInstant();
      case BOOLEAN:
        boolean b = rs.getBoolean(i);
        return rs.wasNull() ? null : b;
      case BIGINT:
        long l = rs.getLong(i);
        return rs.wasNull() ? null : l;
      case DOUBLE:
        double x = rs.getDouble(i);
        return rs.wasNull() ? null : x;
      default:
        return rs.getString(i);
    }
  }

  private static long csv(ResultSet rs, List<Column> cols, Path out)
      throws SQLException, IOException {
    long n = 0;
    LedgerDialect d =
        rs.getStatement().getConnection().getMetaData().getURL().startsWith("jdbc:sqlite")
            ? LedgerDialect.SQLITE
            : LedgerDialect.POSTGRES;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < cols.size(); i++) {
        w.write(i == 0 ? "" : ",");
        w.write(SafeCsv.cell(cols.get(i).name()));
      }
      w.write("\r\n");
      while (rs.next()) {
        for (int i = 0; i < cols.size(); i++) {
          Object v = value(rs, i + 1, cols.get(i), d);
          w.write(i == 0 ? "" : ",");
          // numbers, booleans and times cannot be formulas (and -0.5 must stay a number); text can
          w.write(
              v == null
                  ? "\"\""
                  : cols.get(i).type() == Type.VARCHAR
                      ? SafeCsv.cell(v.toString())
                      : '"' + v.toString() + '"');
        }
        w.write("\r\n");
        n++;
      }
    }
    return n;
  }

  private static long parquet(ResultSet rs, List<Column> cols, Path out, LedgerDialect d)
      throws SQLException, IOException {
    Files.deleteIfExists(out);
    long n = 0;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      StringBuilder ddl = new StringBuilder("CREATE TABLE export (");
      for (int i = 0; i < cols.size(); i++) {
        ddl.append(i == 0 ? "" : ", ")
            .append('"')
            .append(cols.get(i).name().replace("\"", "\"\""))
            .append("\" ")
            .append(cols.get(i).type() == Type.TIMESTAMP ? "TIMESTAMP" : cols.get(i).type().name());
      }
      ddl.append(')');
      try (Statement st = duck.createStatement()) {
        st.execute(ddl.toString());
      }
      try (DuckDBAppender app =
          duck.unwrap(DuckDBConnection.class)
              .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "export")) {
        while (rs.next()) {
          app.beginRow();
          for (int i = 0; i < cols.size(); i++) {
            Object v = value(rs, i + 1, cols.get(i), d);
            if (v == null) {
              app.appendNull();
            } else if (v instanceof Instant t) {
              app.append(t.atOffset(ZoneOffset.UTC).toLocalDateTime());
            } else if (v instanceof Boolean b) {
              app.append(b.booleanValue());
            } else if (v instanceof Long l) {
              app.append(l.longValue());
            } else if (v instanceof Double x) {
              app.append(x.doubleValue());
            } else {
              app.append(v.toString());
            }
          }
          app.endRow();
          n++;
        }
      }
      try (PreparedStatement st =
          duck.prepareStatement(
              "COPY export TO '" + out.toString().replace("'", "''") + "' (FORMAT parquet)")) {
        st.execute();
      }
    }
    return n;
  }
}
