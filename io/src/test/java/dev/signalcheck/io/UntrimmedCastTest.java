package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The series SELECT casts a time's text untrimmed first and trims it only where that fails ({@link
 * SeriesQuery}): for every text, padded with spaces or not, that gives what casting the trimmed
 * text gives, as a timestamp and as an integer.
 */
class UntrimmedCastTest {

  private static final List<String> TEXTS =
      List.of(
          "2024-01-01",
          "2024-01-01 00:00:05",
          "2024-01-01T00:00:05",
          "2024-01-01 00:00:05.250",
          "2024-01-01T00:00:05Z",
          "2024-01-01 00:00:05+01",
          "2024-01-01 00:00:05+01:00",
          "2024-02-30 00:00:00",
          "2024-1-1 1:2:3",
          "20240101",
          "1700000000",
          "-42",
          "0",
          "12.5",
          "1e3",
          "24:00:00",
          "not a time",
          "",
          "2024-01-01\t00:00:05",
          "2024-01-01  00:00:05");

  private static final List<String> PADS = List.of("", " ", "  ", "\t", " \t", "\n");

  @Test
  void castingUntrimmedFirstGivesTheTrimmedCast() throws SQLException {
    String sql =
        "SELECT coalesce(epoch_ms(TRY_CAST(s AS TIMESTAMP)), epoch_ms(TRY_CAST(trim(s) AS"
            + " TIMESTAMP))) IS NOT DISTINCT FROM epoch_ms(TRY_CAST(trim(s) AS TIMESTAMP)),"
            + " coalesce(TRY_CAST(s AS BIGINT), TRY_CAST(trim(s) AS BIGINT)) IS NOT DISTINCT FROM"
            + " TRY_CAST(trim(s) AS BIGINT) FROM (SELECT CAST(? AS VARCHAR) AS s)";
    int checked = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (String text : TEXTS) {
        for (String before : PADS) {
          for (String after : PADS) {
            String s = before + text + after;
            ps.setString(1, s);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              assertThat(rs.getBoolean(1)).as("timestamp of [%s]", s).isTrue();
              assertThat(rs.getBoolean(2)).as("integer of [%s]", s).isTrue();
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).isEqualTo(TEXTS.size() * PADS.size() * PADS.size());
  }
}
