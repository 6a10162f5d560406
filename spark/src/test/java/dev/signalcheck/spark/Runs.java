package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.JsonReportSink;
import dev.signalcheck.io.ReportWriter;
import dev.signalcheck.io.TableReader;
import dev.signalcheck.io.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Runs the same audit both ways, through the command line's path and through the Spark job. */
final class Runs {
  private Runs() {}

  static final ObjectMapper JSON = new ObjectMapper();

  /** The command line's report: DatasetAudit over TableReader, into report.json's shape. */
  static JsonNode cli(InputSpec input, String... settingsArgs) throws IOException {
    JobOptions opts = options(settingsArgs);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TableReader reader = TableReader.open(input)) {
      DatasetAudit.run(
          reader,
          opts.spec().settings().settings(),
          new JsonReportSink(new ReportWriter(bytes, false), Version.generator(), "memory"),
          new DatasetAudit.Options(2, opts.labels));
    }
    return JSON.readTree(bytes.toByteArray());
  }

  /** The settings part of a job's arguments, parsed as the job parses them. */
  private static JobOptions options(String... settingsArgs) {
    List<String> a = new ArrayList<>(List.of("--input", "x", "--time", "t", "--target", "v"));
    a.addAll(List.of("--output", "o"));
    a.addAll(List.of(settingsArgs));
    JobOptions s = new JobOptions();
    new picocli.CommandLine(s).parseArgs(a.toArray(new String[0]));
    return s;
  }

  /** The Spark job in the tests' local session, with every series in report.json. */
  static JsonNode spark(Path out, String... args) throws IOException {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--output", out.toString(), "--series-in-report"));
    LocalSpark.get();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = SparkAudit.execute(a.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
    assertThat(code).as("exit code; stderr: %s", e).isZero();
    return valid(JSON.readTree(Files.readAllBytes(out.resolve("report.json"))));
  }

  private static final com.networknt.schema.JsonSchema SCHEMA = schema();

  private static com.networknt.schema.JsonSchema schema() {
    try (java.io.InputStream in = ReportWriter.class.getResourceAsStream("report.schema.json")) {
      return com.networknt.schema.JsonSchemaFactory.getInstance(
              com.networknt.schema.SpecVersion.VersionFlag.V202012)
          .getSchema(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The report, after checking it against the project's JSON Schema. */
  static JsonNode valid(JsonNode report) {
    assertThat(SCHEMA.validate(report)).as("report.schema.json violations").isEmpty();
    return report;
  }

  /** Exit code and standard error of a job run. */
  record Outcome(int code, String out, String err) {}

  static Outcome sparkRaw(String... args) {
    LocalSpark.get();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = SparkAudit.execute(args, new PrintWriter(o), new PrintWriter(e));
    return new Outcome(code, o.toString(), e.toString());
  }

  /** A Parquet folder the job wrote, as rows. */
  static List<Row> parquet(Path p) {
    return LocalSpark.get().read().parquet(p.toString()).collectAsList();
  }

  /**
   * Asserts two JSON documents are equal, numbers to a relative and absolute tolerance, skipping
   * the named top-level-or-nested field names.
   */
  static void assertSameJson(String where, JsonNode a, JsonNode b, double tol, List<String> skip) {
    if (a.isNumber() && b.isNumber()) {
      double x = a.asDouble();
      double y = b.asDouble();
      assertThat(Math.abs(x - y))
          .as("%s: %s vs %s", where, x, y)
          .isLessThanOrEqualTo(tol * Math.max(1, Math.abs(x)));
      return;
    }
    assertThat(b.getNodeType()).as("%s: type", where).isEqualTo(a.getNodeType());
    if (a.isObject()) {
      List<String> an = new ArrayList<>();
      a.fieldNames().forEachRemaining(an::add);
      List<String> bn = new ArrayList<>();
      b.fieldNames().forEachRemaining(bn::add);
      an.removeAll(skip);
      bn.removeAll(skip);
      assertThat(bn).as("%s: fields", where).isEqualTo(an);
      for (String f : an) {
        assertSameJson(where + "." + f, a.get(f), b.get(f), tol, skip);
      }
    } else if (a.isArray()) {
      assertThat(b.size()).as("%s: length", where).isEqualTo(a.size());
      Iterator<JsonNode> ia = a.elements();
      Iterator<JsonNode> ib = b.elements();
      int i = 0;
      while (ia.hasNext()) {
        assertSameJson(where + "[" + i++ + "]", ia.next(), ib.next(), tol, skip);
      }
    } else {
      assertThat(b).as(where).isEqualTo(a);
    }
  }

  /** The series of a report by id. */
  static Map<String, JsonNode> byId(JsonNode report) {
    Map<String, JsonNode> m = new java.util.TreeMap<>();
    for (JsonNode s : report.get("series")) {
      m.put(s.get("id").asText(), s);
    }
    return m;
  }
}
