package dev.signalcheck.report;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditHeader;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.io.ReportInfo;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Builds the HTML report as an audit streams, and writes it to a file at the end. */
public final class HtmlReportSink implements ResultSink {
  private final HtmlReport report;
  private final ReportInfo.Generator generator;
  private final Path file;

  /**
   * @param report the report to fill (its detail selection chosen by the caller)
   * @param generator the generator block
   * @param file where report.html goes
   */
  public HtmlReportSink(HtmlReport report, ReportInfo.Generator generator, Path file) {
    this.report = report;
    this.generator = generator;
    this.file = file;
  }

  @Override
  public void begin(AuditHeader header) {
    report.begin(generator, ReportInfo.settings(header.settings()));
  }

  @Override
  public void series(SeriesResult result) {
    report.series(result);
  }

  @Override
  public void end(AuditEnd end) {
    report.end(ReportInfo.input(end), ReportInfo.Summary.of(end.summary()), end.datasetFindings());
    try {
      report.write(file);
    } catch (UncheckedIOException e) {
      throw new OutputException(
          "cannot write the report to " + file + ": " + e.getCause().getMessage(), e);
    }
  }

  /** The report filled so far. */
  public HtmlReport report() {
    return report;
  }
}
