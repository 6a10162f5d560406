package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is placed beside the reference population audited under its own origin policy, end to end:
 * a default audit ({@code --origins auto}) beside the automatic population, in {@code ledger show}
 * and in {@code ledger projects}; the same data at {@code --origins 3} beside the fixed-3 one. The
 * bundled M3 quarterly series get 3 origins each under either policy, so the policy alone tells the
 * two runs apart.
 */
class LedgerPlacementTest {

  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DATA = Cli.data("long/m3-quarterly-Q1-Q12.csv");

  @Test
  void aDefaultAuditIsPlacedBesideTheAutomaticReferenceAndAFixedOneBesideTheFixed()
      throws Exception {
    String ledger = dir.resolve("ledger.db").toString();
    Cli auto =
        Cli.run(
            "audit",
            DATA,
            "--id",
            "series_id",
            "--quiet",
            "--no-progress",
            "--ledger",
            ledger,
            "--project",
            "quarterly",
            "--json",
            dir.resolve("auto.json").toString());
    assertThat(auto.exit).as(auto.err).isZero();
    Cli fixed =
        Cli.run(
            "audit",
            DATA,
            "--id",
            "series_id",
            "--origins",
            "3",
            "--quiet",
            "--no-progress",
            "--ledger",
            ledger,
            "--project",
            "quarterly-3",
            "--json",
            dir.resolve("fixed.json").toString());
    assertThat(fixed.exit).as(fixed.err).isZero();
    // the same series with the same number of origins each: only the policy differs
    assertThat(origins(dir.resolve("auto.json"))).isEqualTo(origins(dir.resolve("fixed.json")));

    JsonNode show = json("ledger", "show", "latest", "--project", "quarterly", "--ledger", ledger);
    JsonNode placed = only(show.path("placements"));
    assertThat(placed.path("population").asText()).isEqualTo("M3 Quarterly");
    assertThat(placed.at("/definition/originPolicy").asText()).isEqualTo("auto");
    assertThat(placed.at("/definition/origins").asInt()).isEqualTo(30);
    assertThat(placed.at("/definition/season").asInt()).isEqualTo(4);
    assertThat(placed.at("/definition/horizon").asInt()).isEqualTo(8);
    assertThat(placed.path("series").asInt()).isEqualTo(12);
    assertThat(placed.path("populationSeries").asInt()).isEqualTo(756);
    assertThat(placed.path("betterThan").asDouble()).isBetween(0.0, 1.0);
    String sentence = placed.path("sentence").asText();
    assertThat(sentence)
        .contains("better than")
        .contains("of M3 Quarterly series under the same definition")
        .contains("origins by series length, up to 30");
    Cli console = Cli.run("ledger", "show", "latest", "--project", "quarterly", "--ledger", ledger);
    assertThat(console.exit).as(console.err).isZero();
    assertThat(occurrences(console.out, sentence)).isEqualTo(1);

    JsonNode projects = json("ledger", "projects", "--ledger", ledger);
    JsonNode quarterly = project(projects, "quarterly");
    JsonNode inProjects = only(quarterly.path("placements"));
    assertThat(inProjects.path("population").asText()).isEqualTo("M3 Quarterly");
    assertThat(inProjects.path("definition")).isEqualTo(placed.path("definition"));
    assertThat(inProjects.path("betterThan").asDouble())
        .isEqualTo(placed.path("betterThan").asDouble());
    Cli projectsConsole = Cli.run("ledger", "projects", "--ledger", ledger);
    assertThat(projectsConsole.exit).as(projectsConsole.err).isZero();
    assertThat(occurrences(projectsConsole.out, inProjects.path("sentence").asText())).isEqualTo(1);

    // --origins 3: beside the fixed-3 population, never the automatic one
    for (JsonNode placements :
        List.of(
            json("ledger", "show", "latest", "--project", "quarterly-3", "--ledger", ledger)
                .path("placements"),
            project(projects, "quarterly-3").path("placements"))) {
      JsonNode p = only(placements);
      assertThat(p.path("population").asText()).isEqualTo("M3 Quarterly (3 origins)");
      assertThat(p.at("/definition/originPolicy").asText()).isEqualTo("fixed");
      assertThat(p.at("/definition/origins").asInt()).isEqualTo(3);
      assertThat(p.path("sentence").asText()).contains("3 origins)");
    }
  }

  private JsonNode json(String... args) throws Exception {
    String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    Cli c = Cli.run(withJson);
    assertThat(c.exit).as(c.err).isZero();
    return JSON.readTree(c.out);
  }

  private static JsonNode only(JsonNode array) {
    assertThat(array).hasSize(1);
    return array.get(0);
  }

  private static JsonNode project(JsonNode projects, String name) {
    for (JsonNode p : projects.path("projects")) {
      if (p.path("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no project " + name);
  }

  private static List<Integer> origins(Path report) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (JsonNode s : JSON.readTree(report.toFile()).path("series")) {
      out.add(s.at("/backtest/origins").asInt());
    }
    return out;
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
