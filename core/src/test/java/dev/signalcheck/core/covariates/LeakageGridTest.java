package dev.signalcheck.core.covariates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.verdict.Signal;
import dev.signalcheck.core.verdict.Verdict;
import dev.signalcheck.core.verdict.VerdictRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Leakage by principle, on a seeded grid: a covariate known at t is never leakage, however far
 * ahead it acts and however strongly; a shifted copy of the target and a same-time measurement of
 * it are. The target: y_t = 10 + weekly pattern + β·x_{t−L} + e_t, x an AR(1) (φ = 0.5, sd 1), e
 * standard normal; signal-to-noise β² from 0.25 to 16.
 */
class LeakageGridTest {
  static final int N = 400;
  static final int M = 7;
  static final int H = 14;
  static final int K = RollingOriginBacktest.autoOrigins(N, M, H);

  static double[] driver(Random r) {
    double[] x = new double[N];
    double v = 0;
    for (int t = 0; t < N; t++) {
      v = 0.5 * v + Math.sqrt(0.75) * r.nextGaussian();
      x[t] = v;
    }
    return x;
  }

  static double[] target(Random r, double[] x, int lag, double beta) {
    double[] pattern = new double[M];
    for (int k = 0; k < M; k++) {
      pattern[k] = r.nextGaussian();
    }
    double[] y = new double[N];
    for (int t = 0; t < N; t++) {
      y[t] = 10 + pattern[t % M] + (t >= lag ? beta * x[t - lag] : 0) + r.nextGaussian();
    }
    return y;
  }

  static double sd(double[] v) {
    double s = 0, q = 0;
    for (double x : v) {
      s += x;
      q += x * x;
    }
    s /= v.length;
    return Math.sqrt(q / v.length - s * s);
  }

  static CovariateAnalysis.Outcome analyse(double[] y, Map<String, double[]> x) {
    return CovariateAnalysis.analyse(y, x, Map.of(), Set.of(), M, H, K, null);
  }

  static CovariateResult.Item item(CovariateAnalysis.Outcome o, String name) {
    return o.result().items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aDriverAtLags1To12IsNeverLeakageWhateverItsStrength() {
    List<String> wrong = new ArrayList<>();
    int useful = 0;
    int cases = 0;
    for (double snr : new double[] {0.25, 1, 4, 16}) {
      for (int lag = 1; lag <= 12; lag++) {
        Random r = new Random(1000L * lag + (long) (snr * 4));
        double[] x = driver(r);
        double[] y = target(r, x, lag, Math.sqrt(snr));
        CovariateResult.Item it = item(analyse(y, Map.of("x", x)), "x");
        cases++;
        if (it.assessment().equals("useful")) {
          useful++;
        }
        if (!it.assessment().equals("useful") && !it.assessment().equals("no-value")) {
          wrong.add("lag " + lag + ", snr " + snr + ": " + it.assessment() + " — " + it.reason());
        }
      }
    }
    assertThat(wrong).isEmpty();
    // drivers the model's lags 1…3 reach (lag ≤ 3), at least moderately strong, are found useful
    assertThat(useful).isGreaterThanOrEqualTo(6);
    assertThat(cases).isEqualTo(48);
  }

  @Test
  void theTargetShiftedOneToThreeStepsAndASameTimeMeasurementLeak() {
    for (int k = 1; k <= 3; k++) {
      Random r = new Random(77 + k);
      double[] y = target(r, driver(r), 3, 2);
      double s = sd(y);
      double[] shifted = new double[N];
      double[] same = new double[N];
      for (int t = 0; t < N; t++) {
        shifted[t] = t + k < N ? y[t + k] + 0.05 * s * r.nextGaussian() : Double.NaN;
        same[t] = y[t] + 0.05 * s * r.nextGaussian();
      }
      Map<String, double[]> x = new LinkedHashMap<>();
      x.put("shifted", shifted);
      x.put("same", same);
      CovariateAnalysis.Outcome o = analyse(y, x);
      assertThat(item(o, "shifted").assessment()).as("shifted by " + k).isEqualTo("leakage");
      assertThat(item(o, "shifted").reason()).contains("reproduces the target's future noise");
      assertThat(item(o, "same").assessment())
          .as("same time, k " + k + ": " + item(o, "same").reason())
          .isEqualTo("leakage");
      assertThat(item(o, "same").reason()).contains("helps only at lag 0");
    }
  }

  @Test
  void twinsOfADriverAreCollinearAndJudgedAlike() {
    for (double snr : new double[] {0.25, 4}) {
      Random r = new Random(5 + (long) snr);
      double[] d = driver(r);
      double[] y = target(r, d, 2, Math.sqrt(snr));
      double[] a = new double[N];
      double[] b = new double[N];
      for (int t = 0; t < N; t++) {
        a[t] = d[t] + 0.05 * r.nextGaussian();
        b[t] = d[t] + 0.05 * r.nextGaussian();
      }
      Map<String, double[]> x = new LinkedHashMap<>();
      x.put("a", a);
      x.put("b", b);
      CovariateAnalysis.Outcome o = analyse(y, x);
      assertThat(o.result().collinear()).containsExactly(List.of("a", "b"));
      assertThat(item(o, "a").assessment())
          .isEqualTo(item(o, "b").assessment())
          .isNotEqualTo("leakage");
    }
  }

  /**
   * The leading indicator of the report that prompted the rule: y_t = 6·x_{t−3} + weekly pattern +
   * noise. It is useful, arx joins the model table and wins, and the verdict says the covariate
   * carries the signal.
   */
  @Test
  void aLeadingIndicatorCarriesTheVerdict() {
    Random r = new Random(3);
    double[] x = driver(r);
    double[] y = target(r, x, 3, 6);
    BacktestResult main =
        new RollingOriginBacktest(H, K)
            .run(
                y, M, ModelRegistry.defaults().select("mean,naive,seasonal-naive,naive2,drift,ar"));
    CovariateAnalysis.Outcome o =
        CovariateAnalysis.analyse(y, Map.of("x", x), Map.of(), Set.of(), M, H, K, main);
    assertThat(item(o, "x").assessment()).isEqualTo("useful");
    assertThat(o.findings()).noneMatch(f -> f.check().equals("covariate.leakage"));
    BacktestResult withArx = RollingOriginBacktest.withModel(main, o.result().model());
    assertThat(withArx.best()).isEqualTo("arx");
    Verdict v = VerdictRules.judge(withArx, o.result(), "weekly");
    // x acts 3 steps ahead: steps 1–3 gain most, later ones only through x's own forecast
    assertThat(v.signal()).isIn(Signal.WEAK, Signal.STRONG);
    assertThat(v.decision().bestUsesCovariates()).isTrue();
    assertThat(v.usefulSteps()).contains(1, 2, 3);
    assertThat(v.headline()).contains("arx with x").contains("x carries it");
  }
}
