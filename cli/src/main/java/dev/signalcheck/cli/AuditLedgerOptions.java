package dev.signalcheck.cli;

import dev.signalcheck.io.InputSpec;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.ledger.LedgerSink;
import dev.signalcheck.ledger.RunRecorder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audit}'s ledger options: where the run is recorded, and under which project. */
final class AuditLedgerOptions {

  @Mixin ProjectOption project = new ProjectOption();

  @Option(
      names = "--ledger",
      paramLabel = "URL",
      description =
          "Record the run in this ledger: a file path, jdbc:sqlite:PATH or"
              + " jdbc:postgresql://HOST:PORT/DB (default: $SIGNALCHECK_LEDGER, else"
              + " ~/.signalcheck/ledger.db).")
  String ledger;

  @Option(names = "--no-ledger", description = "Record nothing in the ledger.")
  boolean noLedger;

  /** The choice made, or null when nothing is to be recorded. */
  Choice choice() {
    if (noLedger) {
      return null;
    }
    return new Choice(LedgerLocations.resolve(ledger), project.project);
  }

  /** A ledger and a project to record a run in. */
  record Choice(LedgerLocation location, String project) {

    LedgerSink sink(InputSpec input, List<String> labels, PrintWriter err) {
      return sink(input, labels, err, false);
    }

    /** A sink for this run; a database input has no file to identify it by its bytes. */
    LedgerSink sink(InputSpec input, List<String> labels, PrintWriter err, boolean database) {
      Path file = database || "-".equals(input.source()) ? null : Path.of(input.source());
      return new LedgerSink(
          location,
          project,
          file,
          LedgerSink.readerOptions(input, labels),
          line -> {
            err.println(line);
            err.flush();
          });
    }

    /** One line on the console about the recording (nothing when it failed: the sink warned). */
    static void report(Optional<RunRecorder.Recorded> r, String where, PrintWriter console) {
      if (console == null || r.isEmpty()) {
        return;
      }
      RunRecorder.Recorded x = r.get();
      console.println(
          x.duplicate()
              ? "ledger: the same input, settings and version are already run "
                  + x.runId()
                  + " in project '"
                  + x.project()
                  + "' ("
                  + where
                  + "); not recorded again"
              : "ledger: recorded as run "
                  + x.runId()
                  + " in project '"
                  + x.project()
                  + "' ("
                  + where
                  + ")");
      console.flush();
    }
  }
}
