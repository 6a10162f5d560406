package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and bad options: one line naming what is wrong, the command line's exit codes. */
class ErrorsTest {

  static Path small(Path dir) throws IOException {
    Path f = dir.resolve("r.csv");
    Files.write(
        f,
        List.of("sensor,time,temperature", "a,2024-01-01 00:00:00,1", "a,2024-01-01 01:00:00,2"));
    return f;
  }

  @Test
  void anUnknownColumnIsAUsageErrorThatNamesTheColumns(@TempDir Path dir) throws IOException {
    Runs.Outcome o =
        Runs.sparkRaw(
            "--input",
            small(dir).toString(),
            "--id",
            "sensor",
            "--time",
            "time",
            "--target",
            "temprature",
            "--output",
            dir.resolve("out").toString());
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err().strip())
        .isEqualTo(
            "signalcheck: error: column 'temprature' (--target) not found in r.csv; columns are:"
                + " sensor, time, temperature (did you mean 'temperature'?)");
  }

  @Test
  void aMissingFileIsAnInputError(@TempDir Path dir) {
    Runs.Outcome o =
        Runs.sparkRaw(
            "--input",
            dir.resolve("nope.csv").toString(),
            "--time",
            "time",
            "--target",
            "v",
            "--output",
            dir.resolve("out").toString());
    assertThat(o.code()).as(o.err()).isEqualTo(3);
    assertThat(o.err()).startsWith("signalcheck: error: cannot read nope.csv: ");
    assertThat(o.err().strip().lines()).hasSize(1);
  }

  @Test
  void aTimeColumnWithNoTimeIsAnInputError(@TempDir Path dir) throws IOException {
    Runs.Outcome o =
        Runs.sparkRaw(
            "--input",
            small(dir).toString(),
            "--time",
            "sensor",
            "--target",
            "temperature",
            "--output",
            dir.resolve("out").toString());
    assertThat(o.code()).as(o.err()).isEqualTo(3);
    assertThat(o.err().strip())
        .isEqualTo(
            "signalcheck: error: r.csv has no rows with a parseable time in column 'sensor'"
                + " (first value: 'a'); pass --time-format or fix the column");
  }

  @Test
  void badOptionValuesAreUsageErrors(@TempDir Path dir) throws IOException {
    String in = small(dir).toString();
    String out = dir.resolve("out").toString();
    assertThat(
            Runs.sparkRaw(
                    "--input",
                    in,
                    "--time",
                    "time",
                    "--target",
                    "temperature",
                    "--output",
                    out,
                    "--models",
                    "nope")
                .code())
        .isEqualTo(2);
    assertThat(
            Runs.sparkRaw(
                    "--input",
                    in,
                    "--time",
                    "time",
                    "--target",
                    "temperature",
                    "--output",
                    out,
                    "--max-rows-per-series",
                    "3")
                .code())
        .isEqualTo(2);
    assertThat(Runs.sparkRaw("--input", in, "--time", "time", "--output", out).code()).isEqualTo(2);
  }
}
