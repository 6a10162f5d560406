package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job as a cluster runs it: run-local.sh starts signalcheck-spark.jar (shaded, its
 * Jackson, commons-text and Hipparchus relocated) on Spark's own jars in a new JVM, and the outputs
 * are written.
 */
class PackagedJobIT {

  @Test
  void runLocalRunsTheShadedJar(@TempDir Path dir) throws IOException, InterruptedException {
    Path input = ParityTest.m3Quarterly(dir, 12);
    Path out = dir.resolve("out");
    Path log = dir.resolve("log.txt");
    Process p =
        new ProcessBuilder(
                "bash",
                "run-local.sh",
                "--input",
                input.toString(),
                "--id",
                "series_id",
                "--time",
                "timestamp",
                "--target",
                "value",
                "--output",
                out.toString(),
                "--shuffle-partitions",
                "2")
            .directory(new File("."))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text).contains("signalcheck: 12 series audited");
    JsonNode report = Runs.valid(Runs.JSON.readTree(out.resolve("report.json").toFile()));
    assertThat(report.get("summary").get("series").asInt()).isEqualTo(12);
    assertThat(report.get("input").get("rows").asLong())
        .isEqualTo(Files.readAllLines(input).size() - 1);
    assertThat(report.get("series")).isEmpty();
    assertThat(report.get("run").get("master").asText()).isEqualTo("local[2]");
    assertThat(
            Files.list(out.resolve("series.parquet"))
                .anyMatch(f -> f.toString().endsWith(".parquet")))
        .isTrue();
    assertThat(
            Files.list(out.resolve("findings.parquet"))
                .anyMatch(f -> f.getFileName().toString().equals("_SUCCESS")))
        .isTrue();
  }
}
