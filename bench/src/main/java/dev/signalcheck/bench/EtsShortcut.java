package dev.signalcheck.bench;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.forecast.ets.AutoEts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * What the backtest's shortcut for automatic ETS costs in accuracy: the rolling-origin backtest of
 * {@code ets} on real series, once exact (every origin fitted afresh over all forms, as {@code
 * forecast::ets} would) and once as the audit runs it ({@link AutoEts#forOrigins()}: form chosen at
 * the earliest origin, seasonal forms only when the season shows, warm starts), with mean MASE and
 * the CPU time of each.
 *
 * <p>usage: {@code EtsShortcut M4DIR M3DIR [ORIGINS] [LIMIT] [SETS]} where M4DIR holds {@code
 * Hourly-train.csv.gz} and {@code Hourly-test.csv.gz} and M3DIR {@code
 * M3_{quarterly,yearly}_TSTS.csv.gz}; LIMIT (default all) takes the first series of each set; SETS
 * (default {@code m4,m3}) chooses the sets; MODEL (default {@code ets}) is any registered model:
 * exact is that model fitted afresh at every origin, audit its own way over origins ({@link
 * Forecaster#forOrigins()}, e.g. warm starts).
 *
 * <p>usage with a model: {@code EtsShortcut M4DIR M3DIR ORIGINS LIMIT SETS MODEL} (LIMIT {@code
 * all} for every series).
 */
public final class EtsShortcut {

  /**
   * {@code -Dtail=L}: each M4 Hourly series cut to its last L points (e.g. 247 with 3 origins: the
   * training windows 103, 151 and 199, the range between the short-window search and the choice
   * made once).
   */
  private static final int TAIL = Integer.getInteger("tail", 0);

  /** The model compared (a registered name). */
  private static String model = "ets";

  public static void main(String[] args) throws IOException {
    Path m4 = Path.of(args[0]);
    Path m3 = Path.of(args[1]);
    int origins = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int limit =
        args.length > 3 && !args[3].equals("all") ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
    String sets = args.length > 4 ? args[4] : "m4,m3";
    model = args.length > 5 ? args[5] : "ets";
    List<double[]> hourly = sets.contains("m4") ? joined(m4, "Hourly", limit) : List.of();
    System.out.printf(
        Locale.ROOT,
        "%-14s %6s %12s %12s %9s %10s %10s %8s%n",
        "set",
        "series",
        "MASE exact",
        "MASE audit",
        "change",
        "CPU exact",
        "CPU audit",
        "forms ≠");
    if (!hourly.isEmpty()) {
      run("M4 Hourly", hourly, 48, 24, origins);
    }
    if (sets.contains("weekly")) {
      run("M4 Weekly", joined(m4, "Weekly", limit), 13, 52, origins);
    }
    if (!sets.contains("m3")) {
      return;
    }
    run(
        "M3 quarterly",
        first(readTsts(m3.resolve("M3_quarterly_TSTS.csv.gz")), limit),
        8,
        4,
        origins);
    run("M3 yearly", first(readTsts(m3.resolve("M3_yearly_TSTS.csv.gz")), limit), 6, 1, origins);
  }

  /** An M4 set's training and test parts joined, each cut to its last {@code -Dtail} points. */
  private static List<double[]> joined(Path m4, String set, int limit) throws IOException {
    Map<String, double[]> tr = M4Protocol.readWide(M4Protocol.find(m4, set + "-train.csv"));
    Map<String, double[]> te = M4Protocol.readWide(M4Protocol.find(m4, set + "-test.csv"));
    List<double[]> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : tr.entrySet()) {
      if (out.size() == limit) {
        break;
      }
      double[] a = e.getValue();
      double[] b = te.get(e.getKey());
      double[] y = new double[a.length + b.length];
      System.arraycopy(a, 0, y, 0, a.length);
      System.arraycopy(b, 0, y, a.length, b.length);
      if (TAIL > 0 && y.length > TAIL) {
        y = java.util.Arrays.copyOfRange(y, y.length - TAIL, y.length);
      }
      out.add(y);
    }
    return out;
  }

  private static List<double[]> first(List<double[]> all, int limit) {
    return all.size() <= limit ? all : all.subList(0, limit);
  }

  /**
   * {@code -Dexact=skip}: only the audit's way (exact column NaN), for comparing variants of it.
   */
  private static final boolean skipExact = "skip".equals(System.getProperty("exact"));

  private static void run(String name, List<double[]> series, int h, int m, int origins) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    RollingOriginBacktest bt = new RollingOriginBacktest(h, origins);
    double exact = 0;
    double audit = 0;
    int count = 0;
    int differ = 0;
    long cpuExact = 0;
    long cpuAudit = 0;
    for (double[] y : series) {
      long c0 = cpu.getCurrentThreadCpuTime();
      ModelScore e = skipExact ? null : only(bt.run(y, m, List.of(exact())));
      long c1 = cpu.getCurrentThreadCpuTime();
      ModelScore a = only(bt.run(y, m, List.of(ModelRegistry.defaults().create(model))));
      long c2 = cpu.getCurrentThreadCpuTime();
      cpuExact += c1 - c0;
      cpuAudit += c2 - c1;
      if (a == null || !Double.isFinite(a.mase())) {
        continue;
      }
      if (skipExact) {
        audit += a.mase();
        count++;
        continue;
      }
      if (e == null || !Double.isFinite(e.mase())) {
        continue;
      }
      exact += e.mase();
      audit += a.mase();
      count++;
      if (!e.description().equals(a.description())) {
        differ++;
      }
    }
    exact /= count;
    audit /= count;
    System.out.printf(
        Locale.ROOT,
        "%-14s %6d %12.4f %12.4f %+8.2f%% %9.1fs %9.1fs %8d%n",
        name,
        count,
        exact,
        audit,
        100 * (audit / exact - 1),
        cpuExact / 1e9,
        cpuAudit / 1e9,
        differ);
  }

  private static ModelScore only(BacktestResult r) {
    return r.insufficientData() || r.models().isEmpty() || r.models().get(0).skipped()
        ? null
        : r.models().get(0);
  }

  /** The model fitted afresh at every origin: the method without its backtest shortcut. */
  private static Forecaster exact() {
    Forecaster ets = ModelRegistry.defaults().create(model);
    return new Forecaster() {
      @Override
      public String name() {
        return ets.name();
      }

      @Override
      public Fitted fit(double[] y, int m) {
        return ets.fit(y, m);
      }
    };
  }

  /** The long M3 files: "series_id","category","value","timestamp", rows in time order. */
  static List<double[]> readTsts(Path file) throws IOException {
    Map<String, List<Double>> by = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",");
        by.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
      }
    }
    List<double[]> out = new ArrayList<>();
    for (List<Double> v : by.values()) {
      out.add(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return out;
  }
}
