package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heap guard: what counts is the largest series, and the refusal states the limit. */
class TableReaderMemoryTest {

  @TempDir Path dir;

  @Test
  void theLargestSeriesOfALongFileIsItsLargestIdNotTheWholeFile() throws IOException {
    StringBuilder sb = new StringBuilder("id,time,value\n");
    for (int i = 0; i < 30_000; i++) {
      // 300 ids of 100 rows, and one id "big" of 500 more
      sb.append('s').append(i % 300).append(',').append(i / 300).append(",1\n");
    }
    for (int i = 0; i < 500; i++) {
      sb.append("big,").append(i).append(",2\n");
    }
    Path p = Files.writeString(dir.resolve("fleet.csv"), sb);
    try (TableReader r = TableReader.open(InputSpec.of(p.toString()).withIds("id"))) {
      assertThat(r.largestSeries()).isEqualTo(500);
    }
    try (TableReader r = TableReader.open(InputSpec.of(p.toString()))) {
      assertThat(r.largestSeries()).isEqualTo(30_500);
    }
  }

  @Property
  void refusedExactlyWhenTheEstimateExceedsTheHeap(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long rows,
      @ForAll @LongRange(min = 16L << 20, max = 64L << 30) long heap) {
    String m = InputLimits.memoryRefusal("f.csv", rows, heap);
    boolean over = rows * InputLimits.HEAP_BYTES_PER_ROW > heap;
    assertThat(m != null).isEqualTo(over);
    if (m != null) {
      assertThat(m)
          .startsWith("f.csv: ")
          .contains(String.format(java.util.Locale.ROOT, "%,d rows", rows))
          .contains(String.format(java.util.Locale.ROOT, "%,d MB", heap >> 20))
          .contains("-Xmx")
          .doesNotContain("\n");
      // the heap it suggests would hold the series
      java.util.regex.Matcher g = java.util.regex.Pattern.compile("-Xmx(\\d+)g").matcher(m);
      assertThat(g.find()).isTrue();
      assertThat(Long.parseLong(g.group(1)) << 30)
          .isGreaterThanOrEqualTo(rows * InputLimits.HEAP_BYTES_PER_ROW);
    }
  }
}
