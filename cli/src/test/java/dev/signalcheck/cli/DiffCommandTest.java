package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code signalcheck diff}: two extracts of the NAB EC2 latency series, the later one revised. */
class DiffCommandTest {

  @TempDir Path dir;
  Path oldCsv;
  Path newCsv;

  @BeforeEach
  void extracts() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of(Cli.data("nab/ambient_temperature_system_failure.csv")));
    // old: the first 5000 data rows; new: rows 101..5300, with rows 2001..2003 revised and row 3000
    // removed
    List<String> old = new ArrayList<>(lines.subList(0, 5001));
    List<String> neu = new ArrayList<>();
    neu.add(lines.get(0));
    for (int i = 101; i <= 5300; i++) {
      String l = lines.get(i);
      if (i == 3000) {
        continue;
      }
      if (i >= 2001 && i <= 2003) {
        String[] f = l.split(",");
        l = f[0] + "," + (Double.parseDouble(f[1]) + 10 * (i - 2000));
      }
      neu.add(l);
    }
    oldCsv = dir.resolve("old.csv");
    newCsv = dir.resolve("new.csv");
    Files.write(oldCsv, old, StandardCharsets.UTF_8);
    Files.write(newCsv, neu, StandardCharsets.UTF_8);
  }

  private static JsonNode finding(JsonNode series, String check) {
    for (JsonNode f : series.at("/findings")) {
      if (f.at("/check").asText().equals(check)) {
        return f;
      }
    }
    throw new AssertionError("no " + check + " in " + series);
  }

  @Test
  void revisedAddedAndRemoved() {
    Cli c =
        Cli.run("diff", oldCsv.toString(), newCsv.toString(), "--out", dir.resolve("r").toString());
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(dir.resolve("r/report.json"));
    JsonNode s = r.at("/series/0");
    JsonNode rev = finding(s, "history.revised");
    assertThat(rev.at("/count").asInt()).isEqualTo(3);
    assertThat(rev.at("/intervals").size()).isEqualTo(1);
    assertThat(rev.at("/intervals/0/count").asInt()).isEqualTo(3);
    assertThat(rev.at("/largestChanges/0/change").asDouble())
        .isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
    JsonNode removed = finding(s, "history.removed");
    assertThat(removed.at("/count").asInt()).isEqualTo(101);
    assertThat(removed.at("/intervals").size()).isEqualTo(2);
    JsonNode added = finding(s, "history.added");
    assertThat(added.at("/count").asInt()).isEqualTo(300);
    assertThat(added.at("/inserted").asInt()).isZero();
  }

  @Test
  void failOnWarningAndJsonToStandardOutput() {
    Cli c =
        Cli.run(
            "diff", oldCsv.toString(), newCsv.toString(), "--json", "-", "--fail-on", "warning");
    assertThat(c.exit).isEqualTo(1);
    Cli.validReport(c.out);
    assertThat(c.err).contains("history.revised");
    Cli same =
        Cli.run(
            "diff",
            oldCsv.toString(),
            oldCsv.toString(),
            "--json",
            dir.resolve("s.json").toString(),
            "--fail-on",
            "warning");
    assertThat(same.exit).isZero();
    // unchanged: no history finding
    JsonNode unchanged = Cli.validReport(dir.resolve("s.json"));
    assertThat(unchanged.at("/series/0/findings").findValuesAsText("check"))
        .noneMatch(check -> check.startsWith("history."));
  }

  @Test
  void revisionsInsideOneFileWithRecordedAt() throws IOException {
    Path f = dir.resolve("rec.csv");
    Files.writeString(
        f,
        String.join(
                "\n",
                "day,value,entered",
                "2024-01-01,10,2024-01-01T23:00:00",
                "2024-01-02,11,2024-01-02T23:00:00",
                "2024-01-03,12,2024-01-06T09:00:00",
                "2024-01-02,15,2024-01-09T10:00:00",
                "2024-01-04,13,2024-01-04T22:00:00",
                "2024-01-05,14,2024-01-05T22:00:00",
                "2024-01-06,15,2024-01-12T22:00:00",
                "2024-01-07,16,2024-01-07T22:00:00",
                "2024-01-08,17,2024-01-08T22:00:00")
            + "\n",
        StandardCharsets.UTF_8);
    Path json = dir.resolve("h.json");
    Cli c =
        Cli.run(
            "audit",
            f.toString(),
            "--time",
            "day",
            "--target",
            "value",
            "--recorded-at",
            "entered",
            "--json",
            json.toString(),
            "--quiet");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode s = Cli.validReport(json).at("/series/0");
    JsonNode late = finding(s, "history.late-entry");
    // 01-03 entered 3 days late, 01-02 revised 7 days late, 01-06 entered 6 days late
    assertThat(late.at("/count").asInt()).isEqualTo(3);
    assertThat(late.at("/delay/max").asText()).isEqualTo("PT178H");
    assertThat(late.at("/severity").asText()).isEqualTo("warning");
    JsonNode rev = finding(s, "history.revised");
    assertThat(rev.at("/count").asInt()).isEqualTo(1);
    assertThat(rev.at("/largestChanges/0/old").asDouble()).isEqualTo(11.0);
    assertThat(rev.at("/largestChanges/0/new").asDouble()).isEqualTo(15.0);
    assertThat(rev.at("/rows/0").asInt()).isEqualTo(4);
  }
}
