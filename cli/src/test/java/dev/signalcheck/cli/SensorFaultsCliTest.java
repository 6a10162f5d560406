package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sensor-fault checks through the command line, on the real files that define them. */
class SensorFaultsCliTest {

  @TempDir Path dir;

  private static List<String> checks(JsonNode series) {
    List<String> out = new ArrayList<>();
    series.at("/findings").forEach(f -> out.add(f.at("/check").asText()));
    return out;
  }

  @Test
  void airQualityMinus200IsASentinelInEveryColumn() {
    Path json = dir.resolve("aq.json");
    Cli c =
        Cli.run(
            "audit",
            Cli.data("uci/AirQualityUCI_semicolon.csv"),
            "--time",
            "Date,Time",
            "--json",
            json.toString(),
            "--quiet");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(json);
    for (JsonNode s : r.at("/series")) {
      JsonNode f = null;
      for (JsonNode x : s.at("/findings")) {
        if (x.at("/check").asText().equals("value.sentinel")) {
          f = x;
        }
      }
      assertThat(f).as(s.at("/id").asText()).isNotNull();
      assertThat(f.at("/value").asDouble()).isEqualTo(-200.0);
      assertThat(f.at("/category").asText()).isEqualTo("data-sensor-fault");
      if (s.at("/id").asText().equals("CO(GT)")) {
        assertThat(f.at("/count").asInt()).isEqualTo(1683);
      }
      // -200 is missing downstream, so it is never also a frozen run
      assertThat(checks(s)).doesNotContain("value.stuck");
    }
  }

  @Test
  void flatlineIsConstantOnlyAndFlatMiddleIsStuck() {
    Cli flat =
        Cli.run(
            "audit",
            Cli.data("nab/art_flatline.csv"),
            "--json",
            dir.resolve("f.json").toString(),
            "--quiet");
    assertThat(flat.exit).as(flat.err).isZero();
    assertThat(checks(Cli.validReport(dir.resolve("f.json")).at("/series/0")))
        .containsExactly("series.constant");
    Cli mid =
        Cli.run(
            "audit",
            Cli.data("nab/art_daily_flatmiddle.csv"),
            "--json",
            dir.resolve("m.json").toString(),
            "--quiet");
    assertThat(mid.exit).as(mid.err).isZero();
    JsonNode s = Cli.validReport(dir.resolve("m.json")).at("/series/0");
    assertThat(checks(s)).contains("value.stuck");
  }

  @Test
  void outOfRangeWithMinAndMax() {
    Cli c =
        Cli.run(
            "audit",
            Cli.data("nab/ambient_temperature_system_failure.csv"),
            "--min",
            "60",
            "--max",
            "80",
            "--json",
            dir.resolve("r.json").toString(),
            "--quiet",
            "--fail-on",
            "critical");
    assertThat(c.exit).isEqualTo(1);
    JsonNode s = Cli.validReport(dir.resolve("r.json")).at("/series/0");
    assertThat(s.at("/findings/0/check").asText()).isEqualTo("value.out-of-range");
    assertThat(s.at("/findings/0/severity").asText()).isEqualTo("critical");
  }
}
