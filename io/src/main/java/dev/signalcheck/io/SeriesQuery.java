package dev.signalcheck.io;

import dev.signalcheck.core.series.TimeParser;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one SELECT that reads the series of some targets from {@code src}, in the order of each
 * series' first row, and where each value sits in its result rows: the row id, a hash of the key,
 * the key texts, the time as a number DuckDB computed (or its text where DuckDB could not), three
 * columns per target (the number, its state, the text of a non-number), recorded-at, then one
 * column per covariate.
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
    this.cells = cells;
    this.transfer = transfer(timeParser);
    List<String> ids = roles.ids();
    String t = CellSql.timeText(roles.time());
    String num;
    switch (transfer) {
      case SQL_TIMESTAMP:
        num = "epoch_ms(TRY_CAST(" + t + " AS TIMESTAMP))";
        break;
      case SQL_INTEGER:
        num = "TRY_CAST(" + t + " AS BIGINT)";
        break;
      default:
        num = "CAST(NULL AS BIGINT)";
        break;
    }
    // column layout: 1 rowid, 2 key hash, 3.. id texts, then time number, time text, then 3 per
    // target
    StringBuilder sql = new StringBuilder("SELECT rowid");
    sql.append(
        ids.isEmpty()
            ? ", 0"
            : ", hash(" + ids.stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")");
    for (String id : ids) {
      sql.append(", CAST(").append(Sql.ident(id)).append(" AS VARCHAR)");
    }
    sql.append(", ").append(num);
    sql.append(", CASE WHEN ").append(num).append(" IS NULL THEN ").append(t).append(" END");
    for (String target : targets) {
      boolean comma = roles.targetComma(target);
      String miss = cells.missingPredicate(target);
      String cast = "TRY_CAST(" + CellSql.valueText(target, comma) + " AS DOUBLE)";
      sql.append(", CASE WHEN ")
          .append(miss)
          .append(" THEN NULL ELSE ")
          .append(cast)
          .append(" END");
      sql.append(", CASE WHEN ")
          .append(miss)
          .append(" THEN 1 WHEN ")
          .append(cast)
          .append(" IS NULL THEN 2 ELSE 0 END");
      sql.append(", CASE WHEN ")
          .append(miss)
          .append(" THEN NULL WHEN ")
          .append(cast)
          .append(" IS NULL THEN CAST(")
          .append(Sql.ident(target))
          .append(" AS VARCHAR) END");
    }
    String rec = roles.recordedAt();
    if (rec != null) {
      sql.append(", trim(CAST(").append(Sql.ident(rec)).append(" AS VARCHAR))");
    }
    List<String> cov = roles.covariates();
    for (String c : cov) {
      sql.append(", CASE WHEN ")
          .append(cells.missingPredicate(c))
          .append(" THEN NULL ELSE TRY_CAST(")
          .append(CellSql.valueText(c, roles.covariateComma(c)))
          .append(" AS DOUBLE) END");
    }
    sql.append(" FROM src ORDER BY ");
    if (!ids.isEmpty()) {
      // series in the order of their first row (Q1, Q2, … Q10 as written, not sorted as text)
      String key = ids.stream().map(Sql::ident).collect(Collectors.joining(", "));
      sql.append("min(rowid) OVER (PARTITION BY ").append(key).append("), ");
    }
    sql.append("rowid");
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
    int p = 1;
    for (int k = 0; k < targetCount; k++) {
      p = cells.bindMissing(ps, p, 3);
    }
    for (int k = 0; k < covariateCount; k++) {
      p = cells.bindMissing(ps, p, 1);
    }
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
