package dev.signalcheck.cli;

import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.io.ReportInfo;
import dev.signalcheck.io.ReportWriter;
import dev.signalcheck.io.SignalcheckException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's JSON report goes: {@code DIR/report.json} for {@code --out}, a file for {@code
 * --json FILE}, standard output for {@code --json -}; the same stream of calls reaches each.
 */
final class JsonSinks {
  private final List<OutputStream> streams = new ArrayList<>();
  private final List<ReportWriter> writers = new ArrayList<>();
  private final Path reportJson;

  /**
   * @param outDir the report folder, or null
   * @param json {@code --json}: a file, {@code -}, or null
   * @param stdout the command's standard output
   */
  JsonSinks(Path outDir, String json, PrintWriter stdout) {
    Path rj = null;
    try {
      if (outDir != null) {
        Files.createDirectories(outDir);
        rj = outDir.resolve("report.json");
        streams.add(new BufferedOutputStream(Files.newOutputStream(rj), 1 << 16));
      }
      if (json != null && !"-".equals(json)) {
        Path p = Path.of(json);
        if (p.toAbsolutePath().getParent() != null) {
          Files.createDirectories(p.toAbsolutePath().getParent());
        }
        streams.add(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16));
      }
    } catch (IOException e) {
      throw SignalcheckException.input("cannot write the report: " + e.getMessage());
    }
    reportJson = rj;
    for (OutputStream os : streams) {
      writers.add(new ReportWriter(os, true));
    }
    if ("-".equals(json)) {
      writers.add(new ReportWriter(stdout, true));
    }
  }

  /** The report.json in the report folder, or null. */
  Path reportJson() {
    return reportJson;
  }

  void begin(ReportInfo.Generator gen, ReportInfo.Settings settings) {
    for (ReportWriter w : writers) {
      w.begin(gen, settings);
    }
  }

  void series(SeriesResult r) {
    for (ReportWriter w : writers) {
      w.series(r);
    }
  }

  /** Writes the closing blocks and closes the files. */
  void end(ReportInfo.Input input, ReportInfo.Summary summary, List<Finding> datasetFindings) {
    for (ReportWriter w : writers) {
      w.end(input, summary, datasetFindings);
      w.close();
    }
    for (OutputStream os : streams) {
      try {
        os.close();
      } catch (IOException e) {
        throw SignalcheckException.input("cannot write the report: " + e.getMessage());
      }
    }
  }
}
