package dev.signalcheck.cli;

import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.io.JsonReportSink;
import dev.signalcheck.io.ReportWriter;
import dev.signalcheck.io.Version;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's JSON report goes: {@code DIR/report.json} for {@code --out}, a file for {@code
 * --json FILE}, standard output for {@code --json -}; one {@link JsonReportSink} each.
 */
final class JsonSinks {
  private final List<ResultSink> sinks = new ArrayList<>();
  private final Path reportJson;

  /**
   * @param outDir the report folder, or null
   * @param json {@code --json}: a file, {@code -}, or null
   * @param stdout the command's standard output
   * @param redacted {@code --redact}: each report says it holds scaled values only
   */
  JsonSinks(Path outDir, String json, PrintWriter stdout, boolean redacted) {
    Path rj = null;
    if (outDir != null) {
      rj = outDir.resolve("report.json");
      sinks.add(fileSink(rj, true, redacted));
    }
    if (json != null && !"-".equals(json)) {
      sinks.add(fileSink(Path.of(json), false, redacted));
    }
    reportJson = rj;
    if ("-".equals(json)) {
      sinks.add(
          checked(
              new JsonReportSink(
                      new ReportWriter(stdout, true), Version.generator(), "standard output")
                  .redacted(redacted),
              stdout));
    }
  }

  /**
   * A sink on standard output that fails when the stream does: a {@link PrintWriter} swallows write
   * errors (a closed pipe, a full disk), so they are looked for after each series and at the end.
   */
  private static ResultSink checked(ResultSink sink, PrintWriter stdout) {
    return new ResultSink() {
      @Override
      public void begin(dev.signalcheck.core.audit.AuditHeader header) {
        sink.begin(header);
      }

      @Override
      public void series(dev.signalcheck.core.audit.SeriesResult result) {
        sink.series(result);
        check();
      }

      @Override
      public void end(dev.signalcheck.core.audit.AuditEnd end) {
        sink.end(end);
        check();
      }

      private void check() {
        if (stdout.checkError()) {
          throw new OutputException(
              "cannot write the JSON report to standard output: the pipe was closed or the disk"
                  + " is full; the report is incomplete (write it to a file with --json FILE)");
        }
      }
    };
  }

  private static ResultSink fileSink(Path p, boolean folder, boolean redacted) {
    try {
      Path parent = p.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new JsonReportSink(
              new ReportWriter(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16), true),
              Version.generator(),
              p.toString())
          .redacted(redacted);
    } catch (IOException e) {
      throw new OutputException(
          "cannot write the report"
              + (folder ? " folder " + p.getParent() : " to " + p)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** One sink per destination. */
  List<ResultSink> sinks() {
    return sinks;
  }

  /** The report.json in the report folder, or null. */
  Path reportJson() {
    return reportJson;
  }
}
