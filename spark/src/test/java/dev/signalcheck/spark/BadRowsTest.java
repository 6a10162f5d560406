package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.io.InputSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad rows are reported, not lost: rows without an id or with neither time nor value are counted by
 * reason and named, as the command line names them; text values, missing tokens, unparseable and
 * repeated time stamps become the same findings; every row is accounted for.
 */
class BadRowsTest {
  static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Three hourly sensors with faults written in; returns the file. */
  static Path messy(Path dir) throws IOException {
    Random rnd = new Random(7);
    List<String> lines = new ArrayList<>();
    lines.add("sensor,time,value");
    LocalDateTime t0 = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (String s : List.of("a", "b", "c")) {
      double level = 20;
      for (int i = 0; i < 240; i++) {
        level += rnd.nextGaussian() * 0.3;
        double v = level + 3 * Math.sin(2 * Math.PI * i / 24) + rnd.nextGaussian() * 0.2;
        String time = t0.plusHours(i).format(F);
        String value = String.format(Locale.ROOT, "%.3f", v);
        if (s.equals("a") && i == 50) {
          value = "oops";
        }
        if (s.equals("a") && (i == 60 || i == 61)) {
          value = "NA";
        }
        if (s.equals("b") && i == 70) {
          value = "";
        }
        if (s.equals("b") && i == 80) {
          value = "inf";
        }
        if (s.equals("c") && i == 90) {
          time = "31/02/2024 25:00";
        }
        lines.add(s + "," + time + "," + value);
        if (s.equals("a") && i == 100) {
          lines.add(s + "," + time + "," + value); // a repeated time stamp
        }
        if (s.equals("b") && i == 10) {
          lines.add(",2024-01-01 10:30:00,5.0"); // no id
          lines.add("b,,"); // no time, no value
          lines.add("  ,2024-01-01 11:30:00,6.0"); // a blank id
        }
      }
    }
    Path f = dir.resolve("messy.csv");
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void rejectedRowsAndFaultyCellsAreReportedAsTheCommandLineReportsThem(@TempDir Path dir)
      throws IOException {
    Path file = messy(dir);
    JsonNode cli =
        Runs.cli(
            InputSpec.of(file.toString()).withIds("sensor").withTime("time").withTargets("value"));
    JsonNode spark =
        Runs.spark(
            dir.resolve("out"),
            "--input",
            file.toString(),
            "--id",
            "sensor",
            "--time",
            "time",
            "--target",
            "value");
    ParityTest.assertSameReport(cli, spark);

    // every row accounted for: 3 × 240 + 1 repeated + 3 rejected
    JsonNode input = spark.get("input");
    assertThat(input.get("rows").asLong()).isEqualTo(724);
    assertThat(input.get("rejectedRows").asLong()).isEqualTo(3);
    JsonNode rejected = spark.get("findings").get(0);
    assertThat(rejected.get("check").asText()).isEqualTo("input.rejected-rows");
    assertThat(rejected.get("count").asLong()).isEqualTo(3);
    assertThat(rejected.get("reasons").get("no series id").asLong()).isEqualTo(2);
    assertThat(rejected.get("reasons").get("no time and no value").asLong()).isEqualTo(1);
    // data rows 253, 254, 255 (a has 241 rows, then b's first eleven)
    List<Long> rows = new ArrayList<>();
    rejected.get("rows").forEach(n -> rows.add(n.asLong()));
    assertThat(rows).containsExactlyInAnyOrder(253L, 254L, 255L);

    Map<String, JsonNode> byId = Runs.byId(spark);
    assertThat(checks(byId.get("a")))
        .contains("value.non-numeric", "value.missing", "time.duplicate");
    assertThat(checks(byId.get("b"))).contains("value.non-numeric", "value.missing");
    assertThat(checks(byId.get("c"))).contains("time.unparseable");
    long used = 0;
    for (Row r : Runs.parquet(dir.resolve("out/series.parquet"))) {
      used += r.<Long>getAs("n");
      if (r.<String>getAs("id").equals("a")) {
        assertThat(r.<Long>getAs("duplicate_rows")).isEqualTo(1);
        assertThat(r.<Long>getAs("missing_values")).isEqualTo(2);
        assertThat(r.<Long>getAs("non_numeric_values")).isEqualTo(1);
      }
      if (r.<String>getAs("id").equals("b")) {
        assertThat(r.<Long>getAs("missing_values")).isEqualTo(1);
        assertThat(r.<Long>getAs("non_numeric_values")).isEqualTo(1);
      }
      if (r.<String>getAs("id").equals("c")) {
        assertThat(r.<Long>getAs("unparseable_times")).isEqualTo(1);
        assertThat(r.<Long>getAs("absent_positions")).isEqualTo(1);
      }
    }
    assertThat(used + 3).isEqualTo(724);

    // findings.parquet: one row per finding of every series, first interval included
    List<Row> findings = Runs.parquet(dir.resolve("out/findings.parquet"));
    long expected = 0;
    for (JsonNode s : spark.get("series")) {
      expected += s.get("findings").size();
    }
    assertThat(findings).hasSize((int) expected);
    Row nonNumeric =
        findings.stream()
            .filter(
                r ->
                    r.<String>getAs("id").equals("a")
                        && r.<String>getAs("check").equals("value.non-numeric"))
            .findFirst()
            .orElseThrow();
    assertThat(nonNumeric.<Long>getAs("count")).isEqualTo(1);
    assertThat(nonNumeric.<String>getAs("first_from")).isEqualTo("2024-01-03T02:00:00");
    assertThat(nonNumeric.getList(nonNumeric.fieldIndex("rows"))).containsExactly(51L);
  }

  static List<String> checks(JsonNode series) {
    List<String> out = new ArrayList<>();
    series.get("findings").forEach(f -> out.add(f.get("check").asText()));
    return out;
  }
}
