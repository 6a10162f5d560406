package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code diff} on series whose keys collide when joined or trimmed (the corpus files {@code
 * keys-with-slash.csv} and {@code keys-with-spaces.csv}): a value changed in one of the two series
 * is a revision of that series only, and the two stay two series in the diff.
 */
class DiffQuotedKeysTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}: a value of series {2} changed")
  @CsvSource(
      delimiter = '|',
      value = {
        "keys-with-slash.csv|a,b|\"x/y\"/z|1",
        "keys-with-slash.csv|a,b|x/\"y/z\"|2",
        "keys-with-spaces.csv|sensor|a|1",
        "keys-with-spaces.csv|sensor|\"a \"|2"
      })
  void aChangedValueIsARevisionOfItsOwnSeriesOnly(
      String file, String ids, String changedSeries, int dataRow) throws IOException {
    List<String> lines =
        Files.readAllLines(CorpusTest.CORPUS.resolve(file), StandardCharsets.UTF_8);
    List<String> changed = new ArrayList<>(lines);
    // data rows alternate between the two series; change the 10th reading of the chosen one
    int line = dataRow + 2 * 10;
    String l = changed.get(line);
    int comma = l.lastIndexOf(',');
    changed.set(line, l.substring(0, comma + 1) + (Double.parseDouble(l.substring(comma + 1)) + 5));
    Path oldCsv = dir.resolve("old.csv");
    Path newCsv = dir.resolve("new.csv");
    Files.write(oldCsv, lines, StandardCharsets.UTF_8);
    Files.write(newCsv, changed, StandardCharsets.UTF_8);

    Cli c =
        Cli.run(
            "diff",
            oldCsv.toString(),
            newCsv.toString(),
            "--id",
            ids,
            "--json",
            dir.resolve("r.json").toString());
    assertThat(c.exit).as(c.err).isZero();
    JsonNode r = Cli.validReport(dir.resolve("r.json"));
    Map<String, Integer> revised = new TreeMap<>();
    for (JsonNode s : r.get("series")) {
      int count = 0;
      for (JsonNode f : s.get("findings")) {
        if (f.get("check").asText().equals("history.revised")) {
          count += f.get("count").asInt();
        }
      }
      revised.put(s.get("id").asText(), count);
    }
    assertThat(revised).as("revisions per series").hasSize(2).containsEntry(changedSeries, 1);
    revised.remove(changedSeries);
    assertThat(revised.values()).as("revisions of the other series").containsExactly(0);
  }
}
