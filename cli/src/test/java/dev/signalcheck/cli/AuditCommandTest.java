package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

  @TempDir Path dir;

  @Test
  void auditWritesAValidReportWithItsFindings() {
    Cli c =
        Cli.run(
            "audit",
            Cli.data("nab/ec2_request_latency_system_failure.csv"),
            "--out",
            dir.toString());
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(dir.resolve("report.json"));
    assertThat(r.at("/schemaVersion").asInt()).isEqualTo(1);
    assertThat(r.at("/input/rows").asLong()).isEqualTo(4032);
    assertThat(r.at("/series/0/id").asText()).isEqualTo("value");
    assertThat(r.at("/series/0/n").asLong()).isEqualTo(4032);
    assertThat(r.at("/series/0/frequency/step").asText()).isEqualTo("PT5M");
    assertThat(checks(r.at("/series/0"))).contains("time.duplicate", "time.gap");
    assertThat(r.at("/summary/series").asInt()).isEqualTo(1);
    assertThat(r.at("/summary/findings/warning").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void jsonToStandardOutputKeepsTheSummaryOnStandardError() {
    Cli c =
        Cli.run(
            "audit",
            Cli.data("nab/ambient_temperature_system_failure.csv"),
            "--json",
            "-",
            "--no-progress");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(c.out);
    assertThat(r.at("/series/0/findings/0/check").asText()).isEqualTo("time.gap");
    assertThat(r.at("/series/0/findings/0/intervals").size()).isEqualTo(10);
    assertThat(c.err).contains("time.gap");
  }

  @Test
  void failOnGivesExitOne() {
    Cli warn =
        Cli.run(
            "audit",
            Cli.data("nab/ambient_temperature_system_failure.csv"),
            "--json",
            dir.resolve("a.json").toString(),
            "--fail-on",
            "warning",
            "--quiet");
    assertThat(warn.exit).isEqualTo(1);
    Cli crit =
        Cli.run(
            "audit",
            Cli.data("nab/ambient_temperature_system_failure.csv"),
            "--json",
            dir.resolve("b.json").toString(),
            "--fail-on",
            "critical",
            "--quiet");
    assertThat(crit.exit).isZero();
  }

  @Test
  void airQualityWideLayoutWithDateAndTimeColumns() {
    Cli c =
        Cli.run(
            "audit",
            Cli.data("uci/AirQualityUCI_semicolon.csv"),
            "--time",
            "Date,Time",
            "--json",
            dir.resolve("aq.json").toString(),
            "--quiet");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(dir.resolve("aq.json"));
    assertThat(r.at("/series").size()).isEqualTo(13);
    assertThat(r.at("/input/time").isArray()).isTrue();
    assertThat(r.at("/findings/0/check").asText()).isEqualTo("input.rejected-rows");
    assertThat(r.at("/findings/0/count").asInt()).isEqualTo(114);
    assertThat(r.at("/input/rejectedRows").asInt()).isEqualTo(114);
    assertThat(r.at("/input/rows").asInt()).isEqualTo(9471);
    for (JsonNode s : r.at("/series")) {
      assertThat(s.at("/n").asInt()).isEqualTo(9357);
    }
  }

  @Test
  void m3YearlyLongLayout() {
    Cli c =
        Cli.run(
            "audit",
            Cli.data("m3/M3_yearly_TSTS.csv.gz"),
            "--id",
            "series_id",
            "--target",
            "value",
            "--json",
            dir.resolve("m3.json").toString(),
            "--threads",
            "2");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(dir.resolve("m3.json"));
    assertThat(r.at("/series").size()).isEqualTo(645);
    assertThat(r.at("/series/0/id").asText()).isEqualTo("Y1");
    // series keep the input's order (Y1, Y2, … Y645), not sorted as text (… Y99)
    assertThat(r.at("/series/644/id").asText()).isEqualTo("Y645");
    assertThat(c.out).contains("more series: see the report");
  }

  @Test
  void standardInput() throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "t,v\n1,1\n2,2\n3,3\n5,5\n", StandardCharsets.UTF_8);
    java.io.InputStream old = System.in;
    try {
      System.setIn(Files.newInputStream(csv));
      Cli c = Cli.run("audit", "-", "--json", dir.resolve("s.json").toString(), "--time", "t");
      assertThat(c.exit).as(c.err).isZero();
      JsonNode r = Cli.validReport(dir.resolve("s.json"));
      assertThat(r.at("/input/source").asText()).isEqualTo("standard input");
      assertThat(r.at("/series/0/findings/0/check").asText()).isEqualTo("time.gap");
      assertThat(r.at("/series/0/findings/0/intervals/0/from").isNumber()).isTrue();
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void demoWritesReportsForTheBundledExamples() throws Exception {
    Path ledger = dir.resolve("demo-ledger.db");
    Cli c = Cli.run("demo", "--out", dir.toString(), "--ledger", ledger.toString());
    assertThat(c.exit).as(c.err).isZero();
    // both runs recorded under project 'demo' in the embedded SQLite ledger
    Cli runs =
        Cli.run("ledger", "runs", "--ledger", ledger.toString(), "--project", "demo", "--json");
    assertThat(runs.exit).as(runs.err).isZero();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(runs.out).path("runs"))
        .hasSize(2);
    JsonNode ec2 = Cli.validReport(dir.resolve("ec2_request_latency_system_failure/report.json"));
    JsonNode air = Cli.validReport(dir.resolve("air_passengers/report.json"));
    assertThat(dir.resolve("ec2_request_latency_system_failure/report.html")).exists();
    assertThat(dir.resolve("air_passengers/report.html")).exists();
    assertThat(ec2.at("/series/0/frequency/step").asText()).isEqualTo("PT5M");
    // AirPassengers: 144 months, a yearly season
    assertThat(air.at("/series/0/n").asInt()).isEqualTo(144);
    assertThat(air.at("/series/0/frequency/step").asText()).isEqualTo("P1M");
    assertThat(air.at("/series/0/frequency/season").asInt()).isEqualTo(12);
    assertThat(air.at("/series/0/verdict/signal").asText()).isNotEmpty();
  }

  @Test
  void constantSeriesGetsReasonsNotNaN() {
    Cli c = Cli.run("audit", Cli.data("nab/art_flatline.csv"), "--json", "-", "--no-progress");
    assertThat(c.exit).as(c.err).isZero();
    assertThat(c.out).doesNotContain("NaN").doesNotContain("Infinity");
    JsonNode r = Cli.validReport(c.out);
    assertThat(r.at("/series/0/findings/0/check").asText()).isEqualTo("series.constant");
    assertThat(r.at("/series/0/profile/notComputable/acf1").asText())
        .isEqualTo("series is constant");
  }

  @Test
  void profileIsInTheReport() {
    Cli c =
        Cli.run(
            "audit",
            Cli.data("nab/ambient_temperature_system_failure.csv"),
            "--out",
            dir.toString());
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(dir.resolve("report.json"));
    assertThat(r.at("/series/0/profile/acf1").asDouble()).isBetween(0.9, 1.0);
    assertThat(r.at("/series/0/profile/ljungBox/lag").asInt()).isEqualTo(48);
    assertThat(r.at("/series/0/profile/intermittency/class").asText()).isNotEmpty();
  }

  @Test
  void aQuotedListItemMayHoldTheSeparator() throws IOException {
    StringBuilder csv = new StringBuilder("t,\"a,b\",c\n");
    for (int i = 1; i <= 120; i++) {
      csv.append(i).append(',').append(Math.sin(i / 3.0)).append(',').append(i % 7).append('\n');
    }
    Path f = Cli.file(dir, "comma.csv", csv.toString());
    Cli two = Cli.run("audit", f.toString(), "--time", "t", "--target", "\"a,b\",c", "--json", "-");
    assertThat(two.exit).as(two.err).isZero();
    JsonNode r = Cli.validReport(two.out);
    assertThat(r.at("/input/targets").toString()).isEqualTo("[\"a,b\",\"c\"]");
    Cli one = Cli.run("audit", f.toString(), "--time", "t", "--target", "\"a,b\"", "--json", "-");
    assertThat(Cli.validReport(one.out).at("/input/targets").toString()).isEqualTo("[\"a,b\"]");
    Cli.oneLineError(
        Cli.run("audit", f.toString(), "--time", "t", "--target", "a,b"), 2, "column 'a'");
  }

  private static java.util.List<String> checks(JsonNode series) {
    java.util.List<String> out = new java.util.ArrayList<>();
    series.at("/findings").forEach(f -> out.add(f.at("/check").asText()));
    return out;
  }

  @Test
  void versionAndHelp() {
    assertThat(Cli.run("--version").out).startsWith("signalcheck ");
    Cli h = Cli.run("audit", "--help");
    assertThat(h.exit).isZero();
    assertThat(h.out).contains("--fail-on").contains("--horizon");
  }
}
