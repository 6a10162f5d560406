package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelFailure;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ComplexEigenDecomposition;

class EtsPropertiesTest {

  private static double[] series(long seed, int n, double level, double trend, int m, double amp) {
    Random r = new Random(seed);
    double[] y = new double[n];
    double walk = 0;
    for (int i = 0; i < n; i++) {
      walk += r.nextGaussian();
      double season = m > 1 ? amp * Math.sin(2 * Math.PI * i / m) : 0;
      y[i] = level + trend * i + season + walk + r.nextGaussian();
    }
    return y;
  }

  private static final Forecaster[] ALL = {
    new Ses(), new Holt(), new DampedHolt(), new ThetaClassic(), new AutoEts()
  };

  @Property(tries = 30)
  void forecastsAreFinite(
      @ForAll long seed,
      @ForAll @IntRange(min = 12, max = 150) int n,
      @ForAll @DoubleRange(min = -3, max = 3) double trend,
      @ForAll @IntRange(min = 1, max = 12) int m) {
    double[] y = series(seed, n, 200, trend, m, 10);
    for (Forecaster f : ALL) {
      double[] fc = f.fit(y, m).forecast(2 * m + 3);
      for (double v : fc) {
        assertThat(v).as(f.name()).isFinite();
      }
      assertThat(f.fit(y, m).fitted()).hasSize(n);
    }
  }

  @Property(tries = 20)
  void sesOnAConstantForecastsTheConstant(
      @ForAll @DoubleRange(min = -1e4, max = 1e4) double c,
      @ForAll @IntRange(min = 7, max = 80) int n) {
    double[] y = new double[n];
    java.util.Arrays.fill(y, c);
    for (double v : new Ses().fit(y, 1).forecast(6)) {
      assertThat(v).isCloseTo(c, within(1e-9 * Math.max(1, Math.abs(c))));
    }
    for (double v : new AutoEts().fit(y, 4).forecast(6)) {
      assertThat(v).isEqualTo(c);
    }
  }

  @Property(tries = 20)
  void sesAndThetaForecastsScaleWithTheData(
      @ForAll long seed,
      @ForAll @IntRange(min = 30, max = 150) int n,
      @ForAll @DoubleRange(min = 0.01, max = 1000) double c) {
    double[] y = series(seed, n, 50, 0.5, 1, 0);
    double[] z = new double[n];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      z[i] = c * y[i];
      scale = Math.max(scale, Math.abs(y[i]));
    }
    for (Forecaster f : new Forecaster[] {new Ses(), new ThetaClassic()}) {
      double[] a = f.fit(y, 1).forecast(8);
      double[] b = f.fit(z, 1).forecast(8);
      for (int i = 0; i < a.length; i++) {
        // Not exact: the starting simplex mixes α (unscaled) with the initial level (scaled), so
        // R's
        // Nelder-Mead stops at slightly different points; over 3,000 probes at c = 0.01 … 1000 the
        // largest
        // difference seen was 3.3e-3 of the series' scale (theta), hence 1e-2.
        assertThat(b[i] / c).as(f.name()).isCloseTo(a[i], within(1e-2 * scale));
      }
    }
  }

  /**
   * Holt's methods are not scale-invariant in R either: the simplex starts from a step of 10% of
   * the largest parameter (the initial level, which scales) and stops on flat stretches of the MSE
   * surface, so rescaled data can end at different (α, β). Only gross differences are excluded
   * here; {@link #holtFollowsRsScaleDependence()} pins R's own values.
   */
  @Property(tries = 15)
  void holtForecastsScaleRoughly(
      @ForAll long seed,
      @ForAll @IntRange(min = 40, max = 150) int n,
      @ForAll @DoubleRange(min = 0.01, max = 1000) double c) {
    double[] y = series(seed, n, 50, 0.5, 1, 0);
    double[] z = new double[n];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      z[i] = c * y[i];
      scale = Math.max(scale, Math.abs(y[i]));
    }
    for (Forecaster f : new Forecaster[] {new Holt(), new DampedHolt()}) {
      double[] a = f.fit(y, 1).forecast(8);
      double[] b = f.fit(z, 1).forecast(8);
      for (int i = 0; i < a.length; i++) {
        assertThat(b[i] / c).as(f.name()).isCloseTo(a[i], within(0.2 * scale));
      }
    }
  }

  @Example
  void holtFollowsRsScaleDependence() {
    // forecast 8.20, holt(c * y)$model on this series: (c, mse / c^2, alpha, beta)
    double[][] r = {
      {0.01, 1.023121, 0.219461, 0.0001000011},
      {1, 0.8727529, 0.0001000234, 0.000100002},
      {1000, 1.02651, 0.07231284, 0.07231284}
    };
    for (double[] row : r) {
      java.util.Random rnd = new java.util.Random(0);
      double[] y = new double[20];
      double walk = 0;
      for (int i = 0; i < y.length; i++) {
        walk += rnd.nextGaussian();
        y[i] = row[0] * (50 + 0.5 * i + walk + rnd.nextGaussian());
      }
      EtsFit f = (EtsFit) new Holt().fit(y, 1);
      assertThat(f.mse() / (row[0] * row[0])).isCloseTo(row[1], within(row[1] * 1e-6));
      assertThat(f.alpha()).isCloseTo(row[2], within(1e-6 * row[2] + 1e-9));
      assertThat(f.beta()).isCloseTo(row[3], within(1e-6 * row[3] + 1e-9));
    }
  }

  @Property(tries = 200)
  void stabilityTestAgreesWithEigenvalues(
      @ForAll @DoubleRange(min = 0.0001, max = 0.9999) @Scale(6) double alpha,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double betaShare,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double gamma,
      @ForAll @DoubleRange(min = 0.8, max = 1) @Scale(6) double phi,
      @ForAll @IntRange(min = 2, max = 24) int m) {
    double beta = betaShare * alpha;
    double[] c = new double[2 * (m + 2)];
    Admissibility.characteristic(alpha, beta, gamma, phi, m, c);
    double max;
    try {
      max = maxRootModulus(c, m + 1);
    } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
      net.jqwik.api.Assume.that(false); // defective eigenvector basis: no reference value
      return;
    }
    boolean inside = Admissibility.rootsWithin(c.clone(), m + 1, 1 + 1e-10);
    if (Math.abs(max - 1) > 1e-6) {
      assertThat(inside).as("max |root| = " + max).isEqualTo(max < 1);
    }
  }

  private static double maxRootModulus(double[] c, int deg) {
    double[][] comp = new double[deg][deg];
    for (int j = 0; j < deg; j++) {
      comp[0][j] = -c[deg - 1 - j] / c[deg];
    }
    for (int i = 1; i < deg; i++) {
      comp[i][i - 1] = 1;
    }
    double max = 0;
    for (Complex z :
        new ComplexEigenDecomposition(new Array2DRowRealMatrix(comp)).getEigenvalues()) {
      max = Math.max(max, z.norm());
    }
    return max;
  }

  @Example
  void shortAndInvalidDataFailCleanly() {
    assertThatThrownBy(() -> new Ses().fit(new double[] {1, 2, 3, 4, 5, 6}, 1))
        .isInstanceOf(ModelFailure.class);
    assertThatThrownBy(() -> new Holt().fit(new double[] {1}, 1)).isInstanceOf(ModelFailure.class);
    assertThatThrownBy(() -> new Ses().fit(new double[] {1, 2, Double.NaN, 4, 5, 6, 7, 8}, 1))
        .isInstanceOf(ModelFailure.class);
    double[] neg = series(1, 60, 0, 0, 12, 5);
    assertThatThrownBy(() -> Ets.fit(neg, 12, EtsSpec.of("MNM"), Ets.Criterion.LIK))
        .isInstanceOf(ModelFailure.class);
    assertThatThrownBy(
            () -> Ets.fit(series(1, 100, 100, 0, 1, 0), 30, EtsSpec.of("ANA"), Ets.Criterion.LIK))
        .isInstanceOf(ModelFailure.class);
  }

  @Example
  void highFrequencyIsFittedWithoutSeason() {
    double[] y = series(3, 200, 100, 0.1, 48, 10);
    assertThat(new AutoEts().fit(y, 48).description()).endsWith(",N)");
  }

  @Example
  void specCodesRoundTrip() {
    for (String s : new String[] {"ANN", "AAN", "AAdN", "MAdM", "MNA"}) {
      EtsSpec spec = EtsSpec.of(s);
      assertThat(EtsSpec.of(spec.toString())).isEqualTo(spec);
    }
    assertThat(EtsSpec.of("MAdM").toString()).isEqualTo("ETS(M,Ad,M)");
  }
}
