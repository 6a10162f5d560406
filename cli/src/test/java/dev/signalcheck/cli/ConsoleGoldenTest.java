package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console summary of one audit, against a checked-in file: AirPassengers (the R reference
 * series, from core's test jar) with the default settings. The version in the first line and the
 * output folder are normalised; everything else must match exactly. Run with {@code
 * -Dgolden.update=true} (or {@code GOLDEN_UPDATE=true}) to rewrite the file after an intended
 * change, and review the diff.
 */
class ConsoleGoldenTest {

  static final Path GOLDEN =
      Path.of("src/test/resources/dev/signalcheck/cli/golden/audit-air-passengers.txt");

  @TempDir Path dir;

  static boolean update() {
    return Boolean.getBoolean("golden.update")
        || "true".equalsIgnoreCase(System.getenv("GOLDEN_UPDATE"));
  }

  /** The console with the version and the output folder replaced by placeholders. */
  static String normalised(String console, Path out) {
    String s = console.replace("\r\n", "\n").replace(out.toString(), "<out>");
    return s.replaceFirst("^signalcheck \\S+ ", "signalcheck <version> ");
  }

  @Test
  void theConsoleSummaryMatchesTheGoldenFile() throws IOException {
    Path csv = dir.resolve("air_passengers.csv");
    try (InputStream in =
        ConsoleGoldenTest.class.getResourceAsStream("/reference/air_passengers.csv")) {
      assertThat(in).as("core's test jar with the reference series").isNotNull();
      Files.copy(in, csv);
    }
    Path out = dir.resolve("out");
    Cli c =
        Cli.run("audit", csv.toString(), "--out", out.toString(), "--no-progress", "--no-ledger");
    assertThat(c.exit).as(c.err).isZero();
    assertThat(c.err).isEmpty();
    String actual = normalised(c.out, out);
    if (update() || !Files.exists(GOLDEN)) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
      if (!update()) {
        fail("golden file was missing and has been written: " + GOLDEN + "; review and commit it");
      }
    }
    assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }
}
