package dev.signalcheck.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** A report's JSON values read as nullable cells, and nullable cells bound to statements. */
final class Cells {
  private Cells() {}

  static Instant instant(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(n.asText());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  static String text(JsonNode n, String field, String dflt) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? dflt : v.asText();
  }

  static String textOrNull(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
  }

  static String arrayText(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.toString();
  }

  static Double doubleOrNull(JsonNode n) {
    if (n == null || !n.isNumber()) {
      return null;
    }
    double d = n.asDouble();
    return Double.isFinite(d) ? d : null;
  }

  static Long longOrNull(JsonNode n) {
    return n == null || !n.isNumber() ? null : n.asLong();
  }

  static Integer intOrNull(JsonNode n) {
    return n == null || !n.isNumber() ? null : n.asInt();
  }

  static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }
}
