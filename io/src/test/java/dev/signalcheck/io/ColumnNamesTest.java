package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalcheck.core.errors.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A column named in an option: found however it is cased or padded, else one line listing them. */
class ColumnNamesTest {

  @Provide
  Arbitrary<List<String>> columns() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('_', ' ', 'É', '"', ',')
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(s -> !s.isBlank())
        .list()
        .ofMinSize(1)
        .ofMaxSize(60)
        .uniqueElements(s -> s.trim().toLowerCase(Locale.ROOT));
  }

  @Property
  void everyColumnIsFoundByItsNameHoweverCasedOrPadded(
      @ForAll("columns") List<String> columns,
      @ForAll @IntRange(min = 0, max = 59) int pick,
      @ForAll boolean upper,
      @ForAll @IntRange(min = 0, max = 3) int pad) {
    ColumnNames names = new ColumnNames(columns, "f.csv");
    String c = columns.get(pick % columns.size());
    assertThat(names.resolve(c, "--target")).isEqualTo(c);
    String variant =
        " ".repeat(pad)
            + (upper ? c.toUpperCase(Locale.ROOT) : c.toLowerCase(Locale.ROOT)).trim()
            + " ".repeat(pad);
    assertThat(names.resolve(variant, "--target")).isEqualTo(c);
    assertThat(names.resolveAll(List.of(variant, c), "--id")).containsExactly(c, c);
  }

  @Property
  void anUnknownNameIsOneUsageErrorNamingItTheOptionAndAtMostFortyColumns(
      @ForAll("columns") List<String> columns, @ForAll("unknown") String name) {
    Set<String> known =
        columns.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    net.jqwik.api.Assume.that(!known.contains(name.trim().toLowerCase(Locale.ROOT)));
    ColumnNames names = new ColumnNames(columns, "f.csv");
    assertThatThrownBy(() -> names.resolve(name, "--covariates"))
        .isInstanceOf(UsageException.class)
        .satisfies(
            e -> {
              String m = e.getMessage();
              assertThat(m)
                  .doesNotContain("\n")
                  .startsWith("column '" + name + "' (--covariates) not found in f.csv")
                  .contains("; columns are: " + columns.get(0));
              if (columns.size() > 40) {
                assertThat(m).contains("(" + columns.size() + " in all)");
              }
              List<String> suggested = new ArrayList<>();
              java.util.regex.Matcher g =
                  java.util.regex.Pattern.compile("\\(did you mean '(.*)'\\?\\)$").matcher(m);
              if (g.find()) {
                suggested.add(g.group(1));
              }
              assertThat(columns).containsAll(suggested);
            });
  }

  @Provide
  Arbitrary<String> unknown() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(14);
  }

  @Property
  void aNameOneLetterOffIsSuggested(
      @ForAll("columns") List<String> columns, @ForAll @IntRange(min = 0, max = 59) int pick) {
    String c = columns.get(pick % columns.size());
    String typo = c + "q";
    Set<String> known =
        columns.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    net.jqwik.api.Assume.that(!known.contains(typo.toLowerCase(Locale.ROOT)));
    ColumnNames names = new ColumnNames(columns, "f.csv");
    assertThatThrownBy(() -> names.resolve(typo, "--time"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("(did you mean '");
  }
}
