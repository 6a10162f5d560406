package dev.signalcheck.cli;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditHeader;
import dev.signalcheck.core.audit.AuditSummary;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.audit.SourceInfo;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The console summary: a header, a line per series with its worst finding, then its findings. */
final class Console implements ResultSink {
  /**
   * Series shown with their findings; later ones get one line, and after {@link #MAX_LINES} none.
   */
  static final int MAX_DETAILED = 20;

  static final int MAX_LINES = 200;
  private static final int MAX_FINDINGS_SHOWN = 8;

  private final PrintWriter out;
  private final boolean quiet;
  private final Path reportJson;
  private List<String> flagColumns = List.of();
  private long shown;
  private long hidden;

  /**
   * @param reportJson the report.json written beside report.html, named in the footer, or null
   */
  Console(PrintWriter out, boolean quiet, Path reportJson) {
    this.out = out;
    this.quiet = quiet;
    this.reportJson = reportJson;
  }

  /** 0/1 columns the reader left out of the default targets, named under the header. */
  Console flagColumns(List<String> flags) {
    this.flagColumns = List.copyOf(flags);
    return this;
  }

  @Override
  public void begin(AuditHeader header) {
    if (quiet) {
      return;
    }
    SourceInfo src = header.source();
    out.printf(
        Locale.ROOT,
        "signalcheck %s · %s%s · time: %s · target: %s%s%n%n",
        Main.version(),
        src.name(),
        header.expectedRows() < 0
            ? ""
            : String.format(Locale.ROOT, " · %,d rows", header.expectedRows()),
        String.join("+", src.time()),
        String.join(", ", src.targets()),
        src.ids().isEmpty() ? "" : " · id: " + String.join(", ", src.ids()));
    for (String f : flagColumns) {
      out.printf(
          Locale.ROOT,
          "note: column %s holds only 0/1: treated as a flag, not audited; pass --target %s to"
              + " audit it%n",
          f,
          f);
    }
    if (!flagColumns.isEmpty()) {
      out.println();
    }
    out.flush();
  }

  @Override
  public void series(SeriesResult r) {
    if (shown >= MAX_LINES) {
      hidden++;
      return;
    }
    shown++;
    Finding w = r.worst();
    String step = r.frequency() == null ? "-" : r.frequency().step();
    String worst = w == null ? "no findings" : "worst: " + w.severity().label() + " " + w.check();
    String signal = r.verdict() == null ? "" : "  signal: " + r.verdict().signal().label();
    out.printf(
        Locale.ROOT,
        "%s  n=%,d  step %s%s%s  %s%n",
        r.id(),
        r.n(),
        step,
        r.frequency() == null ? "" : "  season " + r.frequency().season(),
        signal,
        worst);
    if (!quiet && shown <= MAX_DETAILED) {
      if (r.verdict() != null) {
        out.printf(Locale.ROOT, "  verdict: %s%n", r.verdict().headline());
        for (String reason : r.verdict().reasons()) {
          out.printf(Locale.ROOT, "    - %s%n", reason);
        }
      }
      List<Finding> fs = r.findings();
      for (int i = 0; i < Math.min(fs.size(), MAX_FINDINGS_SHOWN); i++) {
        Finding f = fs.get(i);
        out.printf(Locale.ROOT, "  %-8s %-20s %s%n", f.severity().label(), f.check(), f.message());
      }
      if (fs.size() > MAX_FINDINGS_SHOWN) {
        out.printf(
            Locale.ROOT, "  … %d more findings in the report%n", fs.size() - MAX_FINDINGS_SHOWN);
      }
      String prof = ProfileText.line(r.profile());
      if (prof != null) {
        out.printf(Locale.ROOT, "  profile: %s%n", prof);
      }
      if (r.backtest() != null && !r.backtest().insufficientData()) {
        ModelTable.print(out, r.backtest());
      }
      if (r.cleaning() != null && "longest-stretch".equals(r.cleaning().method())) {
        out.printf(
            Locale.ROOT,
            "  note: long gaps remain; the analyses use the longest complete stretch, %s to %s (%,d %s)%n",
            r.cleaning().from(),
            r.cleaning().to(),
            r.cleaning().n(),
            r.cleaning().n() == 1 ? "point" : "points");
      }
    }
    out.flush();
  }

  @Override
  public void end(AuditEnd end) {
    AuditSummary stats = end.summary();
    List<Finding> datasetFindings = end.datasetFindings();
    if (hidden > 0) {
      out.printf(Locale.ROOT, "… %,d more series: see the report%n", hidden);
    }
    for (Finding f : datasetFindings) {
      out.printf(Locale.ROOT, "%s  %s  %s%n", f.severity().label(), f.check(), f.message());
    }
    if (quiet) {
      out.flush();
      return;
    }
    out.printf(
        Locale.ROOT,
        "%n%,d series · findings: %d critical, %d warning, %d info%s%n",
        stats.series(),
        stats.findings(Severity.CRITICAL),
        stats.findings(Severity.WARNING),
        stats.findings(Severity.INFO),
        reportJson == null ? "" : " · report: " + reportJson);
    Path html = reportJson == null ? null : reportJson.resolveSibling("report.html");
    if (html != null && java.nio.file.Files.exists(html)) {
      out.printf(Locale.ROOT, "HTML report (open in a browser, works offline): %s%n", html);
    }
    out.flush();
  }
}
