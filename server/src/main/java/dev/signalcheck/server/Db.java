package dev.signalcheck.server;

import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.ledger.Ledger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers over a ledger: bound arguments only (strings, numbers, instants, null). */
final class Db {
  private Db() {}

  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  static void bind(Ledger l, PreparedStatement ps, Object... args) throws SQLException {
    int i = 1;
    for (Object a : args) {
      if (a == null) {
        ps.setObject(i++, null);
      } else if (a instanceof Instant t) {
        l.dialect().setTime(ps, i++, t);
      } else if (a instanceof Integer n) {
        ps.setInt(i++, n);
      } else if (a instanceof Long n) {
        ps.setLong(i++, n);
      } else if (a instanceof NullTime) {
        l.dialect().setTime(ps, i++, null);
      } else {
        ps.setString(i++, a.toString());
      }
    }
  }

  /** A null point in time (bound with the dialect's time type). */
  enum NullTime {
    INSTANCE
  }

  static Object time(Instant t) {
    return t == null ? NullTime.INSTANCE : t;
  }

  static <T> List<T> query(Ledger l, String sql, Row<T> row, Object... args) {
    try (PreparedStatement ps = l.connection().prepareStatement(sql)) {
      bind(l, ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.read(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new OutputException(
          "cannot read the ledger " + l.location().display() + ": " + Ledger.reason(e), e);
    }
  }

  static int update(Ledger l, String sql, Object... args) {
    l.requireWritable();
    try (PreparedStatement ps = l.connection().prepareStatement(sql)) {
      bind(l, ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new OutputException(
          "cannot write the ledger " + l.location().display() + ": " + Ledger.reason(e), e);
    }
  }
}
