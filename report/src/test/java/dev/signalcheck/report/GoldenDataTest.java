package dev.signalcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The data model the page embeds, for a fixed input, against a checked-in file. Run with {@code
 * -Dgolden.update=true} to rewrite the file after an intended change, and review the diff.
 */
class GoldenDataTest {

  static final Path GOLDEN =
      Path.of("src/test/resources/dev/signalcheck/report/golden/report-data.json");
  static final double RELATIVE = 1e-6;
  static final double ABSOLUTE = 1e-9;

  static List<SeriesData> input() {
    SeriesData index =
        new SeriesData("index/series", "value", new TimeFormat(TimeKind.INDEX, null));
    SplittableRandom rnd = new SplittableRandom(7);
    double level = 10;
    for (int k = 1; k <= 60; k++) {
      level += rnd.nextGaussian();
      index.add(k, k, null, level, k == 33 ? SeriesData.MISSING : SeriesData.OK, null);
    }
    SeriesData tiny = Fixtures.noise("tiny", 8, 3);
    return List.of(
        Fixtures.weekly("north/store-1", 150, 1, 60, 5),
        Fixtures.noise("south", 40, 2),
        index,
        tiny);
  }

  static JsonNode normalised(String page) {
    ObjectNode data = (ObjectNode) Fixtures.embedded(page);
    data.put("createdAt", "(normalised)");
    ((ObjectNode) data.get("generator")).put("version", "(normalised)").put("java", "(normalised)");
    return data;
  }

  @Test
  void theEmbeddedDataMatchTheGoldenFile() throws IOException {
    String page = Fixtures.render(Fixtures.report(input(), Fixtures.fast(), 50, List.of()));
    JsonNode actual = normalised(page);
    ObjectMapper m = new ObjectMapper();
    if (Boolean.getBoolean("golden.update") || !Files.exists(GOLDEN)) {
      Files.createDirectories(GOLDEN.getParent());
      m.writerWithDefaultPrettyPrinter().writeValue(GOLDEN.toFile(), actual);
      if (!Boolean.getBoolean("golden.update")) {
        fail("golden file was missing and has been written: " + GOLDEN + "; review and commit it");
      }
    }
    JsonNode expected = m.readTree(GOLDEN.toFile());
    compare("$", expected, actual);
  }

  private static void compare(String path, JsonNode e, JsonNode a) {
    if (e.isNumber() && a.isNumber()) {
      double x = e.asDouble();
      double y = a.asDouble();
      double tol = Math.max(ABSOLUTE, RELATIVE * Math.max(Math.abs(x), Math.abs(y)));
      assertThat(Math.abs(x - y))
          .as(path + ": expected " + x + " but was " + y)
          .isLessThanOrEqualTo(tol);
      return;
    }
    assertThat(a.getNodeType()).as(path + " type").isEqualTo(e.getNodeType());
    if (e.isObject()) {
      assertThat(fieldNames(a))
          .as(path + " fields")
          .containsExactlyInAnyOrderElementsOf(fieldNames(e));
      for (Iterator<Map.Entry<String, JsonNode>> it = e.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        compare(path + "." + f.getKey(), f.getValue(), a.get(f.getKey()));
      }
    } else if (e.isArray()) {
      assertThat(a.size()).as(path + " length").isEqualTo(e.size());
      for (int i = 0; i < e.size(); i++) {
        compare(path + "[" + i + "]", e.get(i), a.get(i));
      }
    } else {
      assertThat(a).as(path).isEqualTo(e);
    }
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
