package dev.signalcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.JsonReportSink;
import dev.signalcheck.io.ReportWriter;
import dev.signalcheck.io.TableReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A redacted report holds no raw value of its input, whatever the data: random series (levels,
 * spreads, a sentinel code, an outlier, a constant stretch, missing values) are audited into
 * report.json and report.html as the command line writes them, and no value as the input wrote it
 * appears in either file. The same data without redaction do show their values, so the search finds
 * them when they are there.
 */
class RedactionTest {

  @TempDir Path dir;

  private record Reports(String json, String html) {}

  @Test
  void noRawValueOfRandomDataAppearsInARedactedReport() throws IOException {
    for (long seed = 1; seed <= 6; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      Set<String> values = new LinkedHashSet<>();
      Path csv = data(rnd, values, seed);
      Reports plain = audit(csv, false, seed);
      Reports redacted = audit(csv, true, seed);
      long seen =
          values.stream().filter(v -> plain.json().contains(v) || plain.html().contains(v)).count();
      assertTrue(
          seen > 0,
          "seed " + seed + ": the unredacted report quotes no value, so the search proves nothing");
      for (String v : values) {
        assertTrue(!redacted.json().contains(v), "seed " + seed + ": report.json holds " + v);
        assertTrue(!redacted.html().contains(v), "seed " + seed + ": report.html holds " + v);
      }
      // report.json says it is redacted (the mark the server keeps for a pushed run), only then
      JsonNode json = new ObjectMapper().readTree(redacted.json());
      assertTrue(json.path(ReportWriter.REDACTED).asBoolean(), "report.json says it is redacted");
      assertTrue(!new ObjectMapper().readTree(plain.json()).has(ReportWriter.REDACTED));
      JsonNode page = Fixtures.embedded(redacted.html());
      assertTrue(page.path("redacted").asBoolean(), "the page says it is redacted");
      assertEquals(false, Fixtures.embedded(plain.html()).path("redacted").asBoolean());
      for (JsonNode d : page.path("details")) {
        for (JsonNode y : d.path("charts").path("data").path("y")) {
          if (y.isNumber()) {
            double v = y.asDouble();
            assertTrue(
                v >= -1e-6 && v <= 1 + 1e-6,
                "seed " + seed + ": a charted value " + v + " is outside [0, 1]");
          }
        }
      }
    }
  }

  /** Two series of daily data with values far from [0, 1], written with 3 decimals. */
  private Path data(SplittableRandom rnd, Set<String> values, long seed) throws IOException {
    StringBuilder b = new StringBuilder("id,date,value\n");
    for (String id : List.of("a", "b")) {
      double level = 1000 + rnd.nextDouble() * 90_000;
      double spread = 5 + rnd.nextDouble() * 500;
      int n = 120 + rnd.nextInt(120);
      String sentinel = String.format(Locale.ROOT, "%d", -(10_000 + rnd.nextInt(80_000)));
      LocalDate day = LocalDate.of(2023, 1, 1);
      for (int k = 0; k < n; k++) {
        String v;
        if (k % 37 == 5) {
          v = sentinel;
        } else if (k == n / 2) {
          v = fmt(level + 40 * spread);
        } else if (k >= n / 3 && k < n / 3 + 12) {
          v = fmt(level);
        } else if (k % 53 == 7) {
          v = "";
        } else {
          v = fmt(level + spread * (Math.sin(2 * Math.PI * k / 7) + rnd.nextGaussian()));
        }
        if (!v.isEmpty()) {
          values.add(v);
        }
        b.append(id).append(',').append(day.plusDays(k)).append(',').append(v).append('\n');
      }
    }
    Path f = dir.resolve("data-" + seed + ".csv");
    Files.writeString(f, b, StandardCharsets.UTF_8);
    return f;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private Reports audit(Path csv, boolean redact, long seed) throws IOException {
    StringWriter json = new StringWriter();
    Path html = dir.resolve((redact ? "redacted-" : "plain-") + seed + ".html");
    List<ResultSink> reports = new ArrayList<>();
    reports.add(
        new JsonReportSink(new ReportWriter(json, true), Fixtures.GENERATOR, "report.json")
            .redacted(redact));
    reports.add(new HtmlReportSink(new HtmlReport().redacted(redact), Fixtures.GENERATOR, html));
    ResultSink all = ResultSink.fanOut(reports);
    AuditSettings settings = Fixtures.fast();
    InputSpec spec =
        InputSpec.of(csv.toString()).withIds("id").withTime("date").withTargets("value");
    try (TableReader r = TableReader.open(spec)) {
      DatasetAudit.run(r, settings, redact ? Redaction.sink(all) : all);
    }
    return new Reports(json.toString(), Files.readString(html));
  }
}
