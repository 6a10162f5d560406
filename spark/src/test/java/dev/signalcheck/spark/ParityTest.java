package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.io.InputSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job gives the command line's results on the same file, series by series: the whole
 * series JSON (verdict, findings with their rows and intervals, profile, every model's MASE) equal,
 * numbers to 1e-9; the summary, the input block and the data-set findings equal.
 */
class ParityTest {
  static final Path DATA = Path.of("..", "testdata");
  static final List<String> RUN_ONLY = List.of("createdAt", "generator", "run");

  /** The first {@code n} series of M3 quarterly (real data, long layout). */
  static Path m3Quarterly(Path dir, int n) throws IOException {
    Path out = dir.resolve("m3q.csv");
    List<String> lines = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    Files.newInputStream(DATA.resolve("m3/M3_quarterly_TSTS.csv.gz"))),
                StandardCharsets.UTF_8))) {
      lines.add(r.readLine());
      String line;
      while ((line = r.readLine()) != null) {
        String id = line.substring(0, line.indexOf(','));
        if (ids.add(id) && ids.size() > n) {
          break;
        }
        lines.add(line);
      }
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
    return out;
  }

  @Test
  void m3QuarterlyMatchesTheCommandLineSeriesBySeries(@TempDir Path dir) throws IOException {
    Path file = m3Quarterly(dir, 40);
    JsonNode cli =
        Runs.cli(
            InputSpec.of(file.toString())
                .withIds("series_id")
                .withTime("timestamp")
                .withTargets("value"));
    JsonNode spark =
        Runs.spark(
            dir.resolve("out"),
            "--input",
            file.toString(),
            "--id",
            "series_id",
            "--time",
            "timestamp",
            "--target",
            "value");
    assertSameReport(cli, spark);
    assertThat(cli.get("summary").get("series").asInt()).isEqualTo(40);

    // series.parquet carries the same figures as the report
    Map<String, JsonNode> byId = Runs.byId(cli);
    List<Row> rows = Runs.parquet(dir.resolve("out/series.parquet"));
    assertThat(rows).hasSize(40);
    for (Row r : rows) {
      JsonNode s = byId.get(r.<String>getAs("id"));
      JsonNode v = s.get("verdict");
      assertThat(r.<String>getAs("verdict")).isEqualTo(v.get("signal").asText());
      assertThat(r.<Long>getAs("n")).isEqualTo(s.get("n").asLong());
      assertThat(r.<Long>getAs("rows_cut")).isZero();
      assertThat(r.<String>getAs("step")).isEqualTo(s.get("frequency").get("step").asText());
      assertThat(r.<Integer>getAs("season")).isEqualTo(s.get("frequency").get("season").asInt());
      assertThat(r.<String>getAs("best_model")).isEqualTo(s.get("backtest").get("best").asText());
      if (v.get("expected").get("mase").isNumber()) {
        assertThat(r.<Double>getAs("expected_mase"))
            .isCloseTo(
                v.get("expected").get("mase").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
      }
      assertThat(r.<Long>getAs("duplicate_rows")).isZero();
      assertThat(r.<Long>getAs("absent_positions")).isZero();
    }
  }

  /** Everything but when and by what the report was made. */
  static void assertSameReport(JsonNode cli, JsonNode spark) {
    Map<String, JsonNode> a = Runs.byId(cli);
    Map<String, JsonNode> b = Runs.byId(spark);
    assertThat(b.keySet()).isEqualTo(a.keySet());
    for (String id : a.keySet()) {
      Runs.assertSameJson(id, a.get(id), b.get(id), 1e-9, List.of());
    }
    for (String f : List.of("input", "summary", "settings")) {
      Runs.assertSameJson(f, cli.get(f), spark.get(f), 0, List.of());
    }
    // the same rejected rows; the order of the examples within a finding is presentation (the
    // command line lists them by reason, the job by partition)
    Runs.assertSameJson(
        "findings",
        rowsSorted(cli.get("findings")),
        rowsSorted(spark.get("findings")),
        0,
        List.of());
  }

  private static JsonNode rowsSorted(JsonNode findings) {
    if (findings == null || !findings.isArray()) {
      return findings;
    }
    com.fasterxml.jackson.databind.node.ArrayNode out = findings.deepCopy();
    for (JsonNode f : out) {
      JsonNode rows = f.get("rows");
      if (rows != null && rows.isArray()) {
        List<JsonNode> sorted = new java.util.ArrayList<>();
        rows.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparingDouble(JsonNode::asDouble));
        com.fasterxml.jackson.databind.node.ArrayNode r =
            ((com.fasterxml.jackson.databind.node.ObjectNode) f).putArray("rows");
        sorted.forEach(r::add);
      }
    }
    return out;
  }
}
