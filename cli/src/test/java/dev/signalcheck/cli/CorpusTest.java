package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code testdata/corpus/cases.json}): every broken, hostile or huge input
 * gets its exit code and one clear line, or is audited with every row accounted for (rows read =
 * rows used + rows reported). Big inputs are generated into {@code target/corpus} ({@link
 * CorpusFiles}), never committed.
 */
class CorpusTest {

  static final Path CORPUS = Path.of("..", "testdata", "corpus");
  static final Path WORK = Path.of("target", "corpus");

  static Stream<Arguments> cases() throws IOException {
    JsonNode all = new ObjectMapper().readTree(CORPUS.resolve("cases.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : all) {
      out.add(Arguments.of(c.get("name").asText(), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpusCase(String name, JsonNode c) throws IOException {
    Files.createDirectories(WORK);
    List<String> args = new ArrayList<>(List.of("audit"));
    JsonNode input = c.get("input");
    List<String> inputs = new ArrayList<>();
    if (input.isArray()) {
      input.forEach(i -> inputs.add(i.asText()));
    } else {
      inputs.add(input.asText());
    }
    for (String i : inputs) {
      args.add(CorpusFiles.resolve(i));
    }
    Map<String, String> vars = new HashMap<>();
    vars.put("{work}", WORK.toString());
    if (c.has("args")) {
      for (JsonNode a : c.get("args")) {
        String s = a.asText();
        for (Map.Entry<String, String> v : vars.entrySet()) {
          s = s.replace(v.getKey(), v.getValue());
        }
        args.add(s);
      }
    }
    Path json = WORK.resolve(name + ".json");
    Files.deleteIfExists(json);
    boolean closedStdout = c.path("stdout").asText().equals("closed");
    if (!args.contains("--json")) {
      args.addAll(List.of("--json", closedStdout ? "-" : json.toString()));
    }
    args.addAll(List.of("--quiet", "--no-progress", "--no-ledger", "--threads", "2"));

    StringWriter e = new StringWriter();
    PrintWriter out =
        closedStdout
            ? new PrintWriter(
                new OutputStream() {
                  @Override
                  public void write(int b) throws IOException {
                    throw new IOException("Broken pipe");
                  }
                },
                true)
            : new PrintWriter(new StringWriter(), true);
    int code = Main.execute(args.toArray(String[]::new), out, new PrintWriter(e, true));
    String err = e.toString();
    int expected = c.get("exit").asInt();
    assertThat(code).as("exit code of %s; stderr: %s", args, err).isEqualTo(expected);
    if (expected >= 2) {
      assertThat(err).startsWith("signalcheck: error: ");
      assertThat(err.strip().lines().count()).as(err).isEqualTo(1);
      assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
      if (c.has("message")) {
        assertThat(err).containsPattern(Pattern.compile(c.get("message").asText()));
      }
      return;
    }
    JsonNode report = Cli.validReport(json);
    accounting(report);
    if (c.has("finding")) {
      String check = c.get("finding").asText();
      List<JsonNode> found = findings(report, check);
      assertThat(found).as("finding %s in %s", check, json).isNotEmpty();
      if (c.has("message")) {
        Pattern p = Pattern.compile(c.get("message").asText());
        assertThat(found)
            .as("a %s message matching %s", check, p)
            .anyMatch(f -> p.matcher(f.get("message").asText()).find());
      }
      if (c.has("rows")) {
        List<Long> rows = new ArrayList<>();
        found.forEach(f -> f.path("rows").forEach(r -> rows.add(r.asLong())));
        List<Long> want = new ArrayList<>();
        c.get("rows").forEach(r -> want.add(r.asLong()));
        assertThat(rows).as("rows of %s", check).containsAll(want);
      }
    }
    if (c.has("absent")) {
      for (JsonNode a : c.get("absent")) {
        assertThat(findings(report, a.asText())).as("no %s finding", a.asText()).isEmpty();
      }
    }
    if (c.has("series")) {
      List<String> ids = new ArrayList<>();
      report.get("series").forEach(s -> ids.add(s.get("id").asText()));
      List<String> want = new ArrayList<>();
      c.get("series").forEach(s -> want.add(s.asText()));
      assertThat(ids).as("series ids").containsExactlyInAnyOrderElementsOf(want);
    }
    if (c.has("n")) {
      report
          .get("series")
          .forEach(s -> assertThat(s.get("n").asLong()).as("n").isEqualTo(c.get("n").asLong()));
    }
  }

  /** Rows read = rows used + rows rejected, for every target (each target sees every row). */
  private static void accounting(JsonNode report) {
    long rows = report.at("/input/rows").asLong();
    long rejected = report.at("/input/rejectedRows").asLong();
    Map<String, Long> used = new HashMap<>();
    report
        .get("series")
        .forEach(s -> used.merge(s.get("target").asText(), s.get("n").asLong(), Long::sum));
    assertThat(used).as("series in the report").isNotEmpty();
    used.forEach(
        (target, n) ->
            assertThat(n + rejected)
                .as("rows of target %s: used %d + rejected %d = read %d", target, n, rejected, rows)
                .isEqualTo(rows));
  }

  private static List<JsonNode> findings(JsonNode report, String check) {
    List<JsonNode> out = new ArrayList<>();
    report.get("findings").forEach(f -> add(out, f, check));
    report.get("series").forEach(s -> s.get("findings").forEach(f -> add(out, f, check)));
    return out;
  }

  private static void add(List<JsonNode> out, JsonNode f, String check) {
    if (f.get("check").asText().equals(check)) {
      out.add(f);
    }
  }
}
