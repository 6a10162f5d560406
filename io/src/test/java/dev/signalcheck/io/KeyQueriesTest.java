package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.series.SeriesData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A few series keys are read by one query per key, many by one query ordered by key ({@link
 * SeriesStream#KEYS_ONE_BY_ONE}): both give the same series, row for row. A file of a few keys is
 * read beside the same file with more keys' rows appended after it (which makes the reader take the
 * other way): the first series agree in every row number, time, value, state and text, with
 * interleaved keys, rows without a key, blank times, times padded with spaces, text values, missing
 * tokens and a key of two columns.
 */
class KeyQueriesTest {

  private static void row(StringBuilder csv, String a, String b, String t, String v) {
    csv.append(a).append(',').append(b).append(',').append(t).append(',').append(v).append('\n');
  }

  private static String time(int i) {
    return String.format("2024-01-%02d %02d:00:00", 1 + i / 24, i % 24);
  }

  private static List<SeriesData> read(Path p, List<String> ids, long[] rejected) {
    List<SeriesData> out = new ArrayList<>();
    InputSpec spec = InputSpec.of(p.toString()).withTime("t");
    spec = ids.size() == 1 ? spec.withIds(ids.get(0)) : spec.withIds(ids.get(0), ids.get(1));
    try (TableReader r = TableReader.open(spec)) {
      r.forEachSeries(out::add);
      rejected[0] = r.rejectedRows();
    }
    return out;
  }

  @Property(tries = 12)
  void oneQueryPerKeyReadsAsOneQueryForAll(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int keys, @ForAll boolean twoColumns)
      throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder few = new StringBuilder("a,b,t,v\n");
    for (int i = 0; i < 120; i++) {
      int k = rnd.nextInt(keys);
      String a = "k" + k;
      String b = twoColumns ? (k % 2 == 0 ? "x" : "y/z") : "";
      String t = time(i / 2 + rnd.nextInt(2));
      String v = String.format("%.3f", rnd.nextGaussian());
      int u = rnd.nextInt(40);
      if (u == 0) {
        a = "";
      } else if (u == 1) {
        t = "";
      } else if (u == 2) {
        t = "  " + t + " ";
      } else if (u == 3) {
        v = "broken";
      } else if (u == 4) {
        v = "NA";
      }
      row(few, a, b, t, v);
    }
    StringBuilder many = new StringBuilder(few);
    for (int k = 0; k < SeriesStream.KEYS_ONE_BY_ONE + 2; k++) {
      for (int i = 0; i < 3; i++) {
        row(many, "extra" + k, twoColumns ? "x" : "", time(i), "1.5");
      }
    }
    Path dir = Files.createTempDirectory("keys");
    try {
      Path fewFile = Files.writeString(dir.resolve("few.csv"), few);
      Path manyFile = Files.writeString(dir.resolve("many.csv"), many);
      List<String> ids = twoColumns ? List.of("a", "b") : List.of("a");
      long[] rejFew = new long[1];
      long[] rejMany = new long[1];
      List<SeriesData> a = read(fewFile, ids, rejFew);
      List<SeriesData> b = read(manyFile, ids, rejMany);
      assertThat(rejMany[0]).isEqualTo(rejFew[0]);
      assertThat(b).hasSize(a.size() + SeriesStream.KEYS_ONE_BY_ONE + 2);
      for (int s = 0; s < a.size(); s++) {
        SeriesData x = a.get(s);
        SeriesData y = b.get(s);
        assertThat(y.id()).isEqualTo(x.id());
        assertThat(y.size()).as(x.id()).isEqualTo(x.size());
        for (int i = 0; i < x.size(); i++) {
          assertThat(y.row(i)).isEqualTo(x.row(i));
          assertThat(y.time(i)).isEqualTo(x.time(i));
          assertThat(Double.doubleToLongBits(y.value(i)))
              .isEqualTo(Double.doubleToLongBits(x.value(i)));
          assertThat(y.state(i)).isEqualTo(x.state(i));
        }
        assertThat(y.nonNumericTokens()).isEqualTo(x.nonNumericTokens());
        assertThat(y.unparseableExamples()).isEqualTo(x.unparseableExamples());
      }
    } finally {
      try (var files = Files.list(dir)) {
        files.forEach(f -> f.toFile().delete());
      }
      Files.deleteIfExists(dir);
    }
  }
}
