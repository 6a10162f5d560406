package dev.signalcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets its exit code and one clear line, never a stack trace (contract.md). */
class ErrorsTest {

  @TempDir Path dir;

  @Test
  void missingFile() {
    Cli.oneLineError(
        Cli.run("audit", dir.resolve("nope.csv").toString(), "--out", dir.toString()),
        3,
        "nope.csv",
        "no such file");
  }

  @Test
  void emptyFile() throws IOException {
    Cli.oneLineError(
        Cli.run("audit", Cli.file(dir, "empty.csv", "").toString(), "--out", dir.toString()),
        3,
        "empty.csv is empty");
  }

  @Test
  void headerOnlyFile() throws IOException {
    Cli.oneLineError(
        Cli.run(
            "audit", Cli.file(dir, "h.csv", "time,value\n").toString(), "--out", dir.toString()),
        3,
        "h.csv has a header but no data rows");
  }

  @Test
  void binaryGarbage() throws IOException {
    Path p = dir.resolve("garbage.csv");
    byte[] b = new byte[2048];
    new java.util.Random(7).nextBytes(b);
    Files.write(p, b);
    Cli.oneLineError(
        Cli.run("audit", p.toString(), "--out", dir.toString()),
        3,
        "garbage.csv does not look like text");
  }

  @Test
  void unknownModelNamesTheOptionInEveryCommandThatTakesIt() throws IOException {
    Path p = Cli.file(dir, "m.csv", "time,value\n2024-01-01,1\n2024-01-02,2\n");
    Cli.oneLineError(
        Cli.run("audit", p.toString(), "--models", "naive,Bogus", "--out", dir.toString()),
        2,
        "bogus",
        "(--models)");
    Cli.oneLineError(
        Cli.run(
            "fetch",
            "http://127.0.0.1:9/m.csv",
            "--source",
            "m",
            "--models",
            " Bogus ",
            "--data",
            dir.toString(),
            "--no-ledger",
            "--out",
            dir.toString()),
        2,
        "bogus",
        "(--models)");
  }

  @Test
  void unknownColumnWithDidYouMean() throws IOException {
    Path p =
        Cli.file(dir, "readings.csv", "time,temperature,sensor\n2024-01-01,1,a\n2024-01-02,2,a\n");
    Cli.oneLineError(
        Cli.run("audit", p.toString(), "--target", "temprature", "--out", dir.toString()),
        2,
        "column 'temprature' (--target) not found in readings.csv; columns are: time, temperature, sensor (did you mean 'temperature'?)");
  }

  @Test
  void noParseableTime() throws IOException {
    Path p = Cli.file(dir, "readings.csv", "time,value\n31/02/2024 25:00,1\nlater,2\n");
    Cli.oneLineError(
        Cli.run("audit", p.toString(), "--time", "time", "--out", dir.toString()),
        3,
        "readings.csv has no rows with a parseable time in column 'time' (first value: '31/02/2024 25:00'); pass --time-format or fix the column");
  }

  @Test
  void noTimeColumnAtAll() throws IOException {
    Path p = Cli.file(dir, "nums.csv", "a,b\n1,2\n3,4\n");
    Cli.oneLineError(
        Cli.run("audit", p.toString(), "--out", dir.toString()),
        2,
        "no time column found in nums.csv",
        "--time");
  }

  @Test
  void negativeHorizon() {
    Cli.oneLineError(
        Cli.run(
            "audit", Cli.data("nab/art_flatline.csv"), "--horizon", "-3", "--out", dir.toString()),
        2,
        "--horizon must be a positive number of steps");
  }

  @Test
  void unknownOptionAndBadValues() {
    Cli.oneLineError(
        Cli.run("audit", Cli.data("nab/art_flatline.csv"), "--frobnicate"), 2, "--frobnicate");
    Cli.oneLineError(
        Cli.run("audit", Cli.data("nab/art_flatline.csv"), "--fail-on", "sometimes"),
        2,
        "--fail-on");
    Cli.oneLineError(
        Cli.run("audit", Cli.data("nab/art_flatline.csv"), "--step", "fortnightly"), 2, "--step");
    Cli.oneLineError(
        Cli.run("audit", Cli.data("nab/art_flatline.csv"), "--horizon", "abc"), 2, "--horizon");
    Cli.oneLineError(
        Cli.run("audit", Cli.data("nab/art_flatline.csv"), "--timezone", "Mars/Olympus"),
        2,
        "--timezone");
    Cli.oneLineError(
        Cli.run("audit", Cli.data("nab/art_flatline.csv"), "--time-format", "weird"),
        2,
        "unknown time format");
  }

  @Test
  void noCommand() {
    Cli.oneLineError(Cli.run(), 2, "a command is required");
  }
}
