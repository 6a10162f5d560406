package dev.signalcheck.core.covariates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.backtest.ModelScore;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** arx never sees data after its origin, except the future values of known-ahead covariates. */
class ArxNoLookAheadTest {
  static final int H = 6;

  /** driver (not known ahead), same (known ahead) */
  private static ModelScore run(double[] y, double[][] x, int m) {
    return new CovariateBacktest(H, 4)
        .run(
            y,
            x,
            List.of("driver", "same"),
            m,
            List.of(
                new CovariateBacktest.Term(0, false, Arx.lags(false)),
                new CovariateBacktest.Term(1, true, Arx.lags(true))),
            "arx");
  }

  @Test
  void forecastsAtAnOriginIgnoreEverythingAfterItExceptKnownAheadFutures() {
    for (int m : new int[] {1, 12}) {
      Synthetic s = new Synthetic(5, 400);
      double[] y = s.y;
      double[][] x = {s.x.get("driver"), s.x.get("same")};
      x[0][17] = Double.NaN; // gaps are filled from the past only
      ModelScore base = run(y, x, m);
      assertThat(base.skipped()).as(base.reason()).isFalse();
      Random rnd = new Random(9);
      for (int o = 0; o < base.forecasts().size(); o++) {
        int origin = base.forecasts().get(o).trainingLength();
        double[] y2 = y.clone();
        double[] d2 = x[0].clone();
        double[] k2 = x[1].clone();
        for (int t = origin; t < y.length; t++) {
          y2[t] = y[t] + 5 * rnd.nextGaussian();
          d2[t] = rnd.nextBoolean() ? Double.NaN : 100 * rnd.nextGaussian();
        }
        // the known-ahead covariate changes only beyond this origin's test window
        for (int t = origin + H; t < y.length; t++) {
          k2[t] = 1e6 * rnd.nextGaussian();
        }
        ModelScore other = run(y2, new double[][] {d2, k2}, m);
        for (int k = 0; k <= o; k++) {
          assertThat(other.forecasts().get(k).forecast())
              .as("m=%d origin %d after perturbing from %d", m, k, origin)
              .isEqualTo(base.forecasts().get(k).forecast());
        }
        // the known-ahead covariate's values inside the test window do change the forecast
        double[] k3 = x[1].clone();
        for (int t = origin; t < origin + H; t++) {
          k3[t] = k3[t] + 50;
        }
        ModelScore third = run(y, new double[][] {x[0], k3}, m);
        assertThat(third.forecasts().get(o).forecast())
            .isNotEqualTo(base.forecasts().get(o).forecast());
      }
    }
  }

  /**
   * The covariate checks never throw on arbitrary input: gaps, constants, infinities, short series.
   */
  @Property(tries = 60)
  void covariateChecksNeverThrow(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 160) int n,
      @ForAll @IntRange(min = 1, max = 12) int m,
      @ForAll @IntRange(min = 1, max = 10) int h) {
    Random rnd = new Random(seed);
    double[] y = new double[n];
    int kind = rnd.nextInt(4);
    for (int t = 0; t < n; t++) {
      y[t] =
          switch (kind) {
            case 0 -> rnd.nextGaussian();
            case 1 -> 5;
            case 2 -> t;
            default -> rnd.nextInt(3);
          };
    }
    Map<String, double[]> x = new java.util.LinkedHashMap<>();
    for (int j = 0; j < 1 + rnd.nextInt(4); j++) {
      double[] v = new double[rnd.nextInt(4) == 0 ? Math.max(0, n - 3) : n];
      int ck = rnd.nextInt(6);
      for (int t = 0; t < v.length; t++) {
        v[t] =
            switch (ck) {
              case 0 -> rnd.nextGaussian();
              case 1 -> 1;
              case 2 -> Double.NaN;
              case 3 -> rnd.nextDouble() < 0.3 ? Double.NaN : y[t];
              case 4 -> rnd.nextDouble() < 0.05 ? Double.POSITIVE_INFINITY : t % 7;
              default -> t + 1 < n ? y[t + 1] : -200;
            };
      }
      x.put("c" + j, v);
    }
    Set<String> known = rnd.nextBoolean() ? Set.of("c0") : Set.of();
    CovariateAnalysis.Outcome o =
        CovariateAnalysis.analyse(
            y, x, Map.of("c0", new double[] {-200}), known, m, h, 1 + rnd.nextInt(4), null);
    assertThat(o.result().items()).hasSize(x.size());
    assertThat(o.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
  }
}
