package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs too big for the heap are refused before they are read, in one line naming the limit and
 * the way out, in a real process whose heap is small (the same code path as a 90-million-row gzip
 * under the default heap): never an out-of-memory error after minutes of reading.
 */
class HeapLimitTest {

  @TempDir Path dir;

  private static String[] java(String heap, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(heap);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.signalcheck.cli.Main");
    cmd.addAll(List.of(args));
    return cmd.toArray(String[]::new);
  }

  private record Run(int code, String err) {}

  private Run run(String... cmd) throws IOException, InterruptedException {
    Path errFile = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(errFile.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(p.exitValue(), Files.readString(errFile));
  }

  private Path rows(String name, int n, String header, java.util.function.IntFunction<String> line)
      throws IOException {
    Path f = dir.resolve(name);
    try (Writer w =
        new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(f), 1 << 16), StandardCharsets.UTF_8)) {
      w.write(header);
      for (int i = 0; i < n; i++) {
        w.write(line.apply(i));
      }
    }
    return f;
  }

  @Test
  void aSeriesLongerThanTheHeapHoldsIsRefusedBeforeItIsRead() throws Exception {
    // 600,000 rows need about 114 MB at 200 bytes a row: more than -Xmx64m
    Path f = rows("long.csv.gz", 600_000, "time,value\n", i -> i + "," + i % 7 + "\n");
    Run r = run(java("-Xmx64m", "audit", f.toString(), "--no-ledger", "--quiet"));
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .contains("long.csv.gz")
        .contains("600,000 rows")
        .contains("64 MB")
        .contains("-Xmx")
        .doesNotContain("Exception")
        .doesNotContain("OutOfMemory");
  }

  @Test
  void inLongLayoutTheLargestSeriesIsWhatCounts() throws Exception {
    // one id of 600,000 rows is refused by the same rule (io's TableReaderMemoryTest shows that
    // many small series of as many rows in all are not)
    Path big =
        rows("one-id.csv.gz", 600_000, "id,time,value\n", i -> "a," + i + "," + i % 7 + "\n");
    Run r2 = run(java("-Xmx64m", "audit", big.toString(), "--id", "id", "--no-ledger", "--quiet"));
    assertThat(r2.code()).isEqualTo(3);
    assertThat(r2.err()).contains("largest series has 600,000 rows");
  }

  @Test
  void aWideFileIsReadWithinASmallHeap() throws Exception {
    // DuckDB's memory limit follows the heap (a quarter, at least 256 MB); its need grows with the
    // columns, not only the rows: a 2,000-column file of 200 rows did not load within 256 MB, and
    // blocks of 32 targets per query ran out of it on 30 rows
    int cols = 2000;
    StringBuilder header = new StringBuilder("time");
    for (int c = 0; c < cols; c++) {
      header.append(",s").append(c);
    }
    Path f =
        rows(
            "wide.csv.gz",
            200,
            header.append('\n').toString(),
            i -> {
              StringBuilder l =
                  new StringBuilder(String.format("2024-01-01T%02d:%02d:00", i / 60, i % 60));
              for (int c = 0; c < cols; c++) {
                l.append(',').append((i * 7 + c) % 13);
              }
              return l.append('\n').toString();
            });
    StringBuilder targets = new StringBuilder("s0");
    for (int c = 1; c < 100; c++) {
      targets.append(",s").append(c * 20);
    }
    Run r =
        run(
            java(
                "-Xmx512m",
                "audit",
                f.toString(),
                "--target",
                targets.toString(),
                "--models",
                "naive",
                "--json",
                dir.resolve("wide.json").toString(),
                "--no-ledger",
                "--quiet",
                "--no-progress"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Cli.validReport(dir.resolve("wide.json")).get("series")).hasSize(100);
  }
}
