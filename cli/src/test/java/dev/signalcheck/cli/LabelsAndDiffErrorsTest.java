package dev.signalcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input for labels and diff: the contract's exit codes and one line each. */
class LabelsAndDiffErrorsTest {

  @TempDir Path dir;

  @Test
  void labelsMissingColumn() {
    Cli.oneLineError(
        Cli.run("labels", LabelsCommandTest.SAFI, "--column", "vilage"),
        2,
        "column 'vilage' (--column) not found in Moz_SAFI",
        "(did you mean 'village'?)");
  }

  @Test
  void labelsWithoutColumnOption() {
    Cli.oneLineError(Cli.run("labels", LabelsCommandTest.SAFI), 2, "--column");
  }

  @Test
  void labelsEmptyAndMissingFiles() throws IOException {
    Cli.oneLineError(
        Cli.run("labels", Cli.file(dir, "empty.csv", "").toString(), "--column", "x"),
        3,
        "empty.csv is empty");
    Cli.oneLineError(
        Cli.run("labels", Cli.file(dir, "h.csv", "a,b\n").toString(), "--column", "a"),
        3,
        "h.csv has a header but no data rows");
    Cli.oneLineError(
        Cli.run("labels", dir.resolve("nope.csv").toString(), "--column", "a"), 3, "no such file");
  }

  @Test
  void auditUnknownLabelsColumn() {
    Cli.oneLineError(
        Cli.run(
            "audit",
            LabelsCommandTest.SAFI,
            "--time",
            "start",
            "--target",
            "no_membrs",
            "--labels",
            "villages",
            "--json",
            dir.resolve("x.json").toString()),
        2,
        "column 'villages' (--labels) not found");
  }

  @Test
  void diffDifferentSchemas() throws IOException {
    Path a = Cli.file(dir, "a.csv", "time,value\n2024-01-01,1\n2024-01-02,2\n");
    Path b = Cli.file(dir, "b.csv", "time,temperature\n2024-01-01,1\n2024-01-02,2\n");
    Cli.oneLineError(
        Cli.run("diff", a.toString(), b.toString()),
        3,
        "a.csv and b.csv are not two extracts of the same table (value columns only in a.csv: value; only in b.csv: temperature)");
  }

  @Test
  void diffMissingColumnInOneFile() throws IOException {
    Path a = Cli.file(dir, "a.csv", "time,value\n2024-01-01,1\n2024-01-02,2\n");
    Path b = Cli.file(dir, "b.csv", "time,temperature\n2024-01-01,1\n2024-01-02,2\n");
    Cli.oneLineError(
        Cli.run("diff", a.toString(), b.toString(), "--target", "value"),
        2,
        "column 'value' (--target) not found in b.csv");
  }

  @Test
  void diffEmptyOrMissingFile() throws IOException {
    Path a = Cli.file(dir, "a.csv", "time,value\n2024-01-01,1\n");
    Cli.oneLineError(
        Cli.run("diff", a.toString(), Cli.file(dir, "e.csv", "").toString()), 3, "e.csv is empty");
    Cli.oneLineError(
        Cli.run("diff", dir.resolve("gone.csv").toString(), a.toString()),
        3,
        "gone.csv: no such file");
    Cli.oneLineError(Cli.run("diff", a.toString()), 2, "NEW");
  }
}
