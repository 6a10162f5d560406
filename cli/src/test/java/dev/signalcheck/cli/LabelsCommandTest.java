package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsCommandTest {

  @TempDir Path dir;

  static final String SAFI =
      Cli.data("labels/Moz_SAFI_Survey_Final_results_approved_cleanheaders_messy.csv");
  static final String DOAJ = Cli.data("labels/doaj-article-sample.csv");

  private static List<String> members(JsonNode cluster) {
    List<String> out = new ArrayList<>();
    cluster
        .at("/members")
        .forEach(m -> out.add(m.at("/value").asText() + "×" + m.at("/count").asLong()));
    return out;
  }

  @Test
  void safiVillagesClusterAsAPersonWould() throws IOException {
    Cli c = Cli.run("labels", SAFI, "--column", "village", "--json", "-");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = new ObjectMapper().readTree(c.out);
    assertThat(r.at("/column").asText()).isEqualTo("village");
    assertThat(r.at("/distinct").asInt()).isEqualTo(8);
    JsonNode cl = r.at("/clusters");
    assertThat(cl.size()).isEqualTo(3);
    assertThat(cl.get(0).at("/canonical").asText()).isEqualTo("Ruaca");
    assertThat(members(cl.get(0))).containsExactly("Ruaca×43", "Ruca×2");
    assertThat(cl.get(0).at("/method").asText()).isEqualTo("levenshtein");
    assertThat(cl.get(1).at("/canonical").asText()).isEqualTo("Chirodzo");
    assertThat(members(cl.get(1))).containsExactly("Chirodzo×37", "Chirdozo×1");
    assertThat(cl.get(2).at("/canonical").asText()).isEqualTo("Ruaca-Nhamuenda");
    assertThat(members(cl.get(2))).containsExactly("Ruaca-Nhamuenda×3", "Ruaca - Nhamuenda×1");
    assertThat(cl.get(2).at("/method").asText()).isEqualTo("ngram-fingerprint");
    // God and the stray 49 stay alone; the console summary went to standard error
    assertThat(c.out).doesNotContain("\"49\"").doesNotContain("\"God\"");
    assertThat(c.err).contains("3 cluster(s)");
  }

  @Test
  void leadingSpacesAreOneValue() throws IOException {
    Cli c = Cli.run("labels", SAFI, "--column", "respondent_wall_type", "--json", "-");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode bricks = null;
    for (JsonNode cl : new ObjectMapper().readTree(c.out).at("/clusters")) {
      if (cl.at("/canonical").asText().equals("burntbricks")) {
        bricks = cl;
      }
    }
    assertThat(bricks).as(c.out).isNotNull();
    assertThat(bricks.at("/method").asText()).isEqualTo("fingerprint");
    assertThat(members(bricks)).containsExactly("burntbricks×65", " burntbricks×2");
  }

  @Test
  void doajPublisherDoubleSpace() throws IOException {
    // multi-line quoted titles: DuckDB's lenient reader fails on this file, the strict retry reads
    // it
    Cli c =
        Cli.run(
            "labels", DOAJ, "--column", "Publisher", "--json", dir.resolve("p.json").toString());
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = new ObjectMapper().readTree(dir.resolve("p.json").toFile());
    assertThat(r.at("/clusters").size()).isEqualTo(1);
    assertThat(r.at("/clusters/0/canonical").asText()).isEqualTo("MDPI AG");
    assertThat(members(r.at("/clusters/0"))).containsExactly("MDPI AG×93", "MDPI  AG×3");
    assertThat(r.at("/clusters/0/method").asText()).isEqualTo("fingerprint");
  }

  @Test
  void mappingIsSafeToOpenInASpreadsheet() throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(
        csv,
        "t,label\n1,=cmd|' /C calc'!A0\n2,=CMD|' /C calc'!A0\n3,\"a, \"\"quoted\"\" b\"\n4,-5\n5,@SUM(1)\n6,plain\n",
        StandardCharsets.UTF_8);
    Path map = dir.resolve("out/map.csv");
    Cli c = Cli.run("labels", csv.toString(), "--column", "label", "--mapping", map.toString());
    assertThat(c.exit).as(c.err).isZero();
    List<String> lines = Files.readAllLines(map, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("value,canonical,count");
    assertThat(lines)
        .contains("\"'=CMD|' /C calc'!A0\",\"'=CMD|' /C calc'!A0\",1")
        .contains("\"'=cmd|' /C calc'!A0\",\"'=CMD|' /C calc'!A0\",1")
        .contains("\"a, \"\"quoted\"\" b\",\"a, \"\"quoted\"\" b\",1")
        .contains("\"'-5\",\"'-5\",1")
        .contains("\"'@SUM(1)\",\"'@SUM(1)\",1")
        .contains("\"plain\",\"plain\",1");
    for (String l : lines.subList(1, lines.size())) {
      assertThat(l)
          .doesNotStartWith("=")
          .doesNotStartWith("\"=")
          .doesNotStartWith("\"+")
          .doesNotStartWith("\"@");
    }
  }

  @Test
  void auditWithLabelsAddsADatasetFinding() {
    Path json = dir.resolve("a.json");
    Cli c =
        Cli.run(
            "audit",
            SAFI,
            "--time",
            "start",
            "--target",
            "no_membrs",
            "--labels",
            "village,respondent_wall_type",
            "--json",
            json.toString(),
            "--quiet");
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(json);
    List<String> checks = new ArrayList<>();
    r.at("/findings")
        .forEach(f -> checks.add(f.at("/check").asText() + ":" + f.at("/column").asText()));
    assertThat(checks).contains("label.variants:village", "label.variants:respondent_wall_type");
    JsonNode v = null;
    for (JsonNode f : r.at("/findings")) {
      if (f.at("/column").asText().equals("village")) {
        v = f;
      }
    }
    assertThat(v.at("/severity").asText()).isEqualTo("warning");
    assertThat(v.at("/category").asText()).isEqualTo("data-unnormalized-labels");
    assertThat(v.at("/count").asInt()).isEqualTo(3);
    assertThat(v.at("/clusters/0/canonical").asText()).isEqualTo("Ruaca");
  }
}
