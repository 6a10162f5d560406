package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a new user meets it: list options with quoted names and repeated, mistyped
 * options, unknown --detail ids, a console that fits 80 columns and escapes hostile names, 0/1
 * label columns named and left out.
 */
class ConsoleInterfaceTest {

  @TempDir Path dir;

  /** An hourly file of 400 rows with the given header and a value function per column. */
  private Path hourly(String name, String header, int columns) throws IOException {
    Random rnd = new Random(7);
    StringBuilder b = new StringBuilder(header).append('\n');
    for (int i = 0; i < 400; i++) {
      b.append(String.format("2024-01-%02dT%02d:00:00", 1 + i / 24, i % 24));
      for (int c = 0; c < columns; c++) {
        double v =
            c == columns - 1 && header.endsWith("anomaly")
                ? (i > 200 && i < 210 ? 1 : 0)
                : 10 * (c + 1) + 3 * Math.sin(2 * Math.PI * i / 24) + rnd.nextGaussian();
        b.append(',').append(v == Math.rint(v) ? Long.toString((long) v) : String.valueOf(v));
      }
      b.append('\n');
    }
    return Cli.file(dir, name, b.toString());
  }

  private JsonNode json(Cli c) throws IOException {
    return new ObjectMapper().readTree(c.out);
  }

  @Test
  void quotedNamesAndRepeatedOptionsInLists() throws IOException {
    Path p = hourly("comma.csv", "time,\"a,b\",c,d", 3);
    Cli quoted =
        Cli.run(
            "audit",
            p.toString(),
            "--target",
            "\"a,b\",c",
            "--models",
            "naive",
            "--json",
            "-",
            "--no-ledger");
    assertThat(quoted.exit).as(quoted.err).isZero();
    assertThat(json(quoted).at("/input/targets").toString()).isEqualTo("[\"a,b\",\"c\"]");
    Cli repeated =
        Cli.run(
            "audit",
            p.toString(),
            "--target",
            "c",
            "--target",
            "d",
            "--covariates",
            "\"a,b\"",
            "--models",
            "naive",
            "--json",
            "-",
            "--no-ledger");
    assertThat(repeated.exit).as(repeated.err).isZero();
    JsonNode j = json(repeated);
    assertThat(j.at("/input/targets").toString()).isEqualTo("[\"c\",\"d\"]");
    assertThat(j.at("/input/covariates").toString()).isEqualTo("[\"a,b\"]");
  }

  @Test
  void aMistypedOptionGetsASuggestion() {
    Cli c = Cli.run("audit", Cli.data("nab/art_flatline.csv"), "--taget", "value");
    Cli.oneLineError(c, 2, "'--taget'", "did you mean --target?");
  }

  @Test
  void detailWithAnUnknownSeriesIsAUsageError() throws IOException {
    Path p = hourly("two.csv", "time,north,south", 2);
    Cli c =
        Cli.run(
            "audit",
            p.toString(),
            "--detail",
            "nort",
            "--out",
            dir.resolve("r").toString(),
            "--no-ledger");
    Cli.oneLineError(c, 2, "no series 'nort' (--detail)", "north, south");
  }

  @Test
  void consoleFitsEightyColumnsAndEscapesHostileNames() throws IOException {
    String hostile = "\u001b]0;owned\u0007\u001b[2Jtemp\u202eevil";
    Path p = hourly("hostile.csv", "time,\"" + hostile + "\",pressure", 2);
    Cli c =
        Cli.run(
            "audit",
            p.toString(),
            "--models",
            "naive,seasonal-naive",
            "--out",
            dir.resolve("r").toString(),
            "--no-ledger");
    assertThat(c.exit).as(c.err).isZero();
    assertThat(c.out).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
    // (the reader trims names, which takes a leading escape character away)
    assertThat(c.out).contains("owned\\u0007\\e[2Jtemp\\u202eevil");
    for (String line : c.out.split("\n")) {
      // a single word longer than the width (a path) may stand alone on a line
      boolean oneWord = !line.strip().contains(" ");
      assertThat(line.length() <= 80 || oneWord).as(line).isTrue();
    }
    assertThat(c.out).containsPattern("backtest: \\d+ origins");
  }

  @Test
  void aZeroOneColumnIsAFlagNamedInTheConsole() throws IOException {
    Path p = hourly("flag.csv", "time,value,anomaly", 2);
    Cli c =
        Cli.run(
            "audit",
            p.toString(),
            "--models",
            "naive",
            "--out",
            dir.resolve("r").toString(),
            "--no-ledger");
    assertThat(c.exit).as(c.err).isZero();
    assertThat(c.out.replaceAll("\\s+", " "))
        .contains(
            "column anomaly holds only 0/1: treated as a flag, not audited; pass --target anomaly"
                + " to audit it");
    assertThat(c.out).contains("target: value").doesNotContain("target: value, anomaly");
    Cli asked =
        Cli.run(
            "audit",
            p.toString(),
            "--target",
            "anomaly",
            "--models",
            "naive",
            "--json",
            "-",
            "--no-ledger");
    assertThat(asked.exit).as(asked.err).isZero();
    assertThat(asked.out).doesNotContain("value.sentinel");
    assertThat(List.of(json(asked).at("/input/targets").get(0).asText()))
        .containsExactly("anomaly");
  }

  @Test
  void longDataWithoutIdGetNoVerdictAndAValidReport() {
    Cli c =
        Cli.run(
            "audit",
            Cli.data("long/m3-quarterly-Q1-Q12.csv"),
            "--target",
            "value",
            "--models",
            "naive",
            "--json",
            "-",
            "--no-ledger");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode j = Cli.validReport(c.out);
    JsonNode s = j.at("/series/0");
    assertThat(s.at("/verdict/signal").asText()).isEqualTo("insufficient-data");
    assertThat(s.at("/verdict/headline").asText())
        .startsWith("Verdict withheld:")
        .contains("--id series_id");
    assertThat(j.at("/summary/findings/critical").asInt()).isPositive();
    assertThat(c.err.replaceAll("\\s+", " ")).contains("pass --id series_id");
  }
}
