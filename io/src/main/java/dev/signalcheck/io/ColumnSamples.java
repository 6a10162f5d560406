package dev.signalcheck.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the first rows of the columns of {@code src} look like: samples of their present text, the
 * share of their present values that are numbers, and a value of a column with no number at all. A
 * wide file is read a block of columns per query (one query per column would each bind the whole
 * table: hours for thousands of columns).
 */
final class ColumnSamples {

  /** Rows sampled per column. */
  static final int SAMPLE = 2000;

  /** Files with more columns than this are sampled in blocks. */
  static final int WIDE = 64;

  private final Connection conn;
  private final List<String> columns;
  private final CellSql cells;

  /**
   * Samples of single columns of a wide file; null for a narrow file (sampled column by column).
   */
  private Map<String, List<String>> wideSamples;

  /** The numeric shares of a wide file's columns, computed a block at a time; null if narrow. */
  private Map<String, Double> wideShares;

  ColumnSamples(Connection conn, List<String> columns, CellSql cells) {
    this.conn = conn;
    this.columns = columns;
    this.cells = cells;
  }

  boolean wide() {
    return columns.size() > WIDE;
  }

  /** Reads the samples of every column of a wide file from its first {@link #SAMPLE} rows. */
  void sampleWide() {
    if (!wide() || wideSamples != null) {
      return;
    }
    wideSamples = new HashMap<>();
    for (int i = 0; i < columns.size(); i += WIDE) {
      List<String> block = columns.subList(i, Math.min(columns.size(), i + WIDE));
      String sql =
          "SELECT "
              + block.stream()
                  .map(c -> "trim(CAST(" + Sql.ident(c) + " AS VARCHAR))")
                  .collect(Collectors.joining(", "))
              + " FROM src LIMIT "
              + SAMPLE;
      List<List<String>> values = new ArrayList<>();
      block.forEach(c -> values.add(new ArrayList<>()));
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          for (int k = 0; k < block.size(); k++) {
            String v = rs.getString(k + 1);
            if (v != null && !v.isEmpty()) {
              values.get(k).add(v);
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      for (int k = 0; k < block.size(); k++) {
        wideSamples.put(block.get(k), values.get(k));
      }
    }
  }

  /**
   * Up to {@link #SAMPLE} present (non-empty) trimmed texts of a column, or of a date and a
   * time-of-day column joined, in row order.
   */
  List<String> sample(List<String> cols) {
    if (cols.size() == 1 && wideSamples != null && wideSamples.containsKey(cols.get(0))) {
      return wideSamples.get(cols.get(0));
    }
    String t = CellSql.timeText(cols);
    String sql =
        "SELECT "
            + t
            + " AS v FROM src WHERE "
            + t
            + " IS NOT NULL AND "
            + t
            + " <> '' LIMIT "
            + SAMPLE;
    List<String> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /**
   * The share of the present values among a column's first 10,000 rows that read as numbers (0 when
   * none is present).
   */
  double numericShare(String col, boolean comma) {
    if (wideShares != null && wideShares.containsKey(col)) {
      return wideShares.get(col);
    }
    String v = CellSql.valueText(col, comma);
    String sql =
        "SELECT count(*) FILTER (WHERE "
            + cells.missingPredicate(col)
            + " IS NOT TRUE), "
            + "count(TRY_CAST("
            + v
            + " AS DOUBLE)) FILTER (WHERE "
            + cells.missingPredicate(col)
            + " IS NOT TRUE) "
            + "FROM (SELECT "
            + Sql.ident(col)
            + " FROM src LIMIT 10000)";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      cells.bindMissing(ps, 1, 2);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long present = rs.getLong(1);
        long numeric = rs.getLong(2);
        return present == 0 ? 0 : numeric / (double) present;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Computes the numeric share of many columns, a block of them per query, for {@link
   * #numericShare}.
   *
   * @param decimalComma whether a column writes decimals with a comma (absent: no)
   */
  void numericShares(List<String> cols, Map<String, Boolean> decimalComma) {
    wideShares = new HashMap<>();
    for (int i = 0; i < cols.size(); i += WIDE) {
      List<String> block = cols.subList(i, Math.min(cols.size(), i + WIDE));
      StringBuilder sql = new StringBuilder("SELECT ");
      for (int k = 0; k < block.size(); k++) {
        String c = block.get(k);
        String v = CellSql.valueText(c, decimalComma.getOrDefault(c, false));
        if (k > 0) {
          sql.append(", ");
        }
        sql.append("count(*) FILTER (WHERE ")
            .append(cells.missingPredicate(c))
            .append(" IS NOT TRUE), count(TRY_CAST(")
            .append(v)
            .append(" AS DOUBLE)) FILTER (WHERE ")
            .append(cells.missingPredicate(c))
            .append(" IS NOT TRUE)");
      }
      sql.append(" FROM (SELECT ")
          .append(block.stream().map(Sql::ident).collect(Collectors.joining(", ")))
          .append(" FROM src LIMIT 10000)");
      try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
        int p = 1;
        for (int k = 0; k < block.size(); k++) {
          p = cells.bindMissing(ps, p, 2);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          for (int k = 0; k < block.size(); k++) {
            long present = rs.getLong(2 * k + 1);
            long numeric = rs.getLong(2 * k + 2);
            wideShares.put(block.get(k), present == 0 ? 0 : numeric / (double) present);
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * A present value of a column none of whose present values is a number; null when some value is
   * one or none is present.
   */
  String nonNumericExample(String col, boolean comma) {
    String v = CellSql.valueText(col, comma);
    String sql =
        "SELECT count(TRY_CAST("
            + v
            + " AS DOUBLE)) FILTER (WHERE "
            + cells.missingPredicate(col)
            + " IS NOT TRUE), "
            + "min(CAST("
            + Sql.ident(col)
            + " AS VARCHAR)) FILTER (WHERE "
            + cells.missingPredicate(col)
            + " IS NOT TRUE) FROM src";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      cells.bindMissing(ps, 1, 2);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0 ? null : rs.getString(2);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
