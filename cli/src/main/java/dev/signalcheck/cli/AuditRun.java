package dev.signalcheck.cli;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.SeriesAuditor;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.labels.LabelClusters;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.ReportInfo;
import dev.signalcheck.io.SignalcheckException;
import dev.signalcheck.io.TableReader;
import dev.signalcheck.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One audit: read the input, audit every series on a thread pool, write results in input order as
 * they finish. At most a few batches of series are in memory at once.
 */
final class AuditRun {

  /** Everything the audit command decided from its options. */
  record Options(
      InputSpec input,
      AuditSettings settings,
      Path outDir,
      String json,
      Severity failOn,
      int threads,
      boolean quiet,
      boolean noProgress,
      List<String> labels,
      int detailTop,
      List<String> detailIds) {

    Options {
      labels = labels == null ? List.of() : List.copyOf(labels);
      detailIds = detailIds == null ? List.of() : List.copyOf(detailIds);
    }

    /**
     * Options with the HTML report's defaults (the worst 50 series in detail, none named), no label
     * columns.
     */
    Options(
        InputSpec input,
        AuditSettings settings,
        Path outDir,
        String json,
        Severity failOn,
        int threads,
        boolean quiet,
        boolean noProgress) {
      this(
          input,
          settings,
          outDir,
          json,
          failOn,
          threads,
          quiet,
          noProgress,
          List.of(),
          HtmlReport.DEFAULT_TOP,
          List.of());
    }
  }

  private final Options o;
  private final PrintWriter out;
  private final PrintWriter err;

  /** The HTML report, when a report folder is written. */
  private HtmlReport html;

  AuditRun(Options o, PrintWriter out, PrintWriter err) {
    this.o = o;
    this.out = out;
    this.err = err;
  }

  int run() {
    Path outDir =
        o.outDir() != null ? o.outDir() : (o.json() == null ? Path.of("signalcheck-report") : null);
    boolean jsonToStdout = "-".equals(o.json());
    // with JSON on standard output, the console summary goes to standard error
    PrintWriter console = jsonToStdout ? err : out;
    try (TableReader reader = TableReader.open(o.input())) {
      // label columns first: an unknown column is a usage error before any output is written
      List<Finding> labelFindings = new ArrayList<>();
      for (String col : o.labels()) {
        Finding f =
            LabelClusters.finding(
                LabelClusters.cluster(col, reader.distinctCounts(col, "--labels")));
        if (f != null) {
          labelFindings.add(f);
        }
      }
      JsonSinks sinks = new JsonSinks(outDir, o.json(), out);
      Path reportJson = sinks.reportJson();
      AuditSettings s = o.settings();
      ReportInfo.Settings settings =
          new ReportInfo.Settings(
              s.horizon(),
              s.season(),
              s.origins(),
              s.models(),
              s.step() == null ? null : s.step().iso());
      ReportInfo.Generator gen =
          new ReportInfo.Generator(
              "signalcheck", Main.version(), System.getProperty("java.version"));
      sinks.begin(gen, settings);
      if (outDir != null) {
        html = new HtmlReport(o.detailTop(), o.detailIds());
        html.begin(gen, settings);
      }
      Console con = new Console(console, o.quiet(), reader);
      con.header();
      boolean showProgress = !o.noProgress() && !o.quiet() && System.console() != null;
      Progress progress =
          Progress.start(err, showProgress, showProgress ? reader.seriesCount() : 0);
      Stats stats = new Stats();
      SeriesAuditor auditor = new SeriesAuditor(s);
      ExecutorService pool =
          Executors.newFixedThreadPool(
              o.threads(),
              r -> {
                Thread t = new Thread(r, "signalcheck-worker");
                t.setDaemon(true);
                return t;
              });
      ArrayDeque<Future<SeriesResult>> inFlight = new ArrayDeque<>();
      int maxInFlight = Math.max(4, 4 * o.threads());
      try {
        reader.forEachSeries(
            data -> {
              inFlight.add(pool.submit(() -> auditor.audit(data)));
              while (inFlight.size() >= maxInFlight) {
                emit(inFlight.poll(), sinks, con, stats, progress);
              }
            });
        while (!inFlight.isEmpty()) {
          emit(inFlight.poll(), sinks, con, stats, progress);
        }
      } finally {
        pool.shutdownNow();
        progress.done();
      }
      List<Finding> datasetFindings = new ArrayList<>();
      if (reader.rejectedRows() > 0) {
        datasetFindings.add(rejected(reader));
        stats.count(datasetFindings.get(0));
      }
      for (Finding f : labelFindings) {
        datasetFindings.add(f);
        stats.count(f);
      }
      ReportInfo.Summary summary =
          new ReportInfo.Summary(stats.series, stats.verdicts, stats.findingCounts());
      ReportInfo.Input input =
          new ReportInfo.Input(
              reader.displayName(),
              reader.rows(),
              reader.rejectedRows(),
              reader.timeColumns().size() == 1 ? reader.timeColumns().get(0) : reader.timeColumns(),
              reader.targets(),
              reader.ids(),
              o.input().covariates(),
              o.input().recordedAt());
      sinks.end(input, summary, datasetFindings);
      if (html != null) {
        html.end(input, summary, datasetFindings);
        try {
          html.write(outDir.resolve("report.html"));
        } catch (java.io.UncheckedIOException e) {
          throw SignalcheckException.input("cannot write the report: " + e.getCause().getMessage());
        }
      }
      con.footer(stats, datasetFindings, reportJson);
      if (o.failOn() != null && stats.worst != null && stats.worst.atLeast(o.failOn())) {
        return 1;
      }
      return 0;
    }
  }

  private static Finding rejected(TableReader reader) {
    long n = reader.rejectedRows();
    double share = n / (double) reader.rows();
    Severity sev = share > 0.05 ? Severity.CRITICAL : Severity.WARNING;
    Map<String, Long> reasons = new LinkedHashMap<>();
    long noId = reader.rejectedForMissingId();
    if (n - noId > 0) {
      reasons.put("no time and no value", n - noId);
    }
    if (noId > 0) {
      reasons.put("no series id", noId);
    }
    String why =
        reasons.entrySet().stream()
            .map(e -> e.getValue() + " with " + e.getKey())
            .reduce((a, b) -> a + ", " + b)
            .orElse("");
    return new Finding(
        CheckType.INPUT_REJECTED_ROWS.id(),
        sev,
        Category.DATA_COLLECTION,
        String.format(
            Locale.ROOT,
            "%d of %d rows (%.1f%%) could not be used at all (%s); they are left out",
            n,
            reader.rows(),
            share * 100,
            why),
        n,
        List.of(),
        reader.rejectedExamples(),
        Map.of("reasons", reasons));
  }

  private void emit(
      Future<SeriesResult> f, JsonSinks sinks, Console con, Stats stats, Progress progress) {
    SeriesResult r;
    try {
      r = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new IllegalStateException(c);
    }
    sinks.series(r);
    if (html != null) {
      html.series(r);
    }
    stats.add(r);
    con.series(r);
    progress.tick(stats.series);
  }

  /** Totals over all series. */
  static final class Stats {
    long series;
    Severity worst;
    final Map<String, Long> verdicts = new LinkedHashMap<>();
    final long[] findings = new long[Severity.values().length];

    Stats() {
      for (String v : List.of("strong", "weak", "none", "insufficient-data")) {
        verdicts.put(v, 0L);
      }
    }

    void add(SeriesResult r) {
      series++;
      for (Finding f : r.findings()) {
        count(f);
      }
      String signal = VerdictText.signal(r.verdict());
      if (signal != null) {
        verdicts.merge(signal, 1L, Long::sum);
      }
    }

    void count(Finding f) {
      findings[f.severity().ordinal()]++;
      if (worst == null || f.severity().compareTo(worst) > 0) {
        worst = f.severity();
      }
    }

    Map<String, Long> findingCounts() {
      Map<String, Long> m = new LinkedHashMap<>();
      m.put("critical", findings[Severity.CRITICAL.ordinal()]);
      m.put("warning", findings[Severity.WARNING.ordinal()]);
      m.put("info", findings[Severity.INFO.ordinal()]);
      return m;
    }
  }
}
