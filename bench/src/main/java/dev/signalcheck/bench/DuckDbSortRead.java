package dev.signalcheck.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The reference of workload W4: DuckDB reading a CSV and sorting it by series and time, every row
 * fetched through JDBC ({@code SELECT id, epoch_ms(time), TRY_CAST(value AS DOUBLE) FROM
 * read_csv(FILE) ORDER BY id, time}) — the least any audit of the file has to do. The time is
 * fetched as a number, as signalcheck's reader fetches it, so the reference is DuckDB at its
 * fastest; values that are not numbers ({@code NA}) come back as NULL.
 *
 * <p>usage: {@code java -cp bench/target/benchmarks.jar dev.signalcheck.bench.DuckDbSortRead FILE
 * ID_COLUMN TIME_COLUMN VALUE_COLUMN}; prints the rows, series and a checksum of the values.
 */
public final class DuckDbSortRead {

  public static void main(String[] args) throws SQLException {
    if (args.length != 4) {
      System.err.println("usage: DuckDbSortRead FILE ID_COLUMN TIME_COLUMN VALUE_COLUMN");
      System.exit(2);
    }
    String sql =
        String.format(
            Locale.ROOT,
            "SELECT %1$s, epoch_ms(%2$s), TRY_CAST(%3$s AS DOUBLE) FROM read_csv(%4$s)"
                + " ORDER BY %1$s, %2$s",
            ident(args[1]),
            ident(args[2]),
            ident(args[3]),
            literal(args[0]));
    long t0 = System.nanoTime();
    long rows = 0;
    long series = 0;
    double sum = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      String last = null;
      while (rs.next()) {
        String id = rs.getString(1);
        long time = rs.getLong(2);
        double v = rs.getDouble(3);
        if (!rs.wasNull()) {
          sum += v;
        }
        if (!id.equals(last)) {
          series++;
          last = id;
        }
        rows += time == Long.MIN_VALUE ? 0 : 1;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "duckdb: %d rows, %d series, sum of values %.3f, %.2f s%n",
        rows,
        series,
        sum,
        (System.nanoTime() - t0) / 1e9);
  }

  private static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }
}
