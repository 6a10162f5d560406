package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.LedgerExport;
import dev.signalcheck.ledger.LedgerQueries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code signalcheck ledger export}: a flat table for BI tools. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "A flat table (one row per run, series, metric or finding; stable column names) as CSV or"
            + " Parquet, for Power BI, Tableau or a Dash app.")
public final class LedgerExportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

  @Option(
      names = "--table",
      required = true,
      paramLabel = "TABLE",
      description = "runs, series, metrics or findings.")
  String table;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "csv or parquet (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Option(names = "--project", paramLabel = "P", description = "Only this project's rows.")
  String project;

  @Override
  public Integer call() {
    String t = table.toLowerCase(Locale.ROOT);
    String f = format.toLowerCase(Locale.ROOT);
    if (!LedgerExport.TABLES.containsKey(t)) {
      throw new UsageException(
          "--table '" + table + "' is not a table; use runs, series, metrics or findings");
    }
    if (!f.equals("csv") && !f.equals("parquet")) {
      throw new UsageException("--format '" + format + "' is not supported; use csv or parquet");
    }
    PrintWriter o = spec.commandLine().getOut();
    return ledger.with(
        l -> {
          if (project != null && !new LedgerQueries(l).projectExists(project)) {
            throw new UsageException(
                "no project '"
                    + project
                    + "' in the ledger "
                    + l.location().display()
                    + "; 'signalcheck ledger projects' lists them");
          }
          long n = LedgerExport.export(l, t, f, out, project);
          o.printf(Locale.ROOT, "wrote %,d %s rows to %s%n", n, t, out);
          o.flush();
          return Main.OK;
        });
  }
}
