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
    this(out, quiet, reportJson, Terminal.DEFAULT_WIDTH);
  }

  /**
   * @param width columns to wrap lines to (the terminal's width, 80 when not a terminal)
   */
  Console(PrintWriter out, boolean quiet, Path reportJson, int width) {
    this.out = out;
    this.quiet = quiet;
    this.reportJson = reportJson;
    this.width = width;
  }

  private final int width;

  /**
   * Prints one formatted line (the format ends in {@code %n} or not), with control characters of
   * names and values escaped, wrapped to the width; continuation lines are indented by {@code
   * hang}.
   */
  private void say(int hang, String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    if (text.endsWith(System.lineSeparator())) {
      text = text.substring(0, text.length() - System.lineSeparator().length());
    } else if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    // one line: a line break inside a name or value is escaped like any control character
    for (String l : Terminal.wrap(TerminalText.safe(text), width, hang)) {
      out.println(l);
    }
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
    say(
        2,
        "signalcheck %s · %s%s · time: %s · target: %s%s",
        Main.version(),
        src.name(),
        header.expectedRows() < 0
            ? ""
            : String.format(Locale.ROOT, " · %,d rows", header.expectedRows()),
        String.join("+", src.time()),
        String.join(", ", src.targets()),
        src.ids().isEmpty() ? "" : " · id: " + String.join(", ", src.ids()));
    out.println();
    for (String f : flagColumns) {
      say(
          2,
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
    say(
        2,
        "%s  n=%,d  step %s%s%s  %s%n",
        r.id(),
        r.n(),
        step,
        r.frequency() == null ? "" : "  season " + r.frequency().season(),
        signal,
        worst);
    if (!quiet && shown <= MAX_DETAILED) {
      if (r.verdict() != null) {
        say(11, "  verdict: %s%n", r.verdict().headline());
        for (String reason : r.verdict().reasons()) {
          say(6, "    - %s%n", reason);
        }
      }
      List<Finding> fs = r.findings();
      for (int i = 0; i < Math.min(fs.size(), MAX_FINDINGS_SHOWN); i++) {
        Finding f = fs.get(i);
        String head = String.format(Locale.ROOT, "  %-8s %-20s ", f.severity().label(), f.check());
        say(Math.min(head.length(), 32), "%s%s%n", head, f.message());
      }
      if (fs.size() > MAX_FINDINGS_SHOWN) {
        say(4, "  … %d more findings in the report%n", fs.size() - MAX_FINDINGS_SHOWN);
      }
      String prof = ProfileText.line(r.profile());
      if (prof != null) {
        say(11, "  profile: %s%n", prof);
      }
      if (r.backtest() != null && !r.backtest().insufficientData()) {
        java.io.StringWriter table = new java.io.StringWriter();
        try (PrintWriter tw = new PrintWriter(table)) {
          ModelTable.print(tw, r.backtest());
        }
        for (String l : table.toString().split("\\r?\\n")) {
          say(20, "%s", l);
        }
      }
      if (r.cleaning() != null && "longest-stretch".equals(r.cleaning().method())) {
        say(
            8,
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
      say(2, "… %,d more series: see the report%n", hidden);
    }
    for (Finding f : datasetFindings) {
      say(4, "%s  %s  %s%n", f.severity().label(), f.check(), f.message());
    }
    if (quiet) {
      out.flush();
      return;
    }
    out.println();
    say(
        2,
        "%,d series · findings: %d critical, %d warning, %d info%s%n",
        stats.series(),
        stats.findings(Severity.CRITICAL),
        stats.findings(Severity.WARNING),
        stats.findings(Severity.INFO),
        reportJson == null ? "" : " · report: " + reportJson);
    Path html = reportJson == null ? null : reportJson.resolveSibling("report.html");
    if (html != null && java.nio.file.Files.exists(html)) {
      say(2, "HTML report (open in a browser, works offline): %s%n", html);
    }
    out.flush();
  }
}
