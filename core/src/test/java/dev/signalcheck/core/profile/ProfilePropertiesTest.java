package dev.signalcheck.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Ranges and invariances every profile must satisfy. */
class ProfilePropertiesTest {

  /** Seasonal-ish random series: level, trend, season, noise, random walk, from a seed. */
  @Provide
  Arbitrary<double[]> series() {
    return Combinators.combine(
            Arbitraries.integers().between(10, 300),
            Arbitraries.longs(),
            Arbitraries.doubles().between(0, 3),
            Arbitraries.doubles().between(0, 1))
        .as(
            (n, seed, amp, walk) -> {
              java.util.Random r = new java.util.Random(seed);
              double[] y = new double[n];
              double level = 0;
              for (int i = 0; i < n; i++) {
                level += walk * r.nextGaussian();
                y[i] = 50 + level + amp * Math.sin(2 * Math.PI * i / 12) + r.nextGaussian();
              }
              return y;
            });
  }

  @Property(tries = 60)
  void measuresStayInTheirRanges(
      @ForAll("series") double[] y, @ForAll @IntRange(min = 1, max = 12) int m) {
    Profile p = Profiler.profile(y, m);
    ProfilerDegenerateTest.assertNoNaN(p);
    assertThat(p.spectralEntropy()).isBetween(0.0, 1.0);
    assertThat(p.permutationEntropy()).isBetween(0.0, 1.0);
    assertThat(p.acf1()).isBetween(-1.0, 1.0);
    assertThat(p.ljungBox().pValue()).isBetween(0.0, 1.0);
    assertThat(p.kpss().pValue()).isBetween(0.01, 0.10);
    if (p.trendStrength() != null) {
      assertThat(p.trendStrength()).isBetween(0.0, 1.0);
    }
    if (p.seasonalStrength() != null) {
      assertThat(p.seasonalStrength()).isBetween(0.0, 1.0);
    }
    if (p.ljungBoxDiff() != null) {
      assertThat(p.ljungBoxDiff().pValue()).isBetween(0.0, 1.0);
    }
  }

  @Property(tries = 40)
  void scaleFreeMeasuresIgnoreShiftAndPositiveScale(
      @ForAll("series") double[] y,
      @ForAll @DoubleRange(min = -1e4, max = 1e4) double shift,
      @ForAll @DoubleRange(min = 0.01, max = 1e3) double scale,
      @ForAll @IntRange(min = 1, max = 12) int m) {
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = y[i] * scale + shift;
    }
    Profile a = Profiler.profile(y, m);
    Profile b = Profiler.profile(z, m);
    double tol = 1e-6;
    assertThat(b.acf1()).isCloseTo(a.acf1(), within(tol));
    assertThat(b.ljungBox().statistic())
        .isCloseTo(a.ljungBox().statistic(), within(tol * Math.max(1, a.ljungBox().statistic())));
    assertThat(b.spectralEntropy()).isCloseTo(a.spectralEntropy(), within(1e-5));
    assertThat(b.kpss().statistic())
        .isCloseTo(a.kpss().statistic(), within(tol * Math.max(1, a.kpss().statistic())));
    if (a.trendStrength() != null) {
      assertThat(b.trendStrength()).isCloseTo(a.trendStrength(), within(1e-5));
    }
    if (a.seasonalStrength() != null) {
      assertThat(b.seasonalStrength()).isCloseTo(a.seasonalStrength(), within(1e-5));
    }
  }

  @Property(tries = 40)
  void permutationEntropyIgnoresAnyIncreasingMap(@ForAll("series") double[] y) {
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = Math.exp(y[i] / 50.0) * 3 + 1;
    }
    assertThat(PermutationEntropy.of(z)).isCloseTo(PermutationEntropy.of(y), within(1e-12));
  }

  @Property(tries = 40)
  void intermittencyIsScaleFree(
      @ForAll("series") double[] y, @ForAll @DoubleRange(min = 0.01, max = 1e3) double scale) {
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = y[i] * scale;
    }
    Intermittency.Result a = Intermittency.of(y);
    Intermittency.Result b = Intermittency.of(z);
    assertThat(b.adi()).isEqualTo(a.adi());
    assertThat(b.cv2()).isCloseTo(a.cv2(), within(1e-9 * Math.max(1, a.cv2())));
    assertThat(b.sbcClass()).isEqualTo(a.sbcClass());
  }
}
