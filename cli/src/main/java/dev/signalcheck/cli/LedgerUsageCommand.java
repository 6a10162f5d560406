package dev.signalcheck.cli;

import dev.signalcheck.ledger.Usage;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code signalcheck ledger usage}: who comes back, per project and per run. */
@Command(
    name = "usage",
    mixinStandardHelpOptions = true,
    description =
        "Usage recorded in the ledger (audits, API calls, report views): per project and per run,"
            + " events, views, distinct actors, repeat actors (active on at least two days), first"
            + " and last use; events per week.")
public final class LedgerUsageCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

  @Option(names = "--project", paramLabel = "NAME", description = "Only this project.")
  String project;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only events since this date (2026-12-01) or instant.")
  String since;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many runs to list, most recently used first (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--json", description = "One JSON document on standard output.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Instant from = since == null ? null : LedgerRunsCommand.since(since);
    if (runs < 0) {
      throw new dev.signalcheck.core.errors.UsageException("--runs must be 0 or more, not " + runs);
    }
    return ledger.with(
        l -> {
          Usage.Report r = Usage.report(l, project, from, runs);
          if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ledger", l.location().display());
            doc.put("project", project);
            doc.put("since", from);
            doc.put("events", r.events());
            doc.put("actors", r.actors());
            doc.put("repeatActors", r.repeatActors());
            doc.put("projects", r.projects());
            doc.put("runs", r.runs());
            doc.put("weeks", r.weeks());
            LedgerCommand.printJson(out, doc);
            return Main.OK;
          }
          out.printf(
              Locale.ROOT,
              "%d events by %d actors, %d of them repeat actors (active on two days or more)%n",
              r.events(),
              r.actors(),
              r.repeatActors());
          out.println();
          out.printf(
              Locale.ROOT,
              "%-20s %7s %6s %7s %7s  %-19s  %-19s%n",
              "project",
              "events",
              "views",
              "actors",
              "repeat",
              "first use (UTC)",
              "last use (UTC)");
          for (Usage.Stats s : r.projects()) {
            out.printf(
                Locale.ROOT,
                "%-20s %7d %6d %7d %7d  %-19s  %-19s%n",
                LedgerText.clip(s.project(), 20),
                s.events(),
                s.views(),
                s.actors(),
                s.repeatActors(),
                LedgerText.time(s.first()),
                LedgerText.time(s.last()));
          }
          if (!r.runs().isEmpty()) {
            out.println();
            out.printf(
                Locale.ROOT,
                "%6s %-20s %7s %6s %7s %7s  %-19s  %s%n",
                "run",
                "project",
                "events",
                "views",
                "actors",
                "repeat",
                "last use (UTC)",
                "");
            for (Usage.Stats s : r.runs()) {
              out.printf(
                  Locale.ROOT,
                  "%6d %-20s %7d %6d %7d %7d  %-19s  %s%n",
                  s.runId(),
                  LedgerText.clip(s.project(), 20),
                  s.events(),
                  s.views(),
                  s.actors(),
                  s.repeatActors(),
                  LedgerText.time(s.last()),
                  s.views() == 0 ? "never viewed" : s.views() == 1 ? "viewed once" : "");
            }
          }
          if (!r.weeks().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%-10s %7s %6s %7s%n", "week of", "events", "views", "actors");
            for (Usage.Week w : r.weeks()) {
              out.printf(
                  Locale.ROOT, "%-10s %7d %6d %7d%n", w.week(), w.events(), w.views(), w.actors());
            }
          }
          out.flush();
          return Main.OK;
        });
  }
}
