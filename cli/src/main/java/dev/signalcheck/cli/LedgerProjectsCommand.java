package dev.signalcheck.cli;

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

/** {@code signalcheck ledger projects}: every project on one scale. */
@Command(
    name = "projects",
    mixinStandardHelpOptions = true,
    description =
        "Every project on one scale: runs, series, share with strong/weak/no signal, quartiles of"
            + " the best MASE and of skill, latest run; beside the reference populations.")
public final class LedgerProjectsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

  @Option(names = "--json", description = "One JSON document on standard output.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return ledger.with(
        l -> {
          List<LedgerQueries.ProjectRow> ps = new LedgerQueries(l).projects();
          if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LedgerQueries.ProjectRow p : ps) {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("name", p.name());
              m.put("reference", p.reference());
              m.put("runs", p.runs());
              m.put("datasets", p.datasets());
              m.put("series", p.series());
              m.put("shareStrong", p.shareStrong());
              m.put("shareWeak", p.shareWeak());
              m.put("shareNone", p.shareNone());
              m.put("shareInsufficientData", p.shareInsufficientData());
              m.put("bestMase", p.bestMase());
              m.put("skill", p.skill());
              m.put("latestRun", p.latestRun());
              m.put("latestRunAt", p.latestRunAt());
              m.put("placements", LedgerShowCommand.placementsJson(p.placements()));
              rows.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ledger", l.location().display());
            doc.put(
                "note",
                "series figures are over the latest run of each data set of a project; runs counts"
                    + " every run");
            doc.put("projects", rows);
            LedgerCommand.printJson(out, doc);
            return Main.OK;
          }
          out.printf(
              Locale.ROOT,
              "%-18s %5s %7s %6s %5s %5s %6s  %-20s  %-20s  %s%n",
              "project",
              "runs",
              "series",
              "strong",
              "weak",
              "none",
              "insuff",
              "best MASE q1/med/q3",
              "skill q1/med/q3",
              "latest run");
          for (LedgerQueries.ProjectRow p : ps) {
            out.printf(
                Locale.ROOT,
                "%-18s %5d %,7d %6s %5s %5s %6s  %-20s  %-20s  %d (%s)%n",
                LedgerText.clip(p.name() + (p.reference() ? " (ref)" : ""), 18),
                p.runs(),
                p.series(),
                LedgerText.pct(p.shareStrong()),
                LedgerText.pct(p.shareWeak()),
                LedgerText.pct(p.shareNone()),
                LedgerText.pct(p.shareInsufficientData()),
                quartiles(p.bestMase()),
                quartiles(p.skill()),
                p.latestRun(),
                LedgerText.time(p.latestRunAt()));
            for (LedgerQueries.Placement pl : p.placements()) {
              out.println("    " + LedgerCommand.sentence(pl));
            }
          }
          out.println(
              "(series figures: the latest run of each data set of a project; runs: every run)");
          out.flush();
          return Main.OK;
        });
  }

  private static String quartiles(LedgerQueries.Quartiles q) {
    if (q.n() == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f/%.2f/%.2f", q.q1(), q.median(), q.q3());
  }
}
