package dev.signalcheck.bench;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the fleet's time goes by kind of series: the seeded {@link Fleet} through {@link
 * DatasetAudit} on one worker thread, each series timed from the previous result to its own (one
 * thread audits one series at a time, so that is its audit), the first fifth of the fleet left out
 * as the JIT's warm-up. Prints the mean milliseconds per series of each kind.
 *
 * <p>usage: {@code java -Xmx1g -cp bench/target/benchmarks.jar dev.signalcheck.bench.FleetKinds
 * SERIES [MODELS|-] [SEED]}; automatic origins, as the command line's default.
 */
public final class FleetKinds {

  private FleetKinds() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: FleetKinds SERIES [MODELS|-] [SEED]");
      System.exit(2);
    }
    int series = Integer.parseInt(args[0]);
    List<String> names =
        args.length < 2 || args[1].equals("-")
            ? List.of()
            : Arrays.asList(args[1].toLowerCase(Locale.ROOT).split(","));
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    AuditSettings settings =
        new AuditSettings(
            null, null, null, AuditSettings.AUTO_ORIGINS, names, null, null, null, List.of());
    int kinds = Fleet.KINDS.size();
    double[] millis = new double[kinds];
    int[] counted = new int[kinds];
    ResultSink sink =
        new ResultSink() {
          private long last = System.nanoTime();

          @Override
          public void series(SeriesResult r) {
            long now = System.nanoTime();
            // ids are "s" + six digits + "-" + kind (Fleet.id)
            int i = Integer.parseInt(r.id().substring(1, 7));
            if (i >= series / 5) {
              millis[i % kinds] += (now - last) / 1e6;
              counted[i % kinds]++;
            }
            last = now;
          }
        };
    DatasetAudit.run(
        new Fleet(series, seed), settings, sink, new DatasetAudit.Options(1, List.of()));
    double all = 0;
    int n = 0;
    for (int k = 0; k < kinds; k++) {
      System.out.printf(
          Locale.ROOT,
          "%-15s %6d series %9.2f ms per series%n",
          Fleet.KINDS.get(k),
          counted[k],
          counted[k] == 0 ? Double.NaN : millis[k] / counted[k]);
      all += millis[k];
      n += counted[k];
    }
    System.out.printf(
        Locale.ROOT,
        "all             %6d series %9.2f ms per series (one thread)%n",
        n,
        all / Math.max(1, n));
  }
}
