package dev.signalcheck.io;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL expressions over the cells of {@code src}: a value cell as number text (decimal comma and
 * thousands separators handled), "this cell is missing" (null, empty or a missing token, the tokens
 * bound as parameters), and the time text of one column or of a date and a time-of-day column.
 */
final class CellSql {

  /** The tokens that mean missing: the default ones and those of {@code --missing}. */
  private final List<String> missingTokens;

  CellSql(InputSpec spec) {
    List<String> t = new ArrayList<>(InputSpec.DEFAULT_MISSING);
    t.addAll(spec.missingTokens());
    this.missingTokens = List.copyOf(t);
  }

  /** SQL text of a value cell as trimmed text, with a decimal comma turned into a point. */
  static String valueText(String col, boolean comma) {
    return numberText(trimmed(col), comma);
  }

  /** SQL text of a column's cells as trimmed text. */
  static String trimmed(String col) {
    return "trim(CAST(" + Sql.ident(col) + " AS VARCHAR))";
  }

  /**
   * As {@link #valueText}, of an SQL expression {@code t} that is already the trimmed text of a
   * cell (a column of a subquery, so that the trimming is done once per cell).
   */
  static String numberText(String t, boolean comma) {
    if (comma) {
      // 1.234,5: points that group thousands go, the comma becomes the point
      return "replace(CASE WHEN contains("
          + t
          + ", '.') AND regexp_full_match("
          + t
          + ", '-?[1-9][0-9]{0,2}([.][0-9]{3})+(,[0-9]+)?') THEN replace("
          + t
          + ", '.', '') ELSE "
          + t
          + " END, ',', '.')";
    }
    // 1,234.5: commas that group thousands go
    return "CASE WHEN contains("
        + t
        + ", ',') AND regexp_full_match("
        + t
        + ", '-?[1-9][0-9]{0,2}(,[0-9]{3})+([.][0-9]+)?') THEN replace("
        + t
        + ", ',', '') ELSE "
        + t
        + " END";
  }

  /**
   * SQL predicate "this cell is missing": null, empty, or a missing token (bound as parameters by
   * {@link #bindMissing}).
   */
  String missingPredicate(String col) {
    return missingPredicate(Sql.ident(col) + " IS NULL", trimmed(col));
  }

  /**
   * As {@link #missingPredicate(String)}, of SQL expressions already computed: whether the cell is
   * null, and its trimmed text.
   */
  String missingPredicate(String isNull, String trimmedText) {
    String qs = missingTokens.stream().map(x -> "?").collect(Collectors.joining(", "));
    return "(" + isNull + " OR " + trimmedText + " IN (" + qs + "))";
  }

  /**
   * Binds the missing tokens of {@code times} missing predicates from parameter {@code start}.
   *
   * @return the next parameter index
   */
  int bindMissing(PreparedStatement ps, int start, int times) throws SQLException {
    int i = start;
    for (int r = 0; r < times; r++) {
      for (String t : missingTokens) {
        ps.setString(i++, t);
      }
    }
    return i;
  }

  /** SQL text of the time: one column trimmed, or a date and a time-of-day column joined. */
  static String timeText(List<String> cols) {
    return cols.size() == 1 ? "trim(" + timeRaw(cols) + ")" : timeRaw(cols);
  }

  /**
   * The time text before trimming: one column as text (not trimmed: {@link #timeText} is its
   * trimmed form), or the date and time-of-day columns already joined as {@link #timeText} joins
   * them.
   */
  static String timeRaw(List<String> cols) {
    if (cols.size() == 1) {
      return "CAST(" + Sql.ident(cols.get(0)) + " AS VARCHAR)";
    }
    return "concat_ws(' ', trim(CAST("
        + Sql.ident(cols.get(0))
        + " AS VARCHAR)), trim(CAST("
        + Sql.ident(cols.get(1))
        + " AS VARCHAR)))";
  }
}
