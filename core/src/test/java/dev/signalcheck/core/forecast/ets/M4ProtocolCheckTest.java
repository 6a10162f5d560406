package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.signalcheck.core.forecast.Forecaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The M4 benchmark protocol (seasonal adjustment by the organisers' rule, one origin) for ses, holt,
 * damped and theta, against the organisers' published mean sMAPE and MASE (within 2%). Needs the M4
 * data set: run with {@code -Dm4.dir=<folder with Dataset/ and results/>}; skipped otherwise.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "m4.dir", matches = ".+")
class M4ProtocolCheckTest {

  /** Organisers' figures (sMAPE, MASE) from the M4 "Evaluation and Ranks" sheet. */
  private static final Map<String, double[]> HOURLY =
      Map.of(
          "ses", new double[] {18.094, 2.385},
          "holt", new double[] {29.249, 9.356},
          "damped", new double[] {19.265, 2.956},
          "theta", new double[] {18.138, 2.455});

  private static final Map<String, double[]> WEEKLY =
      Map.of(
          "ses", new double[] {9.012, 2.685},
          "holt", new double[] {9.708, 2.42},
          "damped", new double[] {8.866, 2.404},
          "theta", new double[] {9.093, 2.637});

  @ParameterizedTest
  @CsvSource({"Hourly,24,48", "Weekly,1,13"})
  void reproducesOrganisersTable(String freq, int m, int h) throws IOException {
    Path dir = Path.of(System.getProperty("m4.dir"), "Dataset");
    List<double[]> train = read(dir.resolve("Train").resolve(freq + "-train.csv"));
    List<double[]> test = read(dir.resolve("Test").resolve(freq + "-test.csv"));
    Forecaster[] fs = {new Ses(), new Holt(), new DampedHolt(), new ThetaClassic()};
    Map<String, double[]> ref = m == 24 ? HOURLY : WEEKLY;
    for (Forecaster f : fs) {
      double smape = 0;
      double mase = 0;
      long t0 = System.nanoTime();
      for (int s = 0; s < train.size(); s++) {
        double[] x = train.get(s);
        double[] y = test.get(s);
        M4Deseasonaliser ds = new M4Deseasonaliser(x, m, h);
        double[] fc = ds.reseasonalise(f.fit(ds.adjusted, m).forecast(h));
        double sm = 0;
        double ae = 0;
        for (int i = 0; i < h; i++) {
          sm += 200 * Math.abs(y[i] - fc[i]) / (Math.abs(y[i]) + Math.abs(fc[i]));
          ae += Math.abs(y[i] - fc[i]);
        }
        double scale = 0;
        for (int i = m; i < x.length; i++) {
          scale += Math.abs(x[i] - x[i - m]);
        }
        scale /= x.length - m;
        smape += sm / h;
        mase += ae / h / scale;
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      smape /= train.size();
      mase /= train.size();
      double[] r = ref.get(f.name());
      System.out.printf(
          "M4 %s %-7s sMAPE %.3f (M4 %.3f)  MASE %.3f (M4 %.3f)  %d ms, %.2f ms/series%n",
          freq, f.name(), smape, r[0], mase, r[1], ms, (double) ms / train.size());
      assertThat(smape).as(f.name() + " sMAPE").isCloseTo(r[0], within(r[0] * 0.02));
      assertThat(mase).as(f.name() + " MASE").isCloseTo(r[1], within(r[1] * 0.02));
    }
  }

  private static List<double[]> read(Path p) throws IOException {
    List<double[]> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(p);
    for (int i = 1; i < lines.size(); i++) {
      String[] parts = lines.get(i).split(",");
      List<Double> v = new ArrayList<>();
      for (int k = 1; k < parts.length; k++) {
        String s = parts[k].replace("\"", "").trim();
        if (!s.isEmpty()) {
          v.add(Double.parseDouble(s));
        }
      }
      out.add(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return out;
  }
}
