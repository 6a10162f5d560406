package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.io.InputSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UCI Air Quality as published: semicolons, decimal commas, day-first dates with a separate
 * time-of-day column written 18.00.00, CRLF line ends, -200 for missing, trailing rows of empty
 * cells; two targets in wide layout. The job reads it as the command line does.
 */
class WideLayoutParityTest {

  @Test
  void airQualityMatchesTheCommandLine(@TempDir Path dir) throws IOException {
    // the first 2,000 readings and the file's trailing rows of empty cells, bytes as published
    List<String> lines =
        Files.readAllLines(
            ParityTest.DATA.resolve("uci/AirQualityUCI_semicolon.csv"),
            StandardCharsets.ISO_8859_1);
    List<String> part = new ArrayList<>(lines.subList(0, 2001));
    part.addAll(lines.subList(lines.size() - 5, lines.size()));
    Path csv = dir.resolve("AirQualityUCI_part.csv");
    Files.write(
        csv, String.join("\r\n", part).concat("\r\n").getBytes(StandardCharsets.ISO_8859_1));
    String file = csv.toString();
    String[] models = {"--models", "naive,seasonal-naive,ses,theta,ar"};
    InputSpec spec =
        new InputSpec(
            file,
            List.of("Date", "Time"),
            List.of("CO(GT)", "T"),
            List.of(),
            List.of(),
            null,
            ";",
            null,
            List.of(),
            null,
            null);
    JsonNode cli = Runs.cli(spec, models);
    JsonNode spark =
        Runs.spark(
            dir.resolve("out"),
            "--input",
            file,
            "--delimiter",
            ";",
            "--time",
            "Date,Time",
            "--target",
            "CO(GT),T",
            models[0],
            models[1]);
    ParityTest.assertSameReport(cli, spark);
    assertThat(Runs.byId(spark)).containsOnlyKeys("CO(GT)", "T");
    assertThat(spark.get("input").get("rejectedRows").asLong()).isPositive();
    assertThat(BadRowsTest.checks(Runs.byId(spark).get("T"))).contains("value.sentinel");
  }
}
