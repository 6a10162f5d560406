package dev.signalcheck.bench;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.forecast.ModelRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * The M4 benchmark protocol (workload W1): for each series, train on the organisers' training file,
 * forecast their horizon with naive, seasonal-naive, naive2, ses, holt, damped and theta (one
 * origin), and print mean sMAPE, MASE and OWA beside the organisers' table.
 *
 * <p>usage: {@code java -cp bench/target/benchmarks.jar dev.signalcheck.bench.M4Protocol DIR
 * FREQUENCY H M [TABLE.csv]} where DIR holds {@code FREQUENCY-train.csv[.gz]} and {@code
 * FREQUENCY-test.csv[.gz]}.
 */
public final class M4Protocol {
  static final List<String> MODELS =
      List.of("naive", "seasonal-naive", "naive2", "ses", "holt", "damped", "theta");
  static final Map<String, String> TABLE_NAME =
      Map.of(
          "naive",
          "Naive1",
          "seasonal-naive",
          "sNaive",
          "naive2",
          "Naive2",
          "ses",
          "SES",
          "holt",
          "Holt",
          "damped",
          "Damped",
          "theta",
          "Theta");

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: M4Protocol DIR FREQUENCY H M [TABLE.csv]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String freq = args[1];
    int h = Integer.parseInt(args[2]);
    int m = Integer.parseInt(args[3]);
    Map<String, double[]> train = readWide(find(dir, freq + "-train.csv"));
    Map<String, double[]> test = readWide(find(dir, freq + "-test.csv"));
    Map<String, double[]> sums = new LinkedHashMap<>();
    RollingOriginBacktest backtest = new RollingOriginBacktest(h, 1);
    ModelRegistry registry = ModelRegistry.defaults();
    List<String> ids = new ArrayList<>(train.keySet());
    // series in parallel on all cores (-Djava.util.concurrent.ForkJoinPool.common.parallelism=0 for
    // one);
    // the sums are added in series order, so the figures do not depend on the thread count
    List<BacktestResult> results =
        ids.parallelStream()
            .map(
                id -> {
                  double[] tr = train.get(id);
                  double[] te = test.get(id);
                  double[] y = new double[tr.length + te.length];
                  System.arraycopy(tr, 0, y, 0, tr.length);
                  System.arraycopy(te, 0, y, tr.length, te.length);
                  return backtest.run(y, m, registry.select(MODELS));
                })
            .collect(java.util.stream.Collectors.toList());
    for (BacktestResult r : results) {
      for (ModelScore s : r.models()) {
        double[] acc = sums.computeIfAbsent(s.name(), k -> new double[2]);
        acc[0] += s.smape();
        acc[1] += s.mase();
      }
    }
    int n = train.size();
    Map<String, double[]> table = args.length > 4 ? table(Path.of(args[4]), freq) : Map.of();
    double[] n2 = sums.get("naive2");
    System.out.printf(Locale.ROOT, "M4 %s: %d series, H=%d, m=%d, one origin%n", freq, n, h, m);
    System.out.printf(
        Locale.ROOT,
        "%-15s %9s %9s %7s | %9s %9s %7s%n",
        "method",
        "sMAPE",
        "MASE",
        "OWA",
        "M4 sMAPE",
        "M4 MASE",
        "M4 OWA");
    for (String model : MODELS) {
      double[] s = sums.get(model);
      double smape = s[0] / n;
      double mase = s[1] / n;
      double owa = (s[0] / n2[0] + s[1] / n2[1]) / 2;
      double[] t = table.get(TABLE_NAME.get(model));
      System.out.printf(
          Locale.ROOT,
          "%-15s %9.3f %9.3f %7.3f | %9s %9s %7s%n",
          model,
          smape,
          mase,
          owa,
          t == null ? "-" : String.format(Locale.ROOT, "%.3f", t[0]),
          t == null ? "-" : String.format(Locale.ROOT, "%.3f", t[1]),
          t == null ? "-" : String.format(Locale.ROOT, "%.3f", t[2]));
    }
  }

  static Path find(Path dir, String name) {
    Path p = dir.resolve(name);
    return Files.exists(p) ? p : dir.resolve(name + ".gz");
  }

  /** The organisers' wide layout: "V1" is the id, then values, padded with empty strings. */
  static Map<String, double[]> readWide(Path file) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] cells = line.split(",", -1);
        List<Double> values = new ArrayList<>();
        for (int i = 1; i < cells.length; i++) {
          String c = cells[i].replace("\"", "").trim();
          if (!c.isEmpty()) {
            values.add(Double.parseDouble(c));
          }
        }
        out.put(
            cells[0].replace("\"", ""), values.stream().mapToDouble(Double::doubleValue).toArray());
      }
    }
    return out;
  }

  /** Rows {@code method,method_id,frequency,sMAPE,MASE,OWA} of the organisers' table. */
  static Map<String, double[]> table(Path csv, String freq) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(csv)) {
      String[] c = line.split(",");
      if (c.length >= 6 && c[2].equals(freq)) {
        try {
          out.put(
              c[0],
              new double[] {
                Double.parseDouble(c[3]), Double.parseDouble(c[4]), Double.parseDouble(c[5])
              });
        } catch (NumberFormatException header) {
          // the header row
        }
      }
    }
    return out;
  }
}
