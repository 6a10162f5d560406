package dev.signalcheck.cli;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.sources.DatabaseSource;
import dev.signalcheck.sources.FetchSettings;
import dev.signalcheck.sources.Fetcher;
import dev.signalcheck.sources.Header;
import dev.signalcheck.sources.SourceFetch;
import dev.signalcheck.sources.SourceLedger;
import dev.signalcheck.sources.SourceUrl;
import dev.signalcheck.sources.WatchList;
import dev.signalcheck.sources.WatchSchedule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code signalcheck watch sources.yaml}: pulls each source of a list on its schedule, in this
 * process ({@link WatchSchedule}), recording every pull and its source.* findings and auditing each
 * successful pull as {@code fetch} does (the report under {@code --out}/NAME, the run in the
 * ledger). One fetcher serves all sources, so a host's circuit breaker spans them; it starts from
 * the attempts the ledger recorded, so successive processes do not hammer a dead host either.
 */
@Command(
    name = "watch",
    resourceBundle = "dev.signalcheck.cli.WatchCommand",
    mixinStandardHelpOptions = true,
    description =
        "Pull each source of a YAML list on its schedule (in this process), recording every pull,"
            + " snapshot and source.* finding in the ledger, and audit each successful pull as fetch"
            + " does. --once pulls each due source once and exits.")
public final class WatchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SOURCES.YAML", description = "The list of sources.")
  Path file;

  @Option(
      names = "--once",
      description = "Pull every source that is due once, then exit (3 when a pull failed).")
  boolean once;

  @Option(
      names = "--max-pulls",
      paramLabel = "N",
      description = "Stop after N pulls in all (a bounded run; exit 3 when a pull failed).")
  Integer maxPulls;

  @Mixin DataOption data = new DataOption();

  @Option(
      names = "--no-audit",
      description = "Only pull, check the sources and record the pulls; do not audit the data.")
  boolean noAudit;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Write each source's report.json and report.html to DIR/NAME (default: ./signalcheck-report).")
  Path out;

  @Mixin ModelOptions models = new ModelOptions();

  @Mixin ProjectOption project = new ProjectOption();

  @Option(names = "--quiet", description = "Print only the pull lines, findings and errors.")
  boolean quiet;

  @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

  static Clock clock = Clock.systemUTC();

  /** Waits between rounds; tests replace it with one that moves their clock. */
  static Sleeper sleeper = d -> Thread.sleep(d.toMillis());

  /** How the loop waits until the next source is due. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** A source of the list, ready to pull. */
  record Planned(SourceFetch.Request request, Duration every) {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxPulls != null && maxPulls < 1) {
      throw new UsageException("--max-pulls must be at least 1, not " + maxPulls);
    }
    WatchList list = WatchList.read(file);
    Path dataDir = data.dir(list.data() == null ? null : Path.of(list.data()), System.getenv());
    Map<String, Planned> plan = new LinkedHashMap<>();
    for (WatchList.Entry e : list.sources()) {
      plan.put(e.name(), plan(e, dataDir));
    }
    AuditSettings settings = auditSettings(models.names());
    LedgerLocation where = LedgerLocations.resolve(ledger.ledger);
    AuditLedgerOptions.Choice choice = new AuditLedgerOptions.Choice(where, project.project);
    SourceFetch fetch = new SourceFetch(new Fetcher(), clock);
    int failed = 0;
    int pulls = 0;
    try (Ledger l = Ledger.open(where)) {
      SourceLedger store = new SourceLedger(l);
      Map<String, Duration> every = new LinkedHashMap<>();
      plan.forEach((name, p) -> every.put(name, p.every()));
      WatchSchedule schedule = new WatchSchedule(every, lastPulls(store, plan.keySet()));
      while (true) {
        Instant now = clock.instant();
        for (String name : schedule.dueAt(now)) {
          Planned p = plan.get(name);
          SourceFetch.Result r = fetch.run(p.request(), store);
          schedule.pulled(name, now);
          pulls++;
          console.println(FetchCommand.pullLine(name, r));
          if (!r.ok() || noAudit) {
            FetchCommand.printFindings(r.findings(), console);
          }
          console.flush();
          if (!r.ok()) {
            failed++;
          } else if (!noAudit && !audit(p, r, settings, choice, console, err)) {
            failed++;
          }
          if (maxPulls != null && pulls >= maxPulls) {
            return failed > 0 ? Main.INPUT : Main.OK;
          }
        }
        if (once) {
          return failed > 0 ? Main.INPUT : Main.OK;
        }
        Duration wait = Duration.between(clock.instant(), schedule.next(clock.instant()));
        sleeper.sleep(
            wait.compareTo(MIN_WAIT) < 0
                ? MIN_WAIT
                : wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
      }
    }
  }

  private static final Duration MIN_WAIT = Duration.ofSeconds(1);
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** Audits a pull's snapshot as fetch does; false (with one line) when the audit failed. */
  private boolean audit(
      Planned p,
      SourceFetch.Result r,
      AuditSettings settings,
      AuditLedgerOptions.Choice choice,
      PrintWriter console,
      PrintWriter err) {
    String name = p.request().name();
    Path outDir = (out != null ? out : Path.of("signalcheck-report")).resolve(name);
    AuditRun.Options o =
        new AuditRun.Options(
            FetchCommand.withSource(p.request().input(), r.file().toString()),
            withStep(settings, p.request().step()),
            outDir,
            null,
            null,
            Runtime.getRuntime().availableProcessors(),
            quiet,
            true);
    try {
      new AuditRun(o, console, err).recordIn(choice).withFindings(r.findings()).run();
      return true;
    } catch (InputException | UsageException | OutputException e) {
      console.println("watch: " + name + ": the audit failed: " + e.getMessage());
      console.flush();
      return false;
    }
  }

  /** The audit settings of every source (the step comes from each source's own entry). */
  static AuditSettings auditSettings(List<String> names) {
    return new AuditSettings(
        null, null, null, AuditSettings.AUTO_ORIGINS, names, null, null, null, List.of());
  }

  private static AuditSettings withStep(AuditSettings s, Step step) {
    return new AuditSettings(
        step,
        s.season(),
        s.horizon(),
        s.origins(),
        s.models(),
        s.min(),
        s.max(),
        s.maxTrain(),
        s.knownAhead());
  }

  private static Map<String, Instant> lastPulls(SourceLedger store, Iterable<String> names) {
    Map<String, Instant> out = new LinkedHashMap<>();
    for (String name : names) {
      try {
        Long id = store.sourceId(name);
        if (id != null) {
          List<SourceLedger.Pull> pulls = store.pulls(id, 1);
          if (!pulls.isEmpty()) {
            out.put(name, pulls.get(0).startedAt());
          }
        }
      } catch (java.sql.SQLException e) {
        throw new InputException("cannot read the ledger: " + e.getMessage(), e);
      }
    }
    return out;
  }

  static Planned plan(WatchList.Entry e, Path dataDir) {
    String where = "source '" + e.name() + "': ";
    SourceFetch.checkName(e.name());
    Duration every;
    try {
      every = Durations.parse(e.every() == null ? "1h" : e.every(), "every");
    } catch (UsageException x) {
      throw new UsageException(where + x.getMessage());
    }
    FetchSettings s = FetchSettings.defaults();
    if (e.timeout() != null) {
      s = s.withTimeout(Durations.parse(e.timeout(), "timeout"));
    }
    if (e.retries() != null) {
      if (e.retries() < 0 || e.retries() > 20) {
        throw new UsageException(where + "retries must be between 0 and 20");
      }
      s = s.withRetries(e.retries());
    }
    List<Header> hs = new ArrayList<>();
    for (String h : e.headers()) {
      hs.add(Header.parse(h, System::getenv));
    }
    s = s.withHeaders(hs);
    String format = e.format() == null ? null : e.format().toLowerCase(Locale.ROOT);
    if (format != null && !List.of("csv", "json", "parquet").contains(format)) {
      throw new UsageException(where + "format must be csv, json or parquet");
    }
    Step step = null;
    if (e.step() != null) {
      try {
        step = Step.parse(e.step());
      } catch (RuntimeException x) {
        throw new UsageException(where + "step '" + e.step() + "' is not an ISO 8601 duration");
      }
    }
    InputSpec input =
        new InputSpec(
            "-", e.time(), e.target(), e.id(), List.of(), null, null, null, List.of(), null, null);
    DatabaseSource db = null;
    if (DatabaseSource.isDatabase(e.url(), e.table(), e.query())) {
      try {
        db =
            DatabaseSource.of(
                e.url(),
                e.table(),
                e.where(),
                e.query(),
                e.passwordFile() == null ? null : Path.of(e.passwordFile()),
                System.getenv());
      } catch (UsageException x) {
        throw new UsageException(where + x.getMessage());
      }
      format = "csv";
    }
    return new Planned(
        new SourceFetch.Request(
            e.name(),
            db == null ? SourceUrl.parse(e.url()) : null,
            format,
            s,
            input,
            step,
            e.maxDelay() == null ? null : Durations.parse(e.maxDelay(), "maxDelay"),
            dataDir,
            e.records(),
            db),
        every);
  }
}
