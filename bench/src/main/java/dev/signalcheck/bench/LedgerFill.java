package dev.signalcheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import dev.signalcheck.ledger.RunRecorder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills a ledger for the scale benchmark: RUNS runs of SERIES series each, spread over 20 projects
 * and 25 data sets per project, recorded through {@link RunRecorder} (the path every audit takes).
 * Each series has two models (seasonal-naive and ets) with MASE, sMAPE and RMSSE, and one finding
 * on every fourth series. Seeded: the same arguments give the same ledger.
 *
 * <p>usage: {@code java -cp bench/target/benchmarks.jar dev.signalcheck.bench.LedgerFill URL RUNS
 * SERIES}
 */
public final class LedgerFill {
  private static final List<String> VERDICTS =
      List.of("strong", "weak", "none", "insufficient-data");

  private LedgerFill() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: LedgerFill URL RUNS SERIES");
      System.exit(2);
    }
    LedgerLocation loc = LedgerLocation.resolve(args[0], System.getenv(), Path.of("."));
    int runs = Integer.parseInt(args[1]);
    int perRun = Integer.parseInt(args[2]);
    ObjectMapper m = new ObjectMapper();
    Random r = new Random(42);
    long t0 = System.nanoTime();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    try (Ledger l = Ledger.open(loc)) {
      for (int run = 0; run < runs; run++) {
        int project = run % 20;
        int dataset = r.nextInt(25);
        RunRecorder rec =
            new RunRecorder(
                l,
                "project-" + project,
                new RunRecorder.Provenance(
                    "audit",
                    String.format("%064x", (long) run),
                    1_000_000L + dataset,
                    List.of("id", "time", "value"),
                    m.valueToTree(Map.of("run", run)),
                    "bench",
                    start.plusSeconds(60L * run)));
        ObjectNode header = m.createObjectNode();
        header.put("schemaVersion", 1);
        header.putObject("generator").put("name", "signalcheck").put("version", "bench");
        header.putObject("settings").put("origins", 3);
        rec.begin(header);
        long[] verdicts = new long[4];
        for (int s = 0; s < perRun; s++) {
          ObjectNode n = m.createObjectNode();
          n.put("id", String.format("s%03d", s));
          n.put("target", "value");
          n.put("n", 700 + r.nextInt(300));
          n.putObject("frequency").put("step", "PT1H").put("season", 24);
          ObjectNode bt = n.putObject("backtest");
          bt.put("horizon", 48).put("origins", 3).put("season", 24);
          bt.put("baseline", "seasonal-naive").put("best", "ets");
          ArrayNode models = bt.putArray("models");
          double base = 0.5 + r.nextDouble();
          double best = base * (0.7 + 0.4 * r.nextDouble());
          for (String model : List.of("seasonal-naive", "ets")) {
            double mase = model.equals("ets") ? best : base;
            ObjectNode mo = models.addObject();
            mo.put("name", model)
                .put("baseline", model.equals("seasonal-naive"))
                .put("skipped", false);
            mo.put("mase", mase).put("smape", 10 * mase).put("rmsse", 1.2 * mase);
          }
          String verdict = VERDICTS.get(r.nextInt(4));
          verdicts[VERDICTS.indexOf(verdict)]++;
          ObjectNode v = n.putObject("verdict");
          v.put("signal", verdict)
              .put("skill", 1 - best / base)
              .put("predictability", r.nextDouble());
          v.putObject("expected").put("mase", best);
          ArrayNode f = n.putArray("findings");
          if (s % 4 == 0) {
            ObjectNode fi = f.addObject();
            fi.put("check", "time.gap")
                .put("severity", "warning")
                .put("category", "data-collection");
            fi.put("message", "1 gap").put("count", 1);
          }
          rec.series(n);
        }
        ObjectNode input = m.createObjectNode();
        input
            .put("source", "dataset-" + project + "-" + dataset + ".csv")
            .put("rows", 800L * perRun);
        ObjectNode summary = m.createObjectNode();
        summary.put("series", perRun);
        ObjectNode vs = summary.putObject("verdicts");
        for (int i = 0; i < 4; i++) {
          vs.put(VERDICTS.get(i), verdicts[i]);
        }
        rec.end(input, summary, m.createArrayNode(), 0, 1000L);
        if ((run + 1) % 500 == 0) {
          System.err.printf(
              "%d runs, %d series, %.0f s%n",
              run + 1, (long) (run + 1) * perRun, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    System.err.printf(
        "filled %s: %d runs, %d series in %.1f s%n",
        loc.display(), runs, (long) runs * perRun, (System.nanoTime() - t0) / 1e9);
  }
}
