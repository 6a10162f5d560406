package dev.signalcheck.cli;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesSource;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.io.DatabaseInput;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.JdbcSeriesSource;
import dev.signalcheck.io.TableReader;
import dev.signalcheck.io.Version;
import dev.signalcheck.ledger.LedgerSink;
import dev.signalcheck.report.HtmlReport;
import dev.signalcheck.report.HtmlReportSink;
import dev.signalcheck.report.Redaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One audit from the command line: opens the input, chooses the sinks the options ask for (JSON,
 * HTML, console, progress) and runs {@link DatasetAudit}; the exit code follows {@code --fail-on}.
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
      List<String> detailIds,
      boolean redact) {

    Options {
      labels = labels == null ? List.of() : List.copyOf(labels);
      detailIds = detailIds == null ? List.of() : List.copyOf(detailIds);
    }

    /** The same audit of another input (e.g. the snapshot a fetch kept). */
    Options withInput(InputSpec other) {
      return new Options(
          other,
          settings,
          outDir,
          json,
          failOn,
          threads,
          quiet,
          noProgress,
          labels,
          detailTop,
          detailIds,
          redact);
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
          List.of(),
          false);
    }
  }

  private final Options o;
  private final PrintWriter out;
  private final PrintWriter err;

  /** Where to record the audit, or null for nowhere. */
  private AuditLedgerOptions.Choice ledger;

  /** Findings about the data set made before the audit (a fetched source's). */
  private List<Finding> extraFindings = List.of();

  AuditRun(Options o, PrintWriter out, PrintWriter err) {
    this.o = o;
    this.out = out;
    this.err = err;
  }

  /** Where the series come from when not from the input file: a database (null: the file). */
  private DatabaseInput database;

  /** Reads the series from this database instead of the input file (null: the file). */
  AuditRun readFrom(DatabaseInput database) {
    this.database = database;
    return this;
  }

  /** Where to push the report, or null. */
  private Push push;

  private String pushProject = "default";

  /** Pushes the report to a server afterwards (null: not pushed). */
  AuditRun pushTo(Push push, String project) {
    this.push = push;
    this.pushProject = project == null ? "default" : project;
    return this;
  }

  /** Records the audit in this ledger (null: not recorded). */
  AuditRun recordIn(AuditLedgerOptions.Choice ledger) {
    this.ledger = ledger;
    return this;
  }

  /** Adds these findings to the data set's own (e.g. the source.* findings of a fetch). */
  AuditRun withFindings(List<Finding> findings) {
    this.extraFindings = List.copyOf(findings);
    return this;
  }

  int run() {
    Path outDir =
        o.outDir() != null ? o.outDir() : (o.json() == null ? Path.of("signalcheck-report") : null);
    boolean jsonToStdout = "-".equals(o.json());
    // with JSON on standard output, the console summary goes to standard error
    PrintWriter console = jsonToStdout ? err : out;
    LedgerSink recorder =
        ledger == null ? null : ledger.sink(o.input(), o.labels(), err, database != null);
    try {
      return run(outDir, console, recorder);
    } finally {
      if (recorder != null) {
        recorder.close();
      }
    }
  }

  private int run(Path outDir, PrintWriter console, LedgerSink recorder) {
    try (SeriesSource reader =
        database != null
            ? JdbcSeriesSource.open(database, o.input())
            : TableReader.open(o.input())) {
      if (reader instanceof TableReader table) {
        table.requireSeries(o.detailIds(), "--detail");
      }
      JsonSinks json = new JsonSinks(outDir, o.json(), out, o.redact());
      List<ResultSink> reports = new ArrayList<>(json.sinks());
      if (outDir != null) {
        reports.add(
            new HtmlReportSink(
                new HtmlReport(o.detailTop(), o.detailIds()).redacted(o.redact()),
                Version.generator(),
                outDir.resolve("report.html")));
      }
      List<ResultSink> sinks = new ArrayList<>();
      // --redact: the files (and what --push sends) hold scaled values only; the console and the
      // ledger stay with the team and keep the raw results
      sinks.add(
          o.redact() ? Redaction.sink(ResultSink.fanOut(reports)) : ResultSink.fanOut(reports));
      int width = Terminal.width(Terminal.isTerminal(console == err ? 2 : 1));
      sinks.add(
          new Console(console, o.quiet(), json.reportJson(), width)
              .flagColumns(reader instanceof TableReader table ? table.flagColumns() : List.of()));
      // the bar goes to standard error: shown whenever that is a terminal, even when standard
      // output is redirected
      boolean showProgress = !o.noProgress() && !o.quiet() && Terminal.isTerminal(2);
      Progress progress =
          Progress.start(err, showProgress, showProgress ? reader.seriesCount() : 0);
      sinks.add(progress);
      if (recorder != null) {
        sinks.add(recorder);
      }
      AuditEnd end;
      try {
        end =
            DatasetAudit.run(
                reader,
                o.settings(),
                ResultSink.fanOut(sinks),
                new DatasetAudit.Options(o.threads(), o.labels(), extraFindings));
      } finally {
        progress.done();
      }
      Severity worst = end.summary().worst();
      int code =
          o.failOn() != null && worst != null && worst.atLeast(o.failOn())
              ? Main.FINDINGS
              : Main.OK;
      if (recorder != null) {
        AuditLedgerOptions.Choice.report(
            recorder.finish(code), recorder.where(), o.quiet() ? null : console);
      }
      if (push != null) {
        Path reportJson =
            json.reportJson() != null
                ? json.reportJson()
                : o.json() != null && !"-".equals(o.json()) ? Path.of(o.json()) : null;
        push.send(
            reportJson,
            outDir == null ? null : outDir.resolve("report.html"),
            pushProject,
            o.quiet() ? null : console);
      }
      return code;
    }
  }
}
