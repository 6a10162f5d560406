package dev.signalcheck.io;

import dev.signalcheck.core.errors.UsageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a database table or query and what each is, decided from the options and the
 * column types the driver reports (no row is read): the time (the one date/time column unless
 * {@code --time} names it), the series keys, the covariates, and the targets (the numeric columns
 * left unless {@code --target} names them).
 */
final class JdbcColumns {

  private final String displayName;
  private final List<String> columns;
  private final String time;
  private final List<String> ids;
  private final List<String> covariates;
  private final List<String> targets;

  /**
   * @param from the table or {@code (query)} to read from, as SQL
   * @param displayName the source's name in messages
   * @throws SQLException when the driver cannot describe the columns
   * @throws UsageException for an option the database input does not take, or a column that is not
   *     there
   */
  JdbcColumns(Connection conn, String from, InputSpec spec, String displayName)
      throws SQLException {
    this.displayName = displayName;
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
  }

  List<String> columns() {
    return columns;
  }

  String time() {
    return time;
  }

  List<String> ids() {
    return ids;
  }

  List<String> covariates() {
    return covariates;
  }

  List<String> targets() {
    return targets;
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
}
