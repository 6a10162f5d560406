package dev.signalcheck.io;

import dev.signalcheck.core.series.TimeParser;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one SELECT that reads the series of some targets from {@code src}, in the order of each
 * series' first row, and where each value sits in its result rows: the row id, whether the row is
 * its series' first, the key texts (on that first row), the time as a number DuckDB computed (or
 * its text where DuckDB could not), three columns per target (the number, its state, the text of a
 * non-number), recorded-at, then one column per covariate.
 */
final class SeriesQuery {

  /**
   * How the time column reaches Java: as epoch ms computed by DuckDB, as an integer, or as text.
   */
  enum TimeTransfer {
    SQL_TIMESTAMP,
    SQL_INTEGER,
    TEXT
  }

  final TimeTransfer transfer;

  /** Whether the SELECT reads the rows of one key. */
  final boolean oneKey;

  final String sql;

  /** Result column of the time as a number (null where it is read from text). */
  final int timeNumber;

  /** Result column of the time as text (null where it was read as a number). */
  final int timeText;

  /** Result column of the recorded-at text (only with a recorded-at column). */
  final int recordedAt;

  private final int firstTarget;
  private final int firstCovariate;
  private final int targetCount;
  private final int covariateCount;
  private final CellSql cells;

  SeriesQuery(ColumnRoles roles, List<String> targets, CellSql cells, TimeParser timeParser) {
    this(roles, targets, cells, timeParser, false);
  }

  /**
   * @param oneKey whether the SELECT reads one series key's rows, the key's hash bound last ({@link
   *     #bind(PreparedStatement, String)}): its rows in order, the first-row flag and key texts
   *     left out (the caller knows them)
   */
  SeriesQuery(
      ColumnRoles roles,
      List<String> targets,
      CellSql cells,
      TimeParser timeParser,
      boolean oneKey) {
    this.cells = cells;
    this.oneKey = oneKey;
    this.transfer = transfer(timeParser);
    List<String> ids = roles.ids();
    List<String> cov = roles.covariates();
    String rec = roles.recordedAt();
    // Three levels, so that each cell's text is trimmed and cast once (DuckDB does not share the
    // repeated subexpressions of CASE branches): the inner SELECT takes the cells out of src, the
    // middle one parses them, the outer one states them; each level names only its own columns.
    StringBuilder inner = new StringBuilder("SELECT rowid AS sc_r");
    for (int i = 0; i < ids.size(); i++) {
      inner.append(", ").append(Sql.ident(ids.get(i))).append(" AS sc_id").append(i);
    }
    inner.append(", ").append(CellSql.timeRaw(roles.time())).append(" AS sc_traw");
    for (int k = 0; k < targets.size(); k++) {
      String target = targets.get(k);
      inner.append(", ").append(Sql.ident(target)).append(" IS NULL AS sc_null").append(k);
      inner.append(", ").append(CellSql.trimmed(target)).append(" AS sc_text").append(k);
      inner.append(", CAST(").append(Sql.ident(target)).append(" AS VARCHAR) AS sc_raw").append(k);
    }
    if (rec != null) {
      inner.append(", trim(CAST(").append(Sql.ident(rec)).append(" AS VARCHAR)) AS sc_rec");
    }
    for (int c = 0; c < cov.size(); c++) {
      inner
          .append(", CASE WHEN ")
          .append(cells.missingPredicate(cov.get(c)))
          .append(" THEN NULL ELSE TRY_CAST(")
          .append(CellSql.valueText(cov.get(c), roles.covariateComma(cov.get(c))))
          .append(" AS DOUBLE) END AS sc_cov")
          .append(c);
    }
    inner.append(" FROM src");
    if (oneKey) {
      inner.append(" WHERE ").append(keyHash(ids)).append(" = CAST(? AS UBIGINT)");
    }

    // a cast accepts the spaces trim removes: the untrimmed text is tried first, and trimmed only
    // where that fails (COALESCE evaluates its second argument only for those rows)
    String num;
    switch (transfer) {
      case SQL_TIMESTAMP:
        num =
            "coalesce(epoch_ms(TRY_CAST(sc_traw AS TIMESTAMP)),"
                + " epoch_ms(TRY_CAST(trim(sc_traw) AS TIMESTAMP)))";
        break;
      case SQL_INTEGER:
        num = "coalesce(TRY_CAST(sc_traw AS BIGINT), TRY_CAST(trim(sc_traw) AS BIGINT))";
        break;
      default:
        num = "CAST(NULL AS BIGINT)";
        break;
    }
    StringBuilder mid = new StringBuilder("SELECT *, ").append(num).append(" AS sc_time");
    if (!ids.isEmpty() && !oneKey) {
      // series in the order of their first row (Q1, Q2, … Q10 as written, not sorted as text)
      mid.append(", min(sc_r) OVER (PARTITION BY ");
      for (int i = 0; i < ids.size(); i++) {
        mid.append(i > 0 ? ", " : "").append("sc_id").append(i);
      }
      mid.append(") AS sc_first");
    }
    for (int k = 0; k < targets.size(); k++) {
      mid.append(", ")
          .append(cells.missingPredicate("sc_null" + k, "sc_text" + k))
          .append(" AS sc_miss")
          .append(k);
      mid.append(", TRY_CAST(")
          .append(CellSql.numberText("sc_text" + k, roles.targetComma(targets.get(k))))
          .append(" AS DOUBLE) AS sc_num")
          .append(k);
    }
    mid.append(" FROM (").append(inner).append(")");

    // column layout: 1 rowid, 2 whether the row is its series' first, 3.. id texts (on a series'
    // first row only: text crosses into Java slowly), then time number, time text, 3 per target
    StringBuilder sql = new StringBuilder("SELECT sc_r");
    boolean keyed = !ids.isEmpty() && !oneKey;
    sql.append(keyed ? ", sc_r = sc_first" : ", FALSE");
    for (int i = 0; i < ids.size(); i++) {
      if (!keyed) {
        sql.append(", CAST(NULL AS VARCHAR)");
        continue;
      }
      sql.append(", CASE WHEN sc_r = sc_first THEN CAST(sc_id")
          .append(i)
          .append(" AS VARCHAR) END");
    }
    sql.append(", sc_time");
    String trimmedTime = roles.time().size() == 1 ? "trim(sc_traw)" : "sc_traw";
    sql.append(", CASE WHEN sc_time IS NULL THEN ").append(trimmedTime).append(" END");
    for (int k = 0; k < targets.size(); k++) {
      String miss = "sc_miss" + k;
      String n = "sc_num" + k;
      sql.append(", CASE WHEN ").append(miss).append(" THEN NULL ELSE ").append(n).append(" END");
      sql.append(", CASE WHEN ")
          .append(miss)
          .append(" THEN 1 WHEN ")
          .append(n)
          .append(" IS NULL THEN 2 ELSE 0 END");
      sql.append(", CASE WHEN ")
          .append(miss)
          .append(" THEN NULL WHEN ")
          .append(n)
          .append(" IS NULL THEN sc_raw")
          .append(k)
          .append(" END");
    }
    if (rec != null) {
      sql.append(", sc_rec");
    }
    for (int c = 0; c < cov.size(); c++) {
      sql.append(", sc_cov").append(c);
    }
    sql.append(" FROM (").append(mid).append(") ORDER BY ");
    sql.append(keyed ? "sc_first, sc_r" : "sc_r");
    this.sql = sql.toString();
    this.targetCount = targets.size();
    this.covariateCount = cov.size();
    this.timeNumber = 3 + ids.size();
    this.timeText = timeNumber + 1;
    this.firstTarget = timeText + 1;
    this.recordedAt = firstTarget + 3 * targetCount;
    this.firstCovariate = recordedAt + (rec != null ? 1 : 0);
  }

  static TimeTransfer transfer(TimeParser timeParser) {
    switch (timeParser.kind()) {
      case LOCAL_DATETIME:
      case DATE:
        return timeParser.order() == TimeParser.Order.YMD
            ? TimeTransfer.SQL_TIMESTAMP
            : TimeTransfer.TEXT;
      case INDEX:
      case YEAR:
        return TimeTransfer.SQL_INTEGER;
      case OFFSET_DATETIME:
        return timeParser.integerMode() == TimeParser.IntegerMode.EPOCH_SECONDS
                || timeParser.integerMode() == TimeParser.IntegerMode.EPOCH_MILLIS
            ? TimeTransfer.SQL_INTEGER
            : TimeTransfer.TEXT;
      default:
        return TimeTransfer.TEXT;
    }
  }

  /** Binds the missing tokens of every target and covariate. */
  void bind(PreparedStatement ps) throws SQLException {
    bind(ps, null);
  }

  /**
   * Binds the missing tokens of every target and covariate and, for a {@link #oneKey} SELECT, the
   * hash of its key (the last parameter: the inner SELECT's WHERE).
   */
  void bind(PreparedStatement ps, String keyHash) throws SQLException {
    int p = 1;
    // the targets' tokens come first in the text (the middle SELECT), the covariates' after them
    for (int k = 0; k < targetCount; k++) {
      p = cells.bindMissing(ps, p, 1);
    }
    for (int k = 0; k < covariateCount; k++) {
      p = cells.bindMissing(ps, p, 1);
    }
    if (oneKey) {
      ps.setString(p, keyHash);
    }
  }

  /** SQL of the hash DuckDB gives a row's series key (its id columns' values). */
  static String keyHash(List<String> ids) {
    return "hash(" + ids.stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")";
  }

  /** Result column of target {@code k}'s number (null where missing or not a number). */
  int value(int k) {
    return firstTarget + 3 * k;
  }

  /** Result column of target {@code k}'s state: 0 a number, 1 missing, 2 not a number. */
  int state(int k) {
    return firstTarget + 1 + 3 * k;
  }

  /** Result column of target {@code k}'s text where it is not a number. */
  int raw(int k) {
    return firstTarget + 2 + 3 * k;
  }

  /** Result column of covariate {@code c}'s number. */
  int covariate(int c) {
    return firstCovariate + c;
  }
}
