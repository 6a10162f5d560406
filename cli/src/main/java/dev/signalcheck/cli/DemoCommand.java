package dev.signalcheck.cli;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.io.InputSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signalcheck demo}: audits small bundled real data sets. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Audit the bundled example data sets (a NAB server-latency series and AirPassengers).")
public final class DemoCommand implements Callable<Integer> {

  /** Bundled examples: resource name, what it is, and the options it needs. */
  record Example(String file, String title) {}

  static final List<Example> EXAMPLES =
      List.of(
          new Example(
              "ec2_request_latency_system_failure.csv",
              "NAB realKnownCause: AWS EC2 request latency, 5-minute readings, with a daylight-saving clock change"),
          new Example(
              "air_passengers.csv",
              "AirPassengers: monthly airline passengers 1949-1960 (Box & Jenkins)"));

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "signalcheck-demo",
      description = "Where to write the reports (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--debug", description = "Stack traces on errors.")
  boolean debug;

  @Option(
      names = "--ledger",
      paramLabel = "URL",
      description =
          "Record the demo's runs (project 'demo') in this ledger (default: $SIGNALCHECK_LEDGER,"
              + " else ~/.signalcheck/ledger.db).")
  String ledger;

  @Option(names = "--no-ledger", description = "Record nothing in the ledger.")
  boolean noLedger;

  /** The project the demo's runs are filed under. */
  static final String PROJECT = "demo";

  @Override
  public Integer call() {
    java.io.PrintWriter o = spec.commandLine().getOut();
    for (Example ex : EXAMPLES) {
      String name = ex.file().replace(".csv", "");
      Path dir = out.resolve(name);
      Path data = dir.resolve(ex.file());
      try {
        Files.createDirectories(dir);
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + ex.file())) {
          if (in == null) {
            throw new IllegalStateException(
                "bundled example " + ex.file() + " is missing from the build");
          }
          Files.copy(in, data, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new InputException("cannot write the demo to " + dir + ": " + e.getMessage());
      }
      o.println("== " + ex.title());
      AuditRun.Options opts =
          new AuditRun.Options(
              InputSpec.of(data.toString()),
              AuditSettings.defaults(),
              dir,
              null,
              null,
              Runtime.getRuntime().availableProcessors(),
              false,
              true);
      new AuditRun(opts, o, spec.commandLine().getErr())
          .recordIn(
              noLedger
                  ? null
                  : new AuditLedgerOptions.Choice(LedgerLocations.resolve(ledger), PROJECT))
          .run();
      o.println();
    }
    o.println(
        "Reports are in "
            + out.toAbsolutePath().normalize()
            + ": one folder per example, each with report.html (open it in a browser) and report.json.");
    if (!noLedger) {
      o.println(
          "Both runs are in the ledger under project '"
              + PROJECT
              + "': 'signalcheck ledger show latest' shows the latest (placed beside a reference"
              + " population audited under the same definition, when one is shipped),"
              + " 'signalcheck ledger projects' every project on one scale.");
    }
    o.flush();
    return 0;
  }
}
