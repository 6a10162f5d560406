package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.LedgerQueries;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signalcheck ledger compare RUN_A RUN_B}: what changed between two audits. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Two runs: verdicts that changed, MASE per series and model (only under the same metric"
            + " definition), findings new and gone.")
public final class LedgerCompareCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LedgerCommand.Options ledger = new LedgerCommand.Options();

  @Parameters(
      index = "0",
      paramLabel = "RUN_A",
      description = "The earlier run: an id or 'latest'.")
  String a;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "The later run: an id or 'latest'.")
  String b;

  @Option(names = "--project", paramLabel = "P", description = "With 'latest': of this project.")
  String project;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Lines per section on the console (default: ${DEFAULT-VALUE}; --json has all).")
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
          LedgerQueries.RunRow ra = q.resolve(a, project);
          LedgerQueries.RunRow rb = q.resolve(b, project);
          LedgerQueries.Comparison c = q.compare(ra, rb);
          if (json) {
            LedgerCommand.printJson(out, c);
            return Main.OK;
          }
          out.printf(
              Locale.ROOT,
              "run %d (%s, %s) → run %d (%s, %s)%n",
              ra.id(),
              ra.source(),
              LedgerText.time(ra.startedAt()),
              rb.id(),
              rb.source(),
              LedgerText.time(rb.startedAt()));
          out.printf(
              Locale.ROOT,
              "%,d series in both, %,d only in run %d, %,d only in run %d%n",
              c.seriesInBoth(),
              c.onlyInA().size(),
              ra.id(),
              c.onlyInB().size(),
              rb.id());
          out.printf(Locale.ROOT, "%nverdicts changed: %d%n", c.verdictChanges().size());
          int i = 0;
          for (LedgerQueries.VerdictChange v : c.verdictChanges()) {
            if (i++ >= limit) {
              break;
            }
            out.printf(
                Locale.ROOT,
                "  %-24s %s → %s (skill %s → %s)%n",
                LedgerText.clip(v.series(), 24),
                v.from(),
                v.to(),
                LedgerText.num(v.skillFrom()),
                LedgerText.num(v.skillTo()));
          }
          List<LedgerQueries.MaseDelta> deltas = new ArrayList<>(c.maseDeltas());
          deltas.sort(
              Comparator.comparingDouble((LedgerQueries.MaseDelta d) -> -Math.abs(d.delta())));
          out.printf(
              Locale.ROOT,
              "%nMASE per series and model, same definition: %,d pairs (largest changes first)%n",
              deltas.size());
          i = 0;
          for (LedgerQueries.MaseDelta d : deltas) {
            if (i++ >= limit) {
              break;
            }
            out.printf(
                Locale.ROOT,
                "  %-24s %-14s %s → %s (%s)%n",
                LedgerText.clip(d.series(), 24),
                d.model(),
                LedgerText.num(d.a()),
                LedgerText.num(d.b()),
                LedgerText.signed(d.delta()));
          }
          if (!c.notComparable().isEmpty()) {
            out.printf(
                Locale.ROOT,
                "%nnot compared (the MASE definitions differ): %d series%n",
                c.notComparable().size());
            i = 0;
            for (LedgerQueries.NotComparable n : c.notComparable()) {
              if (i++ >= limit) {
                break;
              }
              out.printf(
                  Locale.ROOT,
                  "  %-24s %s vs %s%n",
                  LedgerText.clip(n.series(), 24),
                  n.a().describe(),
                  n.b().describe());
            }
          }
          section(out, "findings new", c.newFindings());
          section(out, "findings gone", c.goneFindings());
          out.flush();
          return Main.OK;
        });
  }

  private void section(PrintWriter out, String title, List<LedgerQueries.FindingChange> fs) {
    out.printf(Locale.ROOT, "%n%s: %d%n", title, fs.size());
    int i = 0;
    for (LedgerQueries.FindingChange f : fs) {
      if (i++ >= limit) {
        break;
      }
      out.printf(
          Locale.ROOT,
          "  %-24s %s %s%s%n",
          f.series() == null ? "(dataset)" : LedgerText.clip(f.series(), 24),
          f.severity(),
          f.check(),
          f.count() == null ? "" : " ×" + f.count());
    }
  }
}
