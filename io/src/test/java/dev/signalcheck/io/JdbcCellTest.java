package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.series.SeriesData;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A database cell, whatever the driver hands over: a finite number is that number, null and the
 * missing tokens are missing, everything else is a non-number that keeps its text.
 */
class JdbcCellTest {

  private final JdbcCell cell =
      new JdbcCell(
          new InputSpec(
              "db",
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              null,
              null,
              null,
              List.of(" n.d. ", "--"),
              null,
              null));

  private record Read(double value, byte state, String raw) {}

  private Read read(Object o) {
    double[] v = new double[2];
    byte[] st = new byte[2];
    String[] raw = {"stale", "stale"};
    cell.read(o, 1, v, st, raw);
    return new Read(v[1], st[1], raw[1]);
  }

  @Provide
  Arbitrary<Object> finiteNumbers() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.bigDecimals()
            .between(BigDecimal.valueOf(-1e12), BigDecimal.valueOf(1e12))
            .ofScale(4)
            .map(b -> (Object) b));
  }

  @Property
  void aFiniteNumberIsItsValueWhetherANumberOrItsText(
      @ForAll("finiteNumbers") Object n, @ForAll @IntRange(min = 0, max = 2) int pad) {
    double expected = ((Number) n).doubleValue();
    for (Object o : List.of(n, " ".repeat(pad) + n + " ".repeat(pad))) {
      Read r = read(o);
      assertThat(r.state()).isEqualTo(SeriesData.OK);
      assertThat(r.value()).isEqualTo(expected);
      assertThat(r.raw()).isNull();
    }
  }

  @Property
  void nullNanAndEveryMissingTokenAreMissing(
      @ForAll("missing") Object o, @ForAll @IntRange(min = 0, max = 2) int pad) {
    Object padded = o instanceof String s ? " ".repeat(pad) + s + " ".repeat(pad) : o;
    Read r = read(padded);
    assertThat(r.state()).isEqualTo(SeriesData.MISSING);
    assertThat(r.value()).isNaN();
    assertThat(r.raw()).isNull();
  }

  @Provide
  Arbitrary<Object> missing() {
    Arbitrary<Object> tokens = Arbitraries.of(InputSpec.DEFAULT_MISSING).map(t -> (Object) t);
    return Arbitraries.oneOf(
        tokens,
        Arbitraries.of("n.d.", "--").map(t -> (Object) t),
        Arbitraries.of(Double.NaN, Float.NaN).map(d -> (Object) d),
        Arbitraries.just(null));
  }

  @Property
  void anythingElseIsANonNumberThatKeepsItsTrimmedText(@ForAll("notNumbers") String s) {
    Read r = read(s);
    assertThat(r.state()).isEqualTo(SeriesData.NON_NUMERIC);
    assertThat(r.raw()).isEqualTo(s.trim());
    assertThat(r.value()).isNaN();
  }

  @Provide
  Arbitrary<String> notNumbers() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars(' ', ',', '#')
            .ofMinLength(1)
            .ofMaxLength(10)
            .filter(s -> !s.isBlank() && !InputSpec.DEFAULT_MISSING.contains(s.trim()))
            .filter(s -> !s.trim().equals("nan") && !s.trim().equals("n.d.")),
        Arbitraries.of("Infinity", "-Infinity", "1e999", "1,5", "12 kg"));
  }

  @Property
  void aFloatIsItsValue(@ForAll float f) {
    Read r = read(f);
    assertThat(r.state()).isEqualTo(SeriesData.OK);
    assertThat(r.value()).isEqualTo((double) f);
  }

  @Property
  void anInfiniteNumberIsANonNumberNamedByItsValue(@ForAll boolean negative) {
    double inf = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    Read r = read(inf);
    assertThat(r.state()).isEqualTo(SeriesData.NON_NUMERIC);
    assertThat(r.raw()).isEqualTo(Double.toString(inf));
  }
}
