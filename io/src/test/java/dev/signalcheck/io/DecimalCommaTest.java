package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalcheck.core.errors.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * How a column writes decimals, decided from its sample: a decimal comma is recognised, a decimal
 * point never reads as one, and a comma that may be either is a question, never a guess.
 */
class DecimalCommaTest {

  /** Numbers with one, two or four-plus decimals: a comma before them can only be a decimal. */
  @Provide
  Arbitrary<String> commaDecimals() {
    Arbitrary<Integer> whole = Arbitraries.integers().between(-99_999, 99_999);
    Arbitrary<String> decimals =
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6).filter(d -> d.length() != 3);
    return net.jqwik.api.Combinators.combine(whole, decimals).as((w, d) -> w + "," + d);
  }

  @Provide
  Arbitrary<String> pointDecimals() {
    Arbitrary<Integer> whole = Arbitraries.integers().between(-99_999, 99_999);
    Arbitrary<String> decimals = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6);
    return net.jqwik.api.Combinators.combine(whole, decimals).as((w, d) -> w + "." + d);
  }

  /** Values such as 1,037 or -12,500: a thousands separator or a decimal comma. */
  @Provide
  Arbitrary<String> ambiguous() {
    return Arbitraries.integers()
        .between(1_000, 999_999)
        .map(n -> String.format(Locale.ROOT, "%,d", n))
        .flatMap(s -> Arbitraries.of(s, "-" + s));
  }

  @Property
  void commaDecimalsReadAsDecimalComma(
      @ForAll @Size(min = 1, max = 200) List<@net.jqwik.api.From("commaDecimals") String> values,
      @ForAll @IntRange(min = 0, max = 3) int spaces) {
    List<String> padded = new ArrayList<>();
    for (String v : values) {
      padded.add(" ".repeat(spaces) + v);
    }
    assertThat(DecimalComma.inSample(padded, "v", "f.csv")).isTrue();
  }

  @Property
  void aDecimalPointAnywhereMeansNoDecimalComma(
      @ForAll @Size(max = 100) List<@net.jqwik.api.From("commaDecimals") String> commas,
      @ForAll @Size(max = 100) List<@net.jqwik.api.From("ambiguous") String> grouped,
      @ForAll("pointDecimals") String point) {
    List<String> sample = new ArrayList<>(commas);
    sample.addAll(grouped);
    sample.add(point);
    assertThat(DecimalComma.inSample(sample, "v", "f.csv")).isFalse();
  }

  @Property
  void commasBeforeThreeDigitsAloneAreAQuestionNamingBothReadings(
      @ForAll @Size(min = 1, max = 200) List<@net.jqwik.api.From("ambiguous") String> values) {
    String first = values.get(0);
    assertThatThrownBy(() -> DecimalComma.inSample(values, "amount", "f.csv"))
        .isInstanceOf(UsageException.class)
        .hasMessageNotContaining("\n")
        .hasMessageStartingWith("column 'amount' of f.csv has values such as '" + first + "'")
        .hasMessageContaining(first.replace(",", "") + " (a thousands separator)")
        .hasMessageContaining(first.replace(",", ".") + " (a decimal comma)")
        .hasMessageEndingWith("say which with --decimal . or --decimal ,");
  }

  @Property
  void integersAndEmptySamplesAreNotDecimalComma(
      @ForAll @Size(max = 200) List<@IntRange(min = -999, max = 999) Integer> values) {
    List<String> sample = values.stream().map(String::valueOf).toList();
    assertThat(DecimalComma.inSample(sample, "v", "f.csv")).isFalse();
  }
}
