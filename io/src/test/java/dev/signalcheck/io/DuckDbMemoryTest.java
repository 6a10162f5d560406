package dev.signalcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's native memory follows the Java heap, and its spill directory does not outlive it. */
class DuckDbMemoryTest {

  @TempDir Path dir;

  @Property(tries = 200)
  void theLimitIsAQuarterOfTheHeapAndNeverBelowTheFloor(
      @ForAll @LongRange(min = 0, max = 1L << 40) long heap) {
    long mb = DuckDbMemory.limitMb(heap);
    assertThat(mb).isGreaterThanOrEqualTo(DuckDbMemory.FLOOR_MB);
    assertThat(mb).isEqualTo(Math.max(DuckDbMemory.FLOOR_MB, heap / 4 / (1024 * 1024)));
  }

  @Property(tries = 200)
  void aWideTableGetsAtLeastItsColumnsWorthAndNeverLessThanTheHeapsShare(
      @ForAll @LongRange(min = 0, max = 1L << 40) long heap,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 100_000) int columns) {
    long mb = DuckDbMemory.limitMb(heap, columns);
    assertThat(mb).isGreaterThanOrEqualTo(DuckDbMemory.limitMb(heap));
    assertThat(mb).isGreaterThanOrEqualTo(DuckDbMemory.FLOOR_MB + columns / 4);
    assertThat(DuckDbMemory.limitMb(heap, columns + 4)).isGreaterThanOrEqualTo(mb);
  }

  private static Set<Path> spills() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("signalcheck-duckdb-"))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void aConnectionGetsTheLimitAndItsOwnSpillDirectory() throws SQLException {
    Path spill;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      spill = DuckDbMemory.apply(c);
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT current_setting('memory_limit'), current_setting('temp_directory')")) {
        rs.next();
        assertThat(rs.getString(1)).isNotBlank();
        assertThat(Path.of(rs.getString(2))).isEqualTo(spill.toAbsolutePath());
      }
      assertThat(spill).isDirectory();
    }
    DuckDbMemory.deleteSpill(spill);
    assertThat(spill).doesNotExist();
  }

  @Test
  void readersLeaveNoSpillDirectoryBehindWhetherTheyReadOrFail() throws IOException {
    Set<Path> before = spills();
    Path ok = Files.writeString(dir.resolve("ok.csv"), "time,value\n1,2\n2,3\n3,4\n");
    try (TableReader r = TableReader.open(InputSpec.of(ok.toString()))) {
      r.forEachSeries(d -> {});
    }
    Path empty = Files.writeString(dir.resolve("empty.csv"), "time,value\n");
    for (Path p : List.of(empty, dir.resolve("missing.csv"))) {
      try (TableReader r = TableReader.open(InputSpec.of(p.toString()))) {
        r.forEachSeries(d -> {});
      } catch (RuntimeException expected) {
        // refused input: its spill directory must be gone all the same
      }
    }
    assertThat(spills()).isSubsetOf(before);
  }
}
