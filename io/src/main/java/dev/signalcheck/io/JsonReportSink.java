package dev.signalcheck.io;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditHeader;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.errors.OutputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Streams an audit into a JSON report (report.json's shape, {@link ReportWriter}): the opening
 * fields at begin, each series as it arrives, input, summary and data-set findings at the end. A
 * write that fails is an {@link OutputException} naming where the report was going.
 */
public final class JsonReportSink implements ResultSink {
  private final ReportWriter writer;
  private final ReportInfo.Generator generator;
  private final String where;
  private boolean redacted;

  /**
   * @param writer the writer (closed at {@link #end})
   * @param generator the generator block
   * @param where the destination in words, for error messages (a file name, standard output)
   */
  public JsonReportSink(ReportWriter writer, ReportInfo.Generator generator, String where) {
    this.writer = writer;
    this.generator = generator;
    this.where = where;
  }

  /**
   * Marks the report as redacted: the caller passes redacted results (the report module's {@code
   * Redaction.sink}), and the report says so in its top-level {@value ReportWriter#REDACTED} field.
   * An unmarked report holds the series' raw values.
   */
  public JsonReportSink redacted(boolean redacted) {
    this.redacted = redacted;
    return this;
  }

  @Override
  public void begin(AuditHeader header) {
    try {
      writer.begin(generator, ReportInfo.settings(header.settings()));
    } catch (UncheckedIOException e) {
      throw failed(e.getCause());
    }
  }

  @Override
  public void series(dev.signalcheck.core.audit.SeriesResult result) {
    try {
      writer.series(result);
    } catch (UncheckedIOException e) {
      throw failed(e.getCause());
    }
  }

  @Override
  public void end(AuditEnd end) {
    try {
      writer.end(
          ReportInfo.input(end),
          ReportInfo.Summary.of(end.summary()),
          end.datasetFindings(),
          redacted ? Map.of(ReportWriter.REDACTED, true) : Map.of());
      writer.close();
    } catch (UncheckedIOException e) {
      throw failed(e.getCause());
    }
  }

  private OutputException failed(IOException cause) {
    String msg = cause == null ? "write failed" : cause.getMessage();
    return new OutputException("cannot write the JSON report to " + where + ": " + msg, cause);
  }
}
