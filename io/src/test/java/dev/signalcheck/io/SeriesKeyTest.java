package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.series.SeriesData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Series keys: two different lists of id values never make the same key. */
class SeriesKeyTest {

  @TempDir Path dir;

  /** Ids that differ only in quotes or padding, read from a file, stay apart as whole series. */
  @Test
  void idsThatDifferOnlyInQuotesOrPaddingAreSeparateSeries() throws IOException {
    // the ids: a, " a" (quotes in the value), ' a' (a space before a), "a" (quotes in the value)
    String[] ids = {"a", "\"\"\" a\"\"\"", "\" a\"", "\"\"\"a\"\"\""};
    StringBuilder csv = new StringBuilder("id,t,v\n");
    for (int t = 0; t < 12; t++) {
      for (int k = 0; k < ids.length; k++) {
        csv.append(ids[k]).append(',').append(t).append(',').append(k).append('\n');
      }
    }
    Path p = Files.writeString(dir.resolve("ids.csv"), csv);
    List<SeriesData> out = new ArrayList<>();
    try (TableReader r = TableReader.open(InputSpec.of(p.toString()).withIds("id").withTime("t"))) {
      r.forEachSeries(out::add);
    }
    assertThat(out).hasSize(ids.length).allSatisfy(d -> assertThat(d.size()).isEqualTo(12));
    assertThat(out.stream().map(SeriesData::id).distinct()).hasSize(ids.length);
  }

  @Provide
  Arbitrary<List<String>> idValues() {
    return Arbitraries.strings()
        .withChars('a', 'b', '/', '"', ' ', '\t')
        .ofMaxLength(5)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  private static String key(List<String> values, boolean severalTargets) {
    boolean joined = values.size() > 1 || severalTargets;
    return values.stream()
        .map(v -> SeriesStream.keyPart(v, joined))
        .collect(Collectors.joining("/"));
  }

  @Property(tries = 3000)
  void differentIdValuesMakeDifferentKeys(
      @ForAll("idValues") List<String> a,
      @ForAll("idValues") List<String> b,
      @ForAll boolean severalTargets) {
    if (a.size() == b.size() && !a.equals(b)) {
      assertThat(key(a, severalTargets)).isNotEqualTo(key(b, severalTargets));
    }
  }

  /** A value and the same value in quotes, as a quoted key part would be written, stay apart. */
  @Property(tries = 2000)
  void aValueAndItsQuotedFormMakeDifferentKeys(
      @ForAll("idValues") List<String> a,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int at,
      @ForAll boolean severalTargets) {
    int i = at % a.size();
    List<String> b = new java.util.ArrayList<>(a);
    b.set(i, '"' + a.get(i).replace("\"", "\"\"") + '"');
    assertThat(key(b, severalTargets)).isNotEqualTo(key(a, severalTargets));
  }

  @Property
  void aPlainValueIsItsOwnKey(@ForAll("idValues") List<String> values) {
    for (String v : values) {
      if (!v.isEmpty()
          && v.indexOf('/') < 0
          && v.indexOf('"') < 0
          && v.strip().equals(v)
          && !Character.isWhitespace(v.charAt(0))) {
        assertThat(SeriesStream.keyPart(v, true)).isEqualTo(v);
      }
    }
  }
}
