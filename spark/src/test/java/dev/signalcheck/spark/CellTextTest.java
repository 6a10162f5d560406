package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The job reads cells as the file reader does: {@link CellText#number} agrees with DuckDB's {@code
 * TRY_CAST(… AS DOUBLE)} and {@link CellText#trim} with its {@code trim()}, on strings built from
 * the characters numbers are written with (and the white space around them).
 */
class CellTextTest {
  private static Connection duck;
  private static PreparedStatement cast;

  @BeforeContainer
  static void open() throws SQLException {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    cast = duck.prepareStatement("SELECT TRY_CAST(? AS DOUBLE), trim(?)");
  }

  @AfterContainer
  static void close() throws SQLException {
    duck.close();
  }

  @Provide
  Arbitrary<String> numberish() {
    Arbitrary<String> chars =
        Arbitraries.strings().withChars("0123456789.eE+-_ ,\t\u00a0").ofMinLength(0).ofMaxLength(9);
    Arbitrary<String> words =
        Arbitraries.of(
            "inf", "-inf", "Infinity", "nan", "NaN", "+inf", "1e5", "-.5", "1_000", " 3 ");
    return Arbitraries.oneOf(
        chars, chars, words, Arbitraries.strings().withChars("1._eE").ofMaxLength(6));
  }

  @Property(tries = 3000)
  void numbersAndTrimAsDuckDbReadsThem(@ForAll("numberish") String s) throws SQLException {
    cast.setString(1, s);
    cast.setString(2, s);
    try (ResultSet r = cast.executeQuery()) {
      r.next();
      double d = r.getDouble(1);
      Double expected = r.wasNull() ? null : d;
      assertThat(CellText.number(s)).as("TRY_CAST('%s' AS DOUBLE)", s).isEqualTo(expected);
      assertThat(CellText.trim(s)).as("trim('%s')", s).isEqualTo(r.getString(2));
    }
  }

  @Property(tries = 500)
  void doublesReadBackAsThemselves(@ForAll double d) {
    Double back = CellText.number(CellText.of(d));
    assertThat(back).isEqualTo(d);
  }
}
