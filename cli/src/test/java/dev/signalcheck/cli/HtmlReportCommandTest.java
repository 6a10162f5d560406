package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html beside report.json: written by audit and demo, with the series asked for in detail.
 */
class HtmlReportCommandTest {

  @TempDir Path dir;

  private static JsonNode embedded(Path html) throws IOException {
    String page = Files.readString(html, StandardCharsets.UTF_8);
    String open = "<script type=\"application/json\" id=\"report-data\">";
    int a = page.indexOf(open);
    return new ObjectMapper()
        .readTree(page.substring(a + open.length(), page.indexOf("</script>", a)));
  }

  @Test
  void auditWritesTheHtmlReportBesideTheJson() throws IOException {
    Cli c =
        Cli.run(
            "audit",
            Cli.data("nab/art_daily_flatmiddle.csv"),
            "--out",
            dir.toString(),
            "--no-progress");
    assertThat(c.exit).as(c.err).isZero();
    Path html = dir.resolve("report.html");
    assertThat(html).exists();
    assertThat(c.out).contains("report.html");
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy");
    JsonNode data = embedded(html);
    assertThat(data.at("/details/0/series/id").asText()).isEqualTo("value");
    assertThat(data.at("/details/0/charts/data/x").size()).isGreaterThan(100);
  }

  @Test
  void detailOptionsChooseTheSeriesShownInFull() throws IOException {
    StringBuilder csv = new StringBuilder("id,t,v\n");
    for (int s = 0; s < 8; s++) {
      for (int k = 1; k <= 40; k++) {
        if (s == 5 && k > 10 && k < 16) {
          continue; // a gap: this series needs attention most
        }
        csv.append(
            String.format(
                Locale.ROOT,
                "s%d,%d,%.3f%n",
                s,
                k,
                Math.sin(k * (s + 1)) + (k * 7919 % 13) / 13.0));
      }
    }
    Path in = dir.resolve("long.csv");
    Files.writeString(in, csv);
    Path out = dir.resolve("out");
    Cli c =
        Cli.run(
            "audit",
            in.toString(),
            "--time",
            "t",
            "--id",
            "id",
            "--models",
            "mean,naive,drift",
            "--out",
            out.toString(),
            "--detail-top",
            "1",
            "--detail",
            "s2",
            "--no-progress");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode data = embedded(out.resolve("report.html"));
    assertThat(data.at("/overview/rows").size()).isEqualTo(8);
    assertThat(data.at("/details").size()).isEqualTo(2);
    assertThat(data.at("/details/0/series/id").asText()).isEqualTo("s5");
    assertThat(data.at("/details/1/series/id").asText()).isEqualTo("s2");
    assertThat(data.at("/details/1/why").asText()).isEqualTo("named");
    assertThat(data.at("/selection/leftOut").asInt()).isEqualTo(6);
    // a series that is not in the input is a usage error, before anything is written
    Cli unknown =
        Cli.run(
            "audit",
            in.toString(),
            "--time",
            "t",
            "--id",
            "id",
            "--out",
            out.resolve("unknown").toString(),
            "--detail",
            "s2,nope",
            "--no-progress");
    Cli.oneLineError(unknown, 2, "no series 'nope' (--detail)");

    Cli bad =
        Cli.run(
            "audit",
            in.toString(),
            "--time",
            "t",
            "--id",
            "id",
            "--detail-top",
            "-1",
            "--out",
            out.toString());
    assertThat(bad.exit).isEqualTo(2);
    assertThat(bad.err).contains("--detail-top");
  }

  @Test
  void jsonOnlyRunsWriteNoPage() {
    Path json = dir.resolve("r.json");
    Cli c =
        Cli.run(
            "audit",
            Cli.data("nab/art_daily_flatmiddle.csv"),
            "--json",
            json.toString(),
            "--no-progress");
    assertThat(c.exit).as(c.err).isZero();
    assertThat(dir.resolve("report.html")).doesNotExist();
  }
}
