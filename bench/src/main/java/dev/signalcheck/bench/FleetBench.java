package dev.signalcheck.bench;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.backtest.ModelScore;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Workload W3 in one process, without file I/O: the seeded {@link Fleet} through {@link
 * DatasetAudit} (the library call every front end uses) into a sink that keeps only counts, then
 * series per second (wall and CPU), the process's CPU time, the heap's peak and the mean MASE of
 * every model (to compare settings).
 *
 * <p>usage: {@code java -Xmx1g -cp bench/target/benchmarks.jar dev.signalcheck.bench.FleetBench
 * SERIES [MODELS|-] [THREADS] [ORIGINS] [SEED]}; MODELS is a {@code --models} value ({@code -} for
 * the default); ORIGINS a number (3 unless given) or {@code auto}, the command line's default.
 * {@code FleetBench csv SERIES FILE [SEED]} writes the fleet as a CSV instead.
 */
public final class FleetBench {

  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("csv")) {
      int series = Integer.parseInt(args[1]);
      long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
      try (OutputStreamWriter w =
          new OutputStreamWriter(Files.newOutputStream(Path.of(args[2])), StandardCharsets.UTF_8)) {
        Fleet.writeCsv(series, seed, w);
      }
      return;
    }
    if (args.length < 1) {
      System.err.println("usage: FleetBench SERIES [MODELS|-] [THREADS] [ORIGINS] [SEED]");
      System.exit(2);
    }
    int series = Integer.parseInt(args[0]);
    String models = args.length > 1 && !args[1].equals("-") ? args[1] : "";
    int threads =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    int origins =
        args.length <= 3
            ? 3
            : args[3].equals("auto") ? AuditSettings.AUTO_ORIGINS : Integer.parseInt(args[3]);
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
    List<String> names =
        models.isEmpty() ? List.of() : Arrays.asList(models.toLowerCase(Locale.ROOT).split(","));
    AuditSettings settings =
        new AuditSettings(null, null, null, origins, names, null, null, null, List.of());
    Counts counts = new Counts();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    AuditEnd end =
        DatasetAudit.run(
            new Fleet(series, seed),
            settings,
            counts,
            new DatasetAudit.Options(threads, List.of()));
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "fleet: %d series, %d rows, models %s, %s origins, %d threads%n",
        counts.series,
        end.statistics().rows(),
        models.isEmpty() ? "(default)" : models,
        origins == AuditSettings.AUTO_ORIGINS ? "auto" : String.valueOf(origins),
        threads);
    System.out.printf(
        Locale.ROOT,
        "wall %.2f s, %.1f series/s; process CPU %.2f s, %.1f series per CPU second%n",
        wall,
        counts.series / wall,
        cpu,
        counts.series / cpu);
    System.out.printf(
        Locale.ROOT,
        "heap: max %d MB, sum of pool peaks %d MB (an upper bound of the peak)%n",
        Runtime.getRuntime().maxMemory() >> 20,
        peak >> 20);
    System.out.println("verdicts " + counts.verdicts);
    System.out.println("best models " + counts.best);
    for (Map.Entry<String, double[]> e : counts.mase.entrySet()) {
      double[] v = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "  %-15s mean MASE %.5f over %d series, skipped %d%n",
          e.getKey(),
          v[0] / v[1],
          (long) v[1],
          (long) v[2]);
    }
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  /** Keeps counts only, so the audit's memory is what it holds in flight. */
  static final class Counts implements ResultSink {
    long series;
    final Map<String, Long> verdicts = new TreeMap<>();
    final Map<String, Long> best = new TreeMap<>();
    final Map<String, double[]> mase = new TreeMap<>();

    @Override
    public void series(SeriesResult r) {
      series++;
      verdicts.merge(
          r.verdict() == null ? "none" : String.valueOf(r.verdict().signal()), 1L, Long::sum);
      if (r.backtest() != null && r.backtest().best() != null) {
        best.merge(r.backtest().best(), 1L, Long::sum);
      }
      if (r.backtest() != null) {
        for (ModelScore s : r.backtest().models()) {
          double[] v = mase.computeIfAbsent(s.name(), k -> new double[3]);
          if (s.skipped() || !Double.isFinite(s.mase())) {
            v[2]++;
          } else {
            v[0] += s.mase();
            v[1]++;
          }
        }
      }
    }
  }
}
