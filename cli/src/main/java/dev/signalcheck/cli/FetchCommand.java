package dev.signalcheck.cli;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.sources.Attempt;
import dev.signalcheck.sources.DatabaseSource;
import dev.signalcheck.sources.Fetcher;
import dev.signalcheck.sources.SourceFetch;
import dev.signalcheck.sources.SourceLedger;
import dev.signalcheck.sources.SourceUrl;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code signalcheck fetch URL --source NAME}: pull a source as a production pipeline would, record
 * the pull and its snapshot in the ledger, then audit the snapshot as {@code audit} does, with the
 * source.* findings among the data set's findings.
 */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description =
        "Fetch a source (http(s)://, file://, or a database table or query) with timeouts, retries"
            + " and a circuit breaker; keep a"
            + " snapshot, record the pull in the ledger, then audit it with the source.* findings"
            + " (unavailable, stale, schema-changed, revised, shrunk, irregular-arrival).")
public final class FetchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description =
          "http(s)://…, file://… or a path; or a database with --table/--query:"
              + " jdbc:postgresql://HOST/DB, jdbc:sqlite:FILE, a SQLite or DuckDB file.")
  String url;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description = "Database source: the table to read (schema.table allowed).")
  String table;

  @Option(
      names = "--where",
      paramLabel = "SQL",
      description = "Database source: a condition on the table's rows.")
  String where;

  @Option(
      names = "--query",
      paramLabel = "SQL",
      description = "Database source: a SELECT whose rows are the source (instead of --table).")
  String query;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "Database source: a file whose first line is the password (else SIGNALCHECK_DB_PASSWORD,"
              + " or PostgreSQL's ~/.pgpass).")
  Path passwordFile;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "NAME",
      description = "The source's name: its history of pulls is kept under it.")
  String source;

  @Option(
      names = "--no-audit",
      description = "Only fetch, check the source and record the pull; do not audit the data.")
  boolean noAudit;

  @Mixin SourceOptions sourceOptions = new SourceOptions();

  @Mixin AuditOptions audit = new AuditOptions();

  @Mixin AuditLedgerOptions ledgerOptions = new AuditLedgerOptions();

  /** The clock for staleness; tests replace it. */
  static Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SourceFetch.checkName(source);
    DatabaseSource database = database(url, table, where, query, passwordFile, sourceOptions);
    URI uri = database == null ? SourceUrl.parse(url) : null;
    // every option is checked before anything is fetched
    AuditRun.Options options = audit.options(database == null ? url : database.display());
    AuditLedgerOptions.Choice choice = ledgerOptions.choice();
    if (choice == null) {
      throw new UsageException(
          "fetch keeps the history of a source in the ledger; --no-ledger cannot be used with it");
    }
    SourceFetch.Request request =
        new SourceFetch.Request(
            source,
            uri,
            sourceOptions.format,
            sourceOptions.settings(System::getenv),
            options.input(),
            options.settings().step(),
            sourceOptions.maxDelay(),
            sourceOptions.data.dir(null, System.getenv()),
            sourceOptions.records,
            database);
    SourceFetch.Result r;
    try (Ledger ledger = Ledger.open(choice.location())) {
      r = new SourceFetch(new Fetcher(), clock).run(request, new SourceLedger(ledger));
    }
    PrintWriter console = "-".equals(options.json()) ? err : out;
    if (!r.ok()) {
      if (!options.quiet()) {
        console.println(pullLine(source, r));
        console.flush();
      }
      throw new InputException(r.error());
    }
    if (!options.quiet()) {
      console.println(pullLine(source, r));
      console.flush();
    }
    if (noAudit) {
      printFindings(r.findings(), console);
      console.flush();
      return Main.OK;
    }
    AuditRun.Options snapshot = options.withInput(withSource(options.input(), r.file().toString()));
    return new AuditRun(snapshot, out, err).recordIn(choice).withFindings(r.findings()).run();
  }

  /** The database source these options name, or null for a URL or a file. */
  static DatabaseSource database(
      String url,
      String table,
      String where,
      String query,
      Path passwordFile,
      SourceOptions sourceOptions) {
    if (!DatabaseSource.isDatabase(url, table, query)) {
      if (where != null || passwordFile != null) {
        throw new UsageException(
            (where != null ? "--where" : "--password-file")
                + " is for a database source; name a table with --table");
      }
      return null;
    }
    if (sourceOptions.format != null && !"csv".equalsIgnoreCase(sourceOptions.format)) {
      throw new UsageException(
          "--format does not apply to a database source (its rows are kept as CSV)");
    }
    if (sourceOptions.records != null || !sourceOptions.headers.isEmpty()) {
      throw new UsageException(
          (sourceOptions.records != null ? "--records" : "--header")
              + " is for HTTP sources, not a database");
    }
    return DatabaseSource.of(url, table, where, query, passwordFile, System.getenv());
  }

  /** The source.* findings of a pull, one line each. */
  static void printFindings(List<Finding> findings, PrintWriter console) {
    for (Finding f : findings) {
      console.printf(
          Locale.ROOT, "  %-8s %-24s %s%n", f.severity().label(), f.check(), f.message());
    }
  }

  static dev.signalcheck.io.InputSpec withSource(dev.signalcheck.io.InputSpec s, String f) {
    return new dev.signalcheck.io.InputSpec(
        f,
        s.time(),
        s.targets(),
        s.ids(),
        s.covariates(),
        s.recordedAt(),
        s.delimiter(),
        s.decimal(),
        s.missingTokens(),
        s.timeFormat(),
        s.timezone());
  }

  /** One line about the pull: attempts, outcome, what was kept. */
  static String pullLine(String source, SourceFetch.Result r) {
    List<String> tries = new ArrayList<>();
    for (Attempt a : r.attempts()) {
      tries.add(
          a.outcome().label() + (a.status() != null && a.status() >= 300 ? " " + a.status() : ""));
    }
    String attempts =
        r.attempts().size() == 1
            ? "1 attempt"
            : r.attempts().size() + " attempts (" + String.join(", ", tries) + ")";
    if (!r.ok()) {
      return "fetch: " + source + " · " + attempts + " · failed; nothing new kept";
    }
    return String.format(
        Locale.ROOT,
        "fetch: %s · %s · %,d rows, newest %s · %s",
        source,
        attempts,
        r.snapshot().rows(),
        r.snapshot().lastStamp(),
        r.unchanged() ? "unchanged since the previous snapshot" : "snapshot " + r.file());
  }
}
