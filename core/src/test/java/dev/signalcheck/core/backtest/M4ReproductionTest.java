package dev.signalcheck.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.signalcheck.core.forecast.ModelRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The M4 benchmark protocol on the Hourly and Weekly sets: one origin (train = the organisers'
 * training file, test = their test file), H = 48 with m = 24 for Hourly and H = 13 with m = 1 for
 * Weekly, MASE scaled by the in-sample seasonal differences with that m. Mean sMAPE and MASE over
 * the series must equal the organisers' published table to its third decimal for the closed-form
 * baselines, and within 2% for ses, holt, damped and theta (fitted by maximum likelihood on the
 * M4-adjusted series, as the organisers did with forecast's ses/holt).
 */
class M4ReproductionTest {
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

  /** Closed-form baselines: to the table's third decimal. */
  static final List<String> DETERMINISTIC = List.of("naive", "seasonal-naive", "naive2");

  /** Fitted by maximum likelihood (forecast's simplex): within 2% of the table. */
  static final List<String> SMOOTHING = List.of("ses", "holt", "damped", "theta");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Hourly, 48, 24, 414", "Weekly, 13, 1, 359"})
  void reproducesTheOrganisersTable(String frequency, int horizon, int m, int series)
      throws IOException {
    Map<String, double[]> train = readWide("/m4/" + frequency + "-train.csv.gz");
    Map<String, double[]> test = readWide("/m4/" + frequency + "-test.csv.gz");
    assertThat(train).hasSize(series);
    Map<String, double[]> published = published(frequency);
    List<String> models = new ArrayList<>(DETERMINISTIC);
    models.addAll(SMOOTHING);
    Map<String, double[]> sums = new HashMap<>();
    RollingOriginBacktest backtest = new RollingOriginBacktest(horizon, 1);
    for (Map.Entry<String, double[]> e : train.entrySet()) {
      double[] tr = e.getValue();
      double[] te = test.get(e.getKey());
      assertThat(te).hasSize(horizon);
      double[] y = new double[tr.length + te.length];
      System.arraycopy(tr, 0, y, 0, tr.length);
      System.arraycopy(te, 0, y, tr.length, te.length);
      BacktestResult r = backtest.run(y, m, ModelRegistry.defaults().select(models));
      assertThat(r.trainingLengths()).containsExactly(tr.length);
      for (ModelScore s : r.models()) {
        double[] acc = sums.computeIfAbsent(s.name(), k -> new double[2]);
        acc[0] += s.smape();
        acc[1] += s.mase();
      }
    }
    StringBuilder figures = new StringBuilder();
    for (String model : models) {
      double[] expected = published.get(TABLE_NAME.get(model));
      figures.append(
          String.format(
              java.util.Locale.ROOT,
              "M4 %s %-15s sMAPE %.4f (organisers %.3f)  MASE %.4f (organisers %.3f)%n",
              frequency,
              model,
              sums.get(model)[0] / series,
              expected[0],
              sums.get(model)[1] / series,
              expected[1]));
    }
    // the figures beside the build output, for docs/benchmarks.md; the test prints nothing
    java.nio.file.Path out =
        java.nio.file.Path.of("target", "m4-reproduction-" + frequency + ".txt");
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.writeString(out, figures, StandardCharsets.UTF_8);
    for (String model : models) {
      double smape = sums.get(model)[0] / series;
      double mase = sums.get(model)[1] / series;
      double[] expected = published.get(TABLE_NAME.get(model));
      if (DETERMINISTIC.contains(model)) {
        assertThat(Math.abs(smape - expected[0]))
            .as("%s %s sMAPE %s", frequency, model, smape)
            .isLessThanOrEqualTo(5e-4);
        assertThat(Math.abs(mase - expected[1]))
            .as("%s %s MASE %s", frequency, model, mase)
            .isLessThanOrEqualTo(5e-4);
      } else {
        assertThat(smape)
            .as("%s %s sMAPE", frequency, model)
            .isCloseTo(expected[0], withinPercentage(2));
        assertThat(mase)
            .as("%s %s MASE", frequency, model)
            .isCloseTo(expected[1], withinPercentage(2));
      }
    }
  }

  /** The organisers' wide layout: "V1" is the id, then values, padded with empty strings. */
  static Map<String, double[]> readWide(String resource) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    try (InputStream in = M4ReproductionTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
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

  static Map<String, double[]> published(String frequency) throws IOException {
    Map<String, double[]> out = new HashMap<>();
    try (InputStream in =
        M4ReproductionTest.class.getResourceAsStream("/m4/m4_benchmarks_hourly_weekly.csv")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String[] c = line.split(",");
        if (c[2].equals(frequency)) {
          out.put(c[0], new double[] {Double.parseDouble(c[3]), Double.parseDouble(c[4])});
        }
      }
    }
    return out;
  }
}
