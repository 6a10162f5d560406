package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.sources.FetchSettings;
import dev.signalcheck.sources.Fetcher;
import dev.signalcheck.sources.Header;
import dev.signalcheck.sources.SourceFetch;
import dev.signalcheck.sources.SourceLedger;
import dev.signalcheck.sources.SourceUrl;
import dev.signalcheck.sources.WatchList;
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
 * process, recording every pull and its source.* findings as {@code fetch --no-audit} does. One
 * fetcher serves all sources, so a host's circuit breaker spans them.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description =
        "Pull each source of a YAML list on its schedule (in this process), recording every pull,"
            + " snapshot and source.* finding in the ledger. --once pulls each due source once and"
            + " exits.")
public final class WatchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SOURCES.YAML", description = "The list of sources.")
  Path file;

  @Option(
      names = "--once",
      description = "Pull every source that is due once, then exit (3 when a pull failed).")
  boolean once;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Where snapshots are kept (default: the file's 'data', $SIGNALCHECK_DATA, else ~/.signalcheck/sources).")
  Path data;

  @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

  static Clock clock = Clock.systemUTC();

  /** A source of the list, ready to pull. */
  record Planned(SourceFetch.Request request, Duration every) {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    WatchList list = WatchList.read(file);
    Path dataDir =
        data != null
            ? data
            : list.data() != null
                ? Path.of(list.data())
                : SourceOptions.dataDir(null, System.getenv());
    List<Planned> plan = new ArrayList<>();
    for (WatchList.Entry e : list.sources()) {
      plan.add(plan(e, dataDir));
    }
    Fetcher fetcher = new Fetcher();
    SourceFetch fetch = new SourceFetch(fetcher, clock);
    Map<String, Instant> lastPull = new LinkedHashMap<>();
    int failed = 0;
    try (Ledger l = Ledger.open(LedgerLocations.resolve(ledger.ledger))) {
      SourceLedger store = new SourceLedger(l);
      for (Planned p : plan) {
        try {
          Long id = store.sourceId(p.request().name());
          if (id != null) {
            List<SourceLedger.Pull> pulls = store.pulls(id, 1);
            if (!pulls.isEmpty()) {
              lastPull.put(p.request().name(), pulls.get(0).startedAt());
            }
          }
        } catch (java.sql.SQLException e) {
          throw new dev.signalcheck.core.errors.InputException(
              "cannot read the ledger: " + e.getMessage(), e);
        }
      }
      while (true) {
        Instant now = clock.instant();
        Instant next = null;
        for (Planned p : plan) {
          Instant last = lastPull.get(p.request().name());
          Instant due = last == null ? now : last.plus(p.every());
          if (!due.isAfter(now)) {
            SourceFetch.Result r = fetch.run(p.request(), store);
            lastPull.put(p.request().name(), now);
            if (!r.ok()) {
              failed++;
            }
            out.println(FetchCommand.pullLine(p.request().name(), r));
            for (Finding f : r.findings()) {
              out.printf(
                  Locale.ROOT, "  %-8s %-24s %s%n", f.severity().label(), f.check(), f.message());
            }
            out.flush();
            due = now.plus(p.every());
          }
          if (next == null || due.isBefore(next)) {
            next = due;
          }
        }
        if (once) {
          return failed > 0 ? Main.INPUT : Main.OK;
        }
        long ms = Math.max(1000, Duration.between(clock.instant(), next).toMillis());
        Thread.sleep(Math.min(ms, 60_000));
      }
    }
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
    return new Planned(
        new SourceFetch.Request(
            e.name(),
            SourceUrl.parse(e.url()),
            format,
            s,
            input,
            step,
            e.maxDelay() == null ? null : Durations.parse(e.maxDelay(), "maxDelay"),
            dataDir,
            e.records()),
        every);
  }
}
