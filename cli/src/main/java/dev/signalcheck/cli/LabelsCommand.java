package dev.signalcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.labels.LabelClusters;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.Json;
import dev.signalcheck.io.SafeCsv;
import dev.signalcheck.io.TableReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signalcheck labels <input> --column COL}: variant spellings in a label column. */
@Command(
    name = "labels",
    mixinStandardHelpOptions = true,
    description =
        "Find distinct values of a label column that are spellings of one thing (OpenRefine's fingerprint,"
            + " 2-gram fingerprint and Levenshtein methods) and suggest a canonical value for each cluster.")
public final class LabelsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "INPUT",
      description =
          "A .csv/.tsv/.txt (optionally .gz), .parquet, .json or .jsonl file; '-' reads CSV from standard input.")
  String input;

  @Option(
      names = "--column",
      required = true,
      paramLabel = "COL",
      description = "The label column to check.")
  String column;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the clusters as JSON to FILE, or to standard output with '-'.")
  String json;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description =
          "Write a value,canonical,count CSV of every distinct value (safe to open in a spreadsheet).")
  Path mapping;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description = "CSV delimiter (sniffed by default); 'tab' for tabs.")
  String delimiter;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Exit 1 when variants are found and LEVEL is 'warning' (the finding's severity).")
  String failOn;

  @Option(names = "--debug", description = "Stack traces on errors.")
  boolean debug;

  @Override
  public Integer call() {
    FailOn.parse(failOn);
    if (delimiter != null && delimiter.isEmpty()) {
      throw new UsageException("--delimiter must not be empty");
    }
    InputSpec in =
        new InputSpec(
            input, List.of(), List.of(), List.of(), List.of(), null, delimiter, null, List.of(),
            null, null);
    Map<String, Long> counts;
    String name;
    try (TableReader reader = TableReader.openTable(in)) {
      counts = reader.distinctCounts(column, "--column");
      name = reader.displayName();
    }
    LabelClusters.Result result = LabelClusters.cluster(column, counts);
    PrintWriter out = spec.commandLine().getOut();
    boolean jsonToStdout = "-".equals(json);
    PrintWriter console = jsonToStdout ? spec.commandLine().getErr() : out;
    printSummary(console, name, result);
    ObjectMapper mapper = Json.mapper();
    try {
      if (jsonToStdout) {
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        out.flush();
      } else if (json != null) {
        Path p = Path.of(json);
        createParent(p);
        mapper.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), result);
      }
      if (mapping != null) {
        createParent(mapping);
        writeMapping(mapping, counts, result.mapping());
        console.println("mapping written to " + mapping);
      }
    } catch (IOException e) {
      throw new InputException("cannot write the output: " + e.getMessage());
    }
    console.flush();
    if (failOn != null && failOn.equalsIgnoreCase("warning") && !result.clusters().isEmpty()) {
      return 1;
    }
    return 0;
  }

  private static void createParent(Path p) throws IOException {
    Path parent = p.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }

  static void printSummary(PrintWriter o, String file, LabelClusters.Result r) {
    o.printf(
        Locale.ROOT,
        "%s · column '%s': %,d distinct values, %d cluster(s) of variant spellings%n",
        file,
        r.column(),
        r.distinct(),
        r.clusters().size());
    int shown = 0;
    for (LabelClusters.Cluster c : r.clusters()) {
      if (shown++ >= 30) {
        o.printf(Locale.ROOT, "  … %d more clusters: see --json%n", r.clusters().size() - 30);
        break;
      }
      StringBuilder sb = new StringBuilder();
      for (LabelClusters.Member m : c.members()) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append('\'').append(m.value()).append("' ×").append(m.count());
      }
      o.printf(Locale.ROOT, "  → '%s' (%s): %s%n", c.canonical(), c.method(), sb);
    }
    o.flush();
  }

  /** value,canonical,count for every distinct value; values outside clusters map to themselves. */
  static void writeMapping(Path p, Map<String, Long> counts, Map<String, String> canonical)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write("value,canonical,count\r\n");
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        String v = e.getKey();
        w.write(SafeCsv.cell(v));
        w.write(',');
        w.write(SafeCsv.cell(canonical.getOrDefault(v, v)));
        w.write(',');
        w.write(Long.toString(e.getValue()));
        w.write("\r\n");
      }
    }
  }
}
