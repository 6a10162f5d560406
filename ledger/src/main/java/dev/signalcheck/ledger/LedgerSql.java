package dev.signalcheck.ledger;

import dev.signalcheck.core.errors.OutputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's reading queries share this: one statement run to rows, and metric definitions by id.
 */
final class LedgerSql {
  private final Ledger ledger;
  private final Connection c;
  private final Map<Long, MetricDefinition> definitions = new HashMap<>();

  LedgerSql(Ledger ledger) {
    this.ledger = ledger;
    this.c = ledger.connection();
  }

  /** A metric definition by id. */
  public MetricDefinition definition(long id) {
    return definitions.computeIfAbsent(
        id,
        k ->
            query(
                    "SELECT name, scaling, season, horizon, origins, origin_policy, aggregation FROM"
                        + " metric_definition WHERE id = ?",
                    ps -> ps.setLong(1, k),
                    rs ->
                        new MetricDefinition(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getString(6),
                            rs.getString(7)))
                .get(0));
  }

  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  <T> List<T> query(String sql, Binder binder, Row<T> row) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          T t = row.read(rs);
          if (t != null) {
            out.add(t);
          }
        }
        return out;
      }
    } catch (SQLException e) {
      throw new OutputException(
          "cannot read the ledger " + ledger.location().display() + ": " + Ledger.reason(e), e);
    }
  }

  static Double getDouble(ResultSet rs, int i) throws SQLException {
    double d = rs.getDouble(i);
    return rs.wasNull() ? null : d;
  }

  static Long getLong(ResultSet rs, int i) throws SQLException {
    long d = rs.getLong(i);
    return rs.wasNull() ? null : d;
  }

  static Integer getInt(ResultSet rs, int i) throws SQLException {
    int d = rs.getInt(i);
    return rs.wasNull() ? null : d;
  }
}
