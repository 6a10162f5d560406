package dev.signalcheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code signalcheck audit <input>}: the main job. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Audit each series of a file: data faults located in time, predictability, backtest, verdict.")
public final class AuditCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "INPUT",
      description =
          "A .csv/.tsv/.txt (optionally .gz), .parquet, .json or .jsonl file; '-' reads CSV from standard input.")
  String input;

  @Mixin AuditOptions audit = new AuditOptions();

  @Mixin AuditLedgerOptions ledgerOptions = new AuditLedgerOptions();

  @Override
  public Integer call() {
    AuditRun.Options o = audit.options(input);
    return new AuditRun(o, spec.commandLine().getOut(), spec.commandLine().getErr())
        .recordIn(ledgerOptions.choice())
        .run();
  }
}
