package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.LedgerQueries;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code signalcheck ledger runs}: recorded runs, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "Recorded runs, newest first.")
public final class LedgerRunsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

  @Option(names = "--project", paramLabel = "P", description = "Only this project's runs.")
  String project;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only runs started on or after DATE (2026-12-01, or an instant in UTC).")
  String since;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--offset",
      paramLabel = "N",
      defaultValue = "0",
      description = "Skip the N newest (paging).")
  int offset;

  @Option(names = "--json", description = "One JSON document on standard output.")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1, not " + limit);
    }
    if (offset < 0) {
      throw new UsageException("--offset must be 0 or more, not " + offset);
    }
    Instant from = since == null ? null : since(since);
    PrintWriter out = spec.commandLine().getOut();
    return ledger.with(
        l -> {
          LedgerQueries q = new LedgerQueries(l);
          if (project != null && !q.projectExists(project)) {
            throw new UsageException(
                "no project '"
                    + project
                    + "' in the ledger "
                    + l.location().display()
                    + "; 'signalcheck ledger projects' lists them");
          }
          List<LedgerQueries.RunRow> runs = q.runs(project, from, limit, offset);
          if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ledger", l.location().display());
            doc.put("project", project);
            doc.put("since", from);
            doc.put("limit", limit);
            doc.put("offset", offset);
            doc.put("runs", runs);
            LedgerCommand.printJson(out, doc);
            return Main.OK;
          }
          if (runs.isEmpty()) {
            out.println(
                "no runs in the ledger "
                    + l.location().display()
                    + (project == null ? "" : " for project '" + project + "'"));
            out.flush();
            return Main.OK;
          }
          out.printf(
              Locale.ROOT,
              "%6s  %-19s  %-16s %7s %7s %5s %5s %6s %5s %5s  %s%n",
              "run",
              "started (UTC)",
              "project",
              "series",
              "strong",
              "weak",
              "none",
              "insuff",
              "crit",
              "warn",
              "input");
          for (LedgerQueries.RunRow r : runs) {
            out.printf(
                Locale.ROOT,
                "%6d  %-19s  %-16s %,7d %7d %5d %5d %6d %5d %5d  %s%n",
                r.id(),
                LedgerText.time(r.startedAt()),
                LedgerText.clip(r.project(), 16),
                r.series(),
                r.strong(),
                r.weak(),
                r.none(),
                r.insufficientData(),
                r.critical(),
                r.warning(),
                r.source());
          }
          if (runs.size() == limit) {
            out.println("(more with --offset " + (offset + limit) + ")");
          }
          out.flush();
          return Main.OK;
        });
  }

  static Instant since(String s) {
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        throw new UsageException(
            "--since '" + s + "' is not a date (2026-12-01) or an instant (2026-12-01T09:00:00Z)");
      }
    }
  }
}
