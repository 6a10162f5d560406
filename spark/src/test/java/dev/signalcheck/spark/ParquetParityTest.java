package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.io.InputSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet file with typed columns (TIMESTAMP times, DOUBLE values, a text key) of real NAB sensor
 * data, one with repeated time stamps: the job's series equal the command line's on the same file.
 */
class ParquetParityTest {

  static Path nabParquet(Path dir) throws SQLException {
    Path out = dir.resolve("nab.parquet");
    Path nab = ParityTest.DATA.resolve("nab").toAbsolutePath();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "COPY (SELECT 'ec2-latency' AS sensor, CAST(timestamp AS TIMESTAMP) AS ts, CAST(value AS DOUBLE) AS reading"
              + " FROM read_csv('"
              + nab.resolve("ec2_request_latency_system_failure.csv")
              + "', header=true)"
              + " UNION ALL SELECT 'flat-middle', CAST(timestamp AS TIMESTAMP), CAST(value AS DOUBLE)"
              + " FROM (SELECT * FROM read_csv('"
              + nab.resolve("art_daily_flatmiddle.csv")
              + "', header=true) LIMIT 1500)) TO '"
              + out
              + "' (FORMAT PARQUET)");
    }
    return out;
  }

  @Test
  void typedParquetColumnsGiveTheCommandLinesSeries(@TempDir Path dir)
      throws IOException, SQLException {
    Path file = nabParquet(dir);
    JsonNode cli =
        Runs.cli(
            InputSpec.of(file.toString()).withIds("sensor").withTime("ts").withTargets("reading"));
    JsonNode spark =
        Runs.spark(
            dir.resolve("out"),
            "--input",
            file.toString(),
            "--id",
            "sensor",
            "--time",
            "ts",
            "--target",
            "reading");
    ParityTest.assertSameReport(cli, spark);
    Map<String, JsonNode> byId = Runs.byId(spark);
    assertThat(byId).containsOnlyKeys("ec2-latency", "flat-middle");
    assertThat(byId.get("ec2-latency").get("n").asInt()).isEqualTo(4032);
    assertThat(BadRowsTest.checks(byId.get("ec2-latency"))).contains("time.duplicate");
    assertThat(byId.get("ec2-latency").get("start").asText()).isEqualTo("2014-03-07T03:41:00");
  }
}
