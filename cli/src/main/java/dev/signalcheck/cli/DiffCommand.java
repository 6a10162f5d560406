package dev.signalcheck.cli;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditHeader;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.AuditSummary;
import dev.signalcheck.core.audit.ReadStatistics;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.audit.SourceInfo;
import dev.signalcheck.core.checks.Extracts;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.TableReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signalcheck diff <old> <new>}: what changed between two extracts of the same data. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compare two extracts of the same data: values revised, time stamps added and removed, per series.")
public final class DiffCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier extract.")
  String oldInput;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later extract.")
  String newInput;

  @Mixin InputOptions inputOptions = new InputOptions();

  @Option(names = "--out", paramLabel = "DIR", description = "Write report.json there.")
  Path out;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the JSON report to FILE, or to standard output with '-'.")
  String json;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "Exit 1 when a finding is at or above LEVEL: warning or critical.")
  String failOn;

  @Option(names = "--quiet", description = "Print only the totals and errors.")
  boolean quiet;

  @Option(names = "--debug", description = "Stack traces on errors.")
  boolean debug;

  @Override
  public Integer call() {
    Severity fail = FailOn.parse(failOn);
    if ("-".equals(oldInput) && "-".equals(newInput)) {
      throw new UsageException("only one of OLD and NEW can be standard input ('-')");
    }
    InputSpec oldSpec = inputOptions.spec(oldInput);
    InputSpec newSpec = inputOptions.spec(newInput);
    Map<String, SeriesData> olds;
    Map<String, SeriesData> news;
    String oldName;
    String newName;
    List<String> time;
    List<String> targets;
    List<String> ids;
    long newRows;
    try (TableReader a = TableReader.open(oldSpec);
        TableReader b = TableReader.open(newSpec)) {
      oldName = a.displayName();
      newName = b.displayName();
      sameSchema(a, b);
      olds = read(a);
      news = read(b);
      time = b.timeColumns();
      targets = b.targets();
      ids = b.ids();
      newRows = b.rows();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    boolean jsonToStdout = "-".equals(json);
    PrintWriter console = jsonToStdout ? spec.commandLine().getErr() : stdout;
    JsonSinks jsonOut = new JsonSinks(out, json, stdout, false);
    ResultSink sinks = ResultSink.fanOut(jsonOut.sinks());
    Path reportJson = jsonOut.reportJson();
    SourceInfo source =
        new SourceInfo(
            newName + " (compared with " + oldName + ")",
            time,
            targets,
            ids,
            inputOptions.covariates,
            inputOptions.recordedAt,
            List.of());
    AuditSettings settings = new AuditSettings(null, null, null, 1, List.of(), null, null);
    sinks.begin(new AuditHeader(source, settings, newRows, -1, Instant.now()));
    long t0 = System.nanoTime();
    console.printf(Locale.ROOT, "signalcheck diff · %s → %s%n", oldName, newName);
    Set<String> keys = new LinkedHashSet<>(olds.keySet());
    keys.addAll(news.keySet());
    AuditSummary summary = new AuditSummary();
    long revised = 0;
    long added = 0;
    long removed = 0;
    for (String key : keys) {
      SeriesData o = olds.get(key);
      SeriesData n = news.get(key);
      SeriesData any = n != null ? n : o;
      List<Finding> findings;
      if (o != null && n != null) {
        Extracts.Comparison c = Extracts.compare(o, n);
        findings = c.findings();
        revised += c.revised();
        added += c.added();
        removed += c.removed();
      } else {
        findings = List.of(wholeSeries(any, n == null));
        if (n == null) {
          removed += stamps(o);
        } else {
          added += stamps(n);
        }
      }
      SeriesResult r =
          SeriesResult.builder()
              .id(any.id())
              .target(any.target())
              .n(n == null ? 0 : n.size())
              .findings(findings)
              .build();
      summary.add(r);
      sinks.series(r);
      if (!quiet && summary.series() <= Console.MAX_LINES) {
        console.printf(Locale.ROOT, "%s  %s%n", any.id(), findings.isEmpty() ? "unchanged" : "");
        for (Finding f : findings) {
          console.printf(
              Locale.ROOT, "  %-8s %-16s %s%n", f.severity().label(), f.check(), f.message());
        }
      }
    }
    sinks.end(
        new AuditEnd(
            source,
            ReadStatistics.clean(newRows),
            summary,
            List.of(),
            Duration.ofNanos(System.nanoTime() - t0)));
    long series = summary.series();
    Severity worst = summary.worst();
    console.printf(
        Locale.ROOT,
        "%n%,d series compared · %,d values revised · %,d time stamps added · %,d removed%s%n",
        series,
        revised,
        added,
        removed,
        reportJson == null ? "" : " · report: " + reportJson);
    console.flush();
    return fail != null && worst != null && worst.atLeast(fail) ? Main.FINDINGS : Main.OK;
  }

  /** Both extracts must have the columns the comparison uses. */
  private static void sameSchema(TableReader a, TableReader b) {
    List<String> problems = new ArrayList<>();
    if (!a.timeColumns().equals(b.timeColumns())) {
      problems.add(
          "time column "
              + String.join(",", a.timeColumns())
              + " vs "
              + String.join(",", b.timeColumns()));
    }
    if (!a.ids().equals(b.ids())) {
      problems.add("id columns " + a.ids() + " vs " + b.ids());
    }
    if (!a.targets().equals(b.targets())) {
      List<String> onlyOld = new ArrayList<>(a.targets());
      onlyOld.removeAll(b.targets());
      List<String> onlyNew = new ArrayList<>(b.targets());
      onlyNew.removeAll(a.targets());
      problems.add(
          "value columns only in "
              + a.displayName()
              + ": "
              + (onlyOld.isEmpty() ? "none" : String.join(", ", onlyOld))
              + "; only in "
              + b.displayName()
              + ": "
              + (onlyNew.isEmpty() ? "none" : String.join(", ", onlyNew)));
    }
    if (!problems.isEmpty()) {
      throw new InputException(
          a.displayName()
              + " and "
              + b.displayName()
              + " are not two extracts of the same table ("
              + String.join("; ", problems)
              + "); pass --time/--target/--id to compare the columns they share");
    }
  }

  private static Map<String, SeriesData> read(TableReader r) {
    Map<String, SeriesData> m = new LinkedHashMap<>();
    r.forEachSeries(d -> m.put(d.id(), d));
    return m;
  }

  private static long stamps(SeriesData d) {
    return java.util.stream.IntStream.range(0, d.size())
        .mapToLong(d::time)
        .filter(t -> t != TimeParser.UNPARSEABLE)
        .distinct()
        .count();
  }

  /** A series present in only one extract. */
  private static Finding wholeSeries(SeriesData d, boolean removed) {
    long n = stamps(d);
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int i = 0; i < d.size(); i++) {
      long t = d.time(i);
      if (t != TimeParser.UNPARSEABLE) {
        lo = Math.min(lo, t);
        hi = Math.max(hi, t);
      }
    }
    List<Interval> iv =
        n == 0
            ? List.of()
            : List.of(new Interval(d.timeFormat().format(lo), d.timeFormat().format(hi), n));
    List<Long> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(5, d.size()); i++) {
      rows.add(d.row(i));
    }
    return removed
        ? new Finding(
            CheckType.HISTORY_REMOVED.id(),
            Severity.WARNING,
            Category.DATA_COLLECTION,
            String.format(
                Locale.ROOT,
                "series '%s' is in the old extract only (%d time stamps): it was deleted",
                d.id(),
                n),
            n,
            iv,
            rows,
            Map.of())
        : new Finding(
            CheckType.HISTORY_ADDED.id(),
            Severity.INFO,
            Category.DATA_COLLECTION,
            String.format(Locale.ROOT, "series '%s' is new (%d time stamps)", d.id(), n),
            n,
            iv,
            rows,
            Map.of("inserted", 0L, "appended", n));
  }
}
