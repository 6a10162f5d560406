package dev.signalcheck.io;

import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.TimeKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Looks at the loaded table (DuckDB's {@code src}) for what the column roles alone do not say: 0/1
 * flag columns, which are labels and not measurements, and, when most time stamps repeat, the key
 * column or the time-of-day column the user probably forgot.
 */
final class InputProbe {

  /**
   * Share of rows repeating another row's (key, time) above which the input is taken as misread.
   */
  static final double MOSTLY_DUPLICATE = 0.5;

  /** Columns tried as a missing series key, at most (one query each). */
  private static final int MAX_KEY_CANDIDATES = 30;

  private static final Pattern TIME_OF_DAY =
      Pattern.compile("\\d{1,2}[:.]\\d{2}([:.]\\d{2}([.,]\\d+)?)?");

  private static final Pattern FLAG_NAME =
      Pattern.compile(
          "(?i).*(anomal|changepoint|change_point|label|flag|outlier|alarm|event|fault|is_).*");

  private InputProbe() {}

  /**
   * Whether a column is a 0/1 flag: every present value reads as 0 or 1, and both occur (or the
   * name says it is a label, e.g. {@code anomaly}, which may hold only 0 in a clean run).
   */
  static boolean isFlag(Connection conn, String col, boolean decimalComma) {
    String t = "trim(CAST(" + Sql.ident(col) + " AS VARCHAR))";
    String v = "TRY_CAST(" + (decimalComma ? "replace(" + t + ", ',', '.')" : t) + " AS DOUBLE)";
    String sql =
        "SELECT count(v), count(v) FILTER (WHERE v = 0), count(v) FILTER (WHERE v = 1) FROM"
            + " (SELECT "
            + v
            + " AS v FROM src)";
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      long present = rs.getLong(1);
      long zeros = rs.getLong(2);
      long ones = rs.getLong(3);
      if (present == 0 || zeros + ones != present) {
        return false;
      }
      return (zeros > 0 && ones > 0) || FLAG_NAME.matcher(col).matches();
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Hints for input that cannot be what the user meant: asked only when most rows repeat another
   * row's (key, time), which is cheap to count.
   */
  static InputHints hints(
      Connection conn,
      List<String> columns,
      List<String> timeCols,
      List<String> ids,
      List<String> targets,
      List<String> covariates,
      TimeKind timeKind) {
    try {
      String time = timeText(timeCols);
      String present = time + " IS NOT NULL AND " + time + " <> ''";
      List<String> key = new ArrayList<>();
      for (String id : ids) {
        key.add(Sql.ident(id));
      }
      key.add(time);
      long rows = single(conn, "SELECT count(*) FROM src WHERE " + present);
      long distinct = distinct(conn, key, present);
      if (rows == 0 || (rows - distinct) / (double) rows <= MOSTLY_DUPLICATE) {
        return InputHints.NONE;
      }
      String timeOfDay = null;
      if (timeCols.size() == 1 && timeKind == TimeKind.DATE) {
        for (String c : columns) {
          if (!timeCols.contains(c) && !ids.contains(c) && looksLikeTimeOfDay(conn, c)) {
            timeOfDay = c;
            break;
          }
        }
      }
      // columns that make (key, time) unique, fewest distinct values first; non-numeric ones
      // first, since a numeric column is more often a measurement than a key
      List<String> tried = new ArrayList<>();
      for (String c : columns) {
        if (!timeCols.contains(c)
            && !ids.contains(c)
            && !covariates.contains(c)
            && !targets.contains(c)) {
          tried.add(c);
        }
      }
      for (String c : targets) {
        tried.add(c);
      }
      List<long[]> found = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (String c : tried.subList(0, Math.min(tried.size(), MAX_KEY_CANDIDATES))) {
        long values = distinct(conn, List.of(Sql.ident(c)), present);
        if (values < 2 || values > rows / 2) {
          continue;
        }
        List<String> k = new ArrayList<>(key);
        k.add(0, Sql.ident(c));
        long unique = distinct(conn, k, present);
        if (unique >= 0.99 * rows) {
          found.add(new long[] {values, names.size()});
          names.add(c);
        }
      }
      found.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
      List<String> candidates = found.stream().map(a -> names.get((int) a[1])).toList();
      return new InputHints(candidates, timeOfDay, timeOfDay == null ? null : timeCols.get(0));
    } catch (SQLException e) {
      return InputHints.NONE;
    }
  }

  /**
   * Whether {@code id} names a series as the reader names them: a target in wide layout; the key
   * values joined with '/' (trimmed) in long layout, followed by '/target' when there are several
   * targets.
   */
  static boolean hasSeries(Connection conn, List<String> ids, List<String> targets, String id)
      throws SQLException {
    if (ids.isEmpty()) {
      return targets.contains(id);
    }
    String key = keyText(ids);
    List<String> keys = new ArrayList<>();
    if (targets.size() == 1) {
      keys.add(id);
    } else {
      for (String t : targets) {
        if (id.endsWith("/" + t)) {
          keys.add(id.substring(0, id.length() - t.length() - 1));
        }
      }
    }
    for (String k : keys) {
      try (java.sql.PreparedStatement ps =
          conn.prepareStatement("SELECT 1 FROM src WHERE " + key + " = ? LIMIT 1")) {
        ps.setString(1, k);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** A few series ids, in input order, for messages. */
  static List<String> someSeries(Connection conn, List<String> ids, List<String> targets, int n)
      throws SQLException {
    if (ids.isEmpty()) {
      return targets.subList(0, Math.min(n, targets.size()));
    }
    String key = keyText(ids);
    List<String> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT k FROM (SELECT "
                    + key
                    + " AS k, min(rowid) AS r FROM src GROUP BY 1) ORDER BY r LIMIT "
                    + n)) {
      while (rs.next()) {
        String k = rs.getString(1);
        out.add(targets.size() == 1 ? k : k + "/" + targets.get(0));
      }
    }
    return out;
  }

  private static String keyText(List<String> ids) {
    return ids.stream()
        .map(c -> "coalesce(trim(CAST(" + Sql.ident(c) + " AS VARCHAR)), '')")
        .collect(Collectors.joining(" || '/' || "));
  }

  private static boolean looksLikeTimeOfDay(Connection conn, String col) throws SQLException {
    String t = "trim(CAST(" + Sql.ident(col) + " AS VARCHAR))";
    String sql =
        "SELECT " + t + " FROM src WHERE " + t + " IS NOT NULL AND " + t + " <> '' LIMIT 500";
    long n = 0;
    long ok = 0;
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        n++;
        if (TIME_OF_DAY.matcher(rs.getString(1)).matches()) {
          ok++;
        }
      }
    }
    return n > 0 && ok >= 0.9 * n;
  }

  private static String timeText(List<String> cols) {
    return cols.stream()
        .map(c -> "trim(CAST(" + Sql.ident(c) + " AS VARCHAR))")
        .collect(
            Collectors.joining(
                ", ", cols.size() == 1 ? "" : "concat_ws(' ', ", cols.size() == 1 ? "" : ")"));
  }

  private static long distinct(Connection conn, List<String> exprs, String where)
      throws SQLException {
    return single(
        conn,
        "SELECT count(*) FROM (SELECT DISTINCT "
            + String.join(", ", exprs)
            + " FROM src WHERE "
            + where
            + ")");
  }

  private static long single(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
