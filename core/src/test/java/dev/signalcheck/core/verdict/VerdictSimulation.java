package dev.signalcheck.core.verdict;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.forecast.ModelRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * How often the verdict calls a series weak or strong, on series whose answer is known (seeded), at
 * the settings a daily series gets by default: season 7, horizon 14, all models, origins {@code
 * auto} (as many as fit, up to 30) or a fixed number. The backtest and verdict are those of the
 * audit ({@link RollingOriginBacktest}, {@link VerdictRules}).
 *
 * <p>Run: {@code java -cp core/target/classes:core/target/test-classes:$(cat cp.txt)
 * dev.signalcheck.core.verdict.VerdictSimulation [count] [origins] [kinds] [seed] [models]
 * [lengths]}, e.g. {@code 1000 auto rw,wn,garch,fin,ar1,seasonal,trend 1 -ets 250+500+750+1000};
 * models {@code all}, {@code -ets} (all but ets) or {@code naive+ar}; {@code m4} as the kind times
 * the backtest and verdict on the M4 Hourly sample in testdata. See docs/verdict.md.
 */
public final class VerdictSimulation {
  static final int SEASON = 7;
  static final int HORIZON = 14;
  static final int CAP = 30;
  static int[] lengths = {250, 500, 750, 1000};

  private VerdictSimulation() {}

  /** Counts of each signal. */
  record Tally(Map<Signal, Integer> counts, int total, double seconds) {
    double called() {
      return (counts.getOrDefault(Signal.WEAK, 0) + counts.getOrDefault(Signal.STRONG, 0))
          / (double) total;
    }
  }

  /** The origins for a series of n points: a number, or auto (as many as fit, up to 30). */
  static int origins(String mode, int n, int m, int h) {
    if (!mode.equals("auto")) {
      return Integer.parseInt(mode);
    }
    // as RollingOriginBacktest.autoOrigins (repeated here so that this main also runs against
    // builds without it): the first origin trains on at least a third of the series
    int first = Math.max(RollingOriginBacktest.minimumTrainingLength(m), (n + 2) / 3);
    return Math.max(1, Math.min(CAP, (n - first) / h));
  }

  /** The models to run: all, or all but those named after a minus ({@code -ets}). */
  static String models = "all";

  static List<dev.signalcheck.core.forecast.Forecaster> models() {
    ModelRegistry reg = ModelRegistry.defaults();
    if (models.equals("all")) {
      return reg.all();
    }
    List<String> names = new ArrayList<>(reg.names());
    if (models.startsWith("-")) {
      names.removeAll(List.of(models.substring(1).split("\\+")));
    } else {
      names = List.of(models.split("\\+"));
    }
    return reg.select(names);
  }

  static Signal judge(double[] y, int m, int h, String originMode) {
    BacktestResult r =
        new RollingOriginBacktest(h, origins(originMode, y.length, m, h)).run(y, m, models());
    return VerdictRules.judge(r).signal();
  }

  /** Series {@code i} of a kind, seeded by kind, seed and i. */
  static double[] series(String kind, long seed, int i) {
    Random rnd = new Random(seed * 1_000_003L + i * 7919L + kind.hashCode());
    int n = lengths[i % lengths.length];
    double[] y = new double[n];
    switch (kind) {
      case "rw" -> {
        double level = 100;
        for (int t = 0; t < n; t++) {
          level += rnd.nextGaussian();
          y[t] = level;
        }
      }
      case "wn" -> {
        for (int t = 0; t < n; t++) {
          y[t] = 50 + 5 * rnd.nextGaussian();
        }
      }
      case "garch" -> {
        // GARCH(1,1) daily returns (omega, alpha, beta as fitted to stock indices), as prices
        double omega = 2e-6, alpha = 0.08, beta = 0.9;
        double var = omega / (1 - alpha - beta);
        double r = 0;
        double logp = Math.log(1000);
        for (int t = 0; t < n; t++) {
          var = omega + alpha * r * r + beta * var;
          r = Math.sqrt(var) * rnd.nextGaussian();
          logp += r;
          y[t] = Math.exp(logp);
        }
      }
      case "ar1" -> {
        double x = 0;
        for (int t = 0; t < n; t++) {
          x = 0.85 * x + rnd.nextGaussian();
          y[t] = 20 + x;
        }
      }
      case "seasonal" -> {
        // a weekly pattern of random shape and strength plus noise
        double[] pattern = new double[SEASON];
        double amp = 0.3 + 2.7 * rnd.nextDouble();
        for (int k = 0; k < SEASON; k++) {
          pattern[k] = amp * rnd.nextGaussian();
        }
        for (int t = 0; t < n; t++) {
          y[t] = 50 + pattern[t % SEASON] + rnd.nextGaussian();
        }
      }
      case "trend" -> {
        // a linear trend of random slope plus noise
        double slope = 0.01 + 0.1 * rnd.nextDouble();
        for (int t = 0; t < n; t++) {
          y[t] = 10 + slope * t + rnd.nextGaussian();
        }
      }
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    }
    return y;
  }

  /** Windows of the four EuStockMarkets closes: 500 and 1,000 days, every 50 days, and whole. */
  static List<double[]> financial() {
    List<double[]> cols = eustockmarkets();
    List<double[]> out = new ArrayList<>();
    for (double[] c : cols) {
      out.add(c);
      for (int len : new int[] {500, 1000}) {
        for (int from = 0; from + len <= c.length; from += 50) {
          out.add(java.util.Arrays.copyOfRange(c, from, from + len));
        }
      }
    }
    return out;
  }

  static List<double[]> eustockmarkets() {
    Path p = Path.of("..", "testdata", "finance", "eustockmarkets.csv");
    if (!Files.exists(p)) {
      p = Path.of("testdata", "finance", "eustockmarkets.csv");
    }
    List<List<Double>> cols = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(p)) {
      String[] head = r.readLine().split(",");
      for (int j = 1; j < head.length; j++) {
        cols.add(new ArrayList<>());
      }
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        for (int j = 1; j < f.length; j++) {
          cols.get(j - 1).add(Double.parseDouble(f[j]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cols.stream().map(c -> c.stream().mapToDouble(Double::doubleValue).toArray()).toList();
  }

  static Tally run(List<double[]> series, String originMode) {
    Map<Signal, Integer> counts = new EnumMap<>(Signal.class);
    long t0 = System.nanoTime();
    for (double[] y : series) {
      counts.merge(judge(y, SEASON, HORIZON, originMode), 1, Integer::sum);
    }
    return new Tally(counts, series.size(), (System.nanoTime() - t0) / 1e9);
  }

  static List<double[]> generate(String kind, int count, long seed) {
    if (kind.equals("fin")) {
      return financial();
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(series(kind, seed, i));
    }
    return out;
  }

  /** M4 Hourly sample: seconds for backtest and verdict of the 60 series (season 24, H 48). */
  static double m4Seconds(String originMode) throws IOException {
    Path p = Path.of("..", "testdata", "m4", "Hourly-train-first60.csv.gz");
    if (!Files.exists(p)) {
      p = Path.of("testdata", "m4", "Hourly-train-first60.csv.gz");
    }
    List<double[]> series = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p))))) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        List<Double> v = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
          String x = f[i].replace("\"", "").trim();
          if (!x.isEmpty()) {
            v.add(Double.parseDouble(x));
          }
        }
        series.add(v.stream().mapToDouble(Double::doubleValue).toArray());
      }
    }
    long t0 = System.nanoTime();
    int origins = 0;
    for (double[] y : series) {
      int k = origins(originMode, y.length, 24, 48);
      origins += k;
      VerdictRules.judge(new RollingOriginBacktest(48, k).run(y, 24, models()));
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "m4-hourly-60 origins=%s: %.1f s, %.2f series/s, %.1f origins per series%n",
        originMode,
        s,
        series.size() / s,
        origins / (double) series.size());
    return s;
  }

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    String mode = args.length > 1 ? args[1] : "auto";
    String kinds = args.length > 2 ? args[2] : "rw,wn,garch,fin,ar1,seasonal,trend";
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    models = args.length > 4 ? args[4] : "all";
    if (args.length > 5) {
      lengths = java.util.Arrays.stream(args[5].split("\\+")).mapToInt(Integer::parseInt).toArray();
    }
    for (String kind : kinds.split(",")) {
      if (kind.equals("m4")) {
        m4Seconds(mode);
        continue;
      }
      Tally t = run(generate(kind, count, seed), mode);
      System.out.printf(
          Locale.ROOT,
          "%-8s origins=%-4s n=%5d  weak-or-strong %5.1f%%  (strong %d, weak %d, none %d, short %d)"
              + "  %.0f s%n",
          kind,
          mode,
          t.total(),
          100 * t.called(),
          t.counts().getOrDefault(Signal.STRONG, 0),
          t.counts().getOrDefault(Signal.WEAK, 0),
          t.counts().getOrDefault(Signal.NONE, 0),
          t.counts().getOrDefault(Signal.INSUFFICIENT_DATA, 0),
          t.seconds());
    }
  }
}
