package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.io.DatabaseInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
          "A .csv/.tsv/.txt (optionally .gz), .parquet, .json or .jsonl file, a glob ('data/*.csv') or a folder of"
              + " hive-partitioned files (sensor=a/part.parquet); '-' reads CSV from standard input;"
              + " or a database with --table/--query: jdbc:postgresql://HOST/DB, jdbc:sqlite:FILE, a SQLite or"
              + " DuckDB file.")
  String input;

  @Parameters(
      index = "1..*",
      paramLabel = "MORE",
      description =
          "Further files (or globs) with the same columns, audited with INPUT as one table.")
  List<String> moreInputs = new ArrayList<>();

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description = "Database input: the table to read (schema.table allowed).")
  String table;

  @Option(
      names = "--where",
      paramLabel = "SQL",
      description = "Database input: a condition on the table's rows, e.g. \"site = 'north'\".")
  String where;

  @Option(
      names = "--query",
      paramLabel = "SQL",
      description = "Database input: a SELECT whose rows are the input (instead of --table).")
  String query;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "Database input: a file whose first line is the password (else SIGNALCHECK_DB_PASSWORD, or PostgreSQL's ~/.pgpass).")
  Path passwordFile;

  @Mixin AuditOptions audit = new AuditOptions();

  @Mixin AuditLedgerOptions ledgerOptions = new AuditLedgerOptions();

  @Option(
      names = "--push",
      paramLabel = "URL",
      description =
          "Send report.json (and report.html) to the signalcheck server at URL (POST /api/v1/runs),"
              + " under --project.")
  String push;

  @Option(
      names = "--token",
      paramLabel = "T",
      description = "The server's API token for --push (default: $SIGNALCHECK_TOKEN).")
  String token;

  @Override
  public Integer call() {
    AuditRun.Options o = options();
    Push p = push == null ? null : Push.of(push, token);
    if (p == null && token != null) {
      throw new UsageException("--token is for --push; give --push URL too");
    }
    return new AuditRun(o, spec.commandLine().getOut(), spec.commandLine().getErr())
        .readFrom(database())
        .recordIn(ledgerOptions.choice())
        .pushTo(p, ledgerOptions.project.project)
        .run();
  }

  /** The audit's options; a database URL is shown without its password. */
  AuditRun.Options options() {
    return audit.options(
        DatabaseInput.isDatabase(input, table, query)
            ? dev.signalcheck.io.JdbcSeriesSource.redact(input)
            : input,
        moreInputs);
  }

  /** The database to read, or null for a file. */
  DatabaseInput database() {
    if (!DatabaseInput.isDatabase(input, table, query)) {
      if (where != null || passwordFile != null) {
        throw new UsageException(
            (where != null ? "--where" : "--password-file")
                + " is for database input; name a table with --table");
      }
      return null;
    }
    return DatabaseInput.of(input, table, where, query, passwordFile, System.getenv());
  }
}
