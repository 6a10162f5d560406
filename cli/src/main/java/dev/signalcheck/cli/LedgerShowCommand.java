package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.LedgerQueries;
import java.io.PrintWriter;
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

/** {@code signalcheck ledger show RUN}: one run's summary, series and verdicts. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "One run: summary, series with their verdicts, findings, and its place beside the"
            + " reference populations.")
public final class LedgerShowCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

  @Parameters(index = "0", paramLabel = "RUN", description = "A run id, or 'latest'.")
  String run;

  @Option(names = "--project", paramLabel = "P", description = "With 'latest': of this project.")
  String project;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "Series listed on the console (default: ${DEFAULT-VALUE}; --json has all).")
  int limit;

  @Option(names = "--json", description = "One JSON document on standard output.")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw new UsageException("--limit must be 0 or more, not " + limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    return ledger.with(
        l -> {
          LedgerQueries q = new LedgerQueries(l);
          LedgerQueries.RunRow r = q.resolve(run, project);
          List<LedgerQueries.SeriesRow> series = q.series(r.id());
          List<LedgerQueries.FindingRow> findings = q.findings(r.id());
          List<LedgerQueries.Placement> placements = q.placements(r.id());
          if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ledger", l.location().display());
            doc.put("run", r);
            doc.put("placements", placementsJson(placements));
            doc.put("series", series);
            doc.put("findings", findings);
            LedgerCommand.printJson(out, doc);
            return Main.OK;
          }
          out.printf(
              Locale.ROOT,
              "run %d · project %s%s · %s UTC · signalcheck %s · %s%n",
              r.id(),
              r.project(),
              r.reference() ? " (reference)" : "",
              LedgerText.time(r.startedAt()),
              r.toolVersion(),
              r.exitStatus() == null ? r.origin() : "exit " + r.exitStatus());
          out.printf(
              Locale.ROOT,
              "input %s%s%s · settings %s%s%s%n",
              r.source(),
              r.sizeBytes() == null
                  ? ""
                  : String.format(Locale.ROOT, " (%,d bytes)", r.sizeBytes()),
              r.sha256() == null ? "" : " sha256 " + r.sha256().substring(0, 12) + "…",
              r.settingsHash().substring(0, 12) + "…",
              r.osUser() == null ? "" : " · by " + r.osUser(),
              r.durationMs() == null
                  ? ""
                  : String.format(Locale.ROOT, " · %.1f s", r.durationMs() / 1000.0));
          out.printf(
              Locale.ROOT,
              "%,d series: strong %d, weak %d, none %d, insufficient data %d · findings: critical %d, warning %d, info %d%n",
              r.series(),
              r.strong(),
              r.weak(),
              r.none(),
              r.insufficientData(),
              r.critical(),
              r.warning(),
              r.info());
          for (LedgerQueries.Placement p : placements) {
            out.println(LedgerCommand.sentence(p));
          }
          out.println();
          out.printf(
              Locale.ROOT,
              "%-24s %8s %6s %6s %-17s %7s %-14s %9s  %s%n",
              "series",
              "n",
              "season",
              "horiz",
              "verdict",
              "skill",
              "best model",
              "best MASE",
              "worst finding");
          int shown = 0;
          for (LedgerQueries.SeriesRow s : series) {
            if (shown++ >= limit) {
              out.printf(
                  Locale.ROOT, "… %,d more (--limit, or --json for all)%n", series.size() - limit);
              break;
            }
            out.printf(
                Locale.ROOT,
                "%-24s %,8d %6s %6s %-17s %7s %-14s %9s  %s%n",
                LedgerText.clip(s.id(), 24),
                s.n() == null ? 0 : s.n(),
                s.season() == null ? "-" : s.season(),
                s.horizon() == null ? "-" : s.horizon(),
                s.verdict() == null ? "-" : s.verdict(),
                LedgerText.num(s.skill()),
                LedgerText.clip(s.bestModel(), 14),
                LedgerText.num(s.bestMase()),
                s.worstSeverity() == null ? "-" : s.worstSeverity());
          }
          List<LedgerQueries.FindingRow> dataset = new ArrayList<>();
          for (LedgerQueries.FindingRow f : findings) {
            if (f.series() == null) {
              dataset.add(f);
            }
          }
          if (!dataset.isEmpty()) {
            out.println();
            out.println("dataset findings:");
            for (LedgerQueries.FindingRow f : dataset) {
              out.println("  " + f.severity() + " " + f.check() + ": " + f.message());
            }
          }
          out.flush();
          return Main.OK;
        });
  }

  /** Placements with their sentence, as the console prints it. */
  static List<Map<String, Object>> placementsJson(List<LedgerQueries.Placement> ps) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LedgerQueries.Placement p : ps) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("definition", p.definition());
      m.put("series", p.series());
      m.put("medianBestMase", p.medianBestMase());
      m.put("population", p.population());
      m.put("populationSeries", p.populationSeries());
      m.put("betterThan", p.betterThan());
      m.put("sentence", LedgerCommand.sentence(p));
      out.add(m);
    }
    return out;
  }
}
