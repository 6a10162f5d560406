package dev.signalcheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exports read back with DuckDB, as a BI tool would read them. */
class ExportTest {

  @TempDir Path dir;

  static java.util.stream.Stream<LedgerDialect> dialects() {
    return TestDatabases.dialects();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void everyTableExportsToCsvAndParquetWithTheViewsColumnsAndRows(LedgerDialect d)
      throws Exception {
    Fixture.Runs f = Fixture.of(d);
    try (Ledger l = Ledger.open(f.location());
        Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String table : List.of("runs", "series", "metrics", "findings")) {
        Path csv = dir.resolve(table + ".csv");
        Path parquet = dir.resolve(table + ".parquet");
        long n = LedgerExport.export(l, table, "csv", csv, "demo");
        long np = LedgerExport.export(l, table, "parquet", parquet, "demo");
        long inView =
            RecordingTest.count(l, "SELECT COUNT(*) FROM v_" + table + " WHERE project = 'demo'");
        assertThat(n).isEqualTo(np).isEqualTo(inView).isPositive();
        assertThat(scalar(duck, "SELECT COUNT(*) FROM read_parquet('" + parquet + "')"))
            .isEqualTo(inView);
        assertThat(
                scalar(
                    duck,
                    "SELECT COUNT(*) FROM read_csv('"
                        + csv
                        + "', header = true, all_varchar = true)"))
            .isEqualTo(inView);
        assertThat(columns(duck, "read_parquet('" + parquet + "')"))
            .isEqualTo(viewColumns(l, table));
        assertThat(columns(duck, "read_csv('" + csv + "', header = true, all_varchar = true)"))
            .isEqualTo(viewColumns(l, table));
      }
      // typed Parquet: numbers are numbers, times are timestamps
      Path series = dir.resolve("series.parquet");
      try (Statement st = duck.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT typeof(best_mase), typeof(n), typeof(started_at), SUM(series_count)"
                      + " OVER () FROM read_parquet('"
                      + series
                      + "') s, (SELECT 1 AS series_count)"
                      + " LIMIT 1")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("DOUBLE");
        assertThat(rs.getString(2)).isEqualTo("BIGINT");
        assertThat(rs.getString(3)).isEqualTo("TIMESTAMP");
      }
      double inLedger =
          doubleScalar(
              l.connection(), "SELECT SUM(best_mase) FROM v_series WHERE project = 'demo'");
      assertThat(doubleScalar(duck, "SELECT SUM(best_mase) FROM read_parquet('" + series + "')"))
          .isCloseTo(inLedger, within(1e-9));
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void csvCellsCannotRunAsSpreadsheetFormulas(LedgerDialect d) throws Exception {
    Fixture.Runs f = Fixture.of(d);
    try (Ledger l = Ledger.open(f.location())) {
      Path csv = dir.resolve("series.csv");
      LedgerExport.export(l, "series", "csv", csv, "demo");
      String text = Files.readString(csv);
      // numbers stay numbers: negative skills are not prefixed
      Path metrics = dir.resolve("metrics.csv");
      LedgerExport.export(l, "metrics", "csv", metrics, "demo");
      assertThat(Files.readString(metrics)).containsPattern(",\"-[0-9]").doesNotContain("\"'-");
      // the series named "=trend" is written as text, quoted, with a leading apostrophe
      assertThat(text).contains("\"'=trend\"").doesNotContain(",\"=trend\"");
      for (String line : text.split("\r\n")) {
        for (String cell : line.split(",(?=\")")) {
          assertThat(cell).startsWith("\"");
          assertThat(cell.length() > 1 ? cell.charAt(1) : '"').isNotIn('=', '+', '@', '\t', '\r');
          if (cell.startsWith("\"-")) {
            assertThat(cell).matches("\"-[0-9.E-]+\"");
          }
        }
      }
    }
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static double doubleScalar(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  private static List<String> columns(Connection duck, String from) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + from)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<String> viewColumns(Ledger l, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = l.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM v_" + table + " WHERE 1 = 0")) {
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getMetaData().getColumnLabel(i));
      }
    }
    return out;
  }
}
