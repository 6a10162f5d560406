package dev.signalcheck.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ClassicalDecompositionTest {

  /** R's decompose written out plainly: one sum per position, in the filter's order. */
  static double[] referenceFigure(double[] x, int m, boolean multiplicative) {
    int n = x.length;
    double[] filter = new double[m % 2 == 0 ? m + 1 : m];
    java.util.Arrays.fill(filter, 1.0 / m);
    if (m % 2 == 0) {
      filter[0] = 0.5 / m;
      filter[m] = 0.5 / m;
    }
    int nf = filter.length;
    int o = nf / 2;
    double[] detrended = new double[n];
    for (int i = 0; i < n; i++) {
      if (i + o - (nf - 1) < 0 || i + o >= n) {
        detrended[i] = Double.NaN;
        continue;
      }
      double z = 0;
      for (int j = 0; j < nf; j++) {
        z += filter[j] * x[i + o - j];
      }
      detrended[i] = multiplicative ? x[i] / z : x[i] - z;
    }
    double[] figure = new double[m];
    double[] buf = new double[n / m + 1];
    for (int p = 0; p < m; p++) {
      int count = 0;
      for (int i = p; i < n; i += m) {
        if (!Double.isNaN(detrended[i])) {
          buf[count++] = detrended[i];
        }
      }
      figure[p] = Autocorrelation.mean(buf, 0, count);
    }
    double mean = Autocorrelation.mean(figure);
    for (int p = 0; p < m; p++) {
      figure[p] = multiplicative ? figure[p] / mean : figure[p] - mean;
    }
    return figure;
  }

  /**
   * The centred averages four positions at a time give R's figure bit for bit, and the component,
   * the adjusted series and the future indices are that figure repeated.
   */
  @Property(tries = 200)
  void theFigureIsThePlainLoopsBitForBit(
      @ForAll @IntRange(min = 2, max = 30) int m,
      @ForAll @IntRange(min = 0, max = 400) int extra,
      @ForAll boolean multiplicative,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    int n = 2 * m + extra;
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 50 + 10 * Math.sin(2 * Math.PI * i / m) + r.nextGaussian() * 3 + 0.01 * i;
    }
    ClassicalDecomposition d = ClassicalDecomposition.of(x, m, multiplicative);
    double[] want = referenceFigure(x, m, multiplicative);
    double[] got = d.figure();
    for (int p = 0; p < m; p++) {
      assertThat(Double.doubleToRawLongBits(got[p]))
          .as("position %d, n = %d, m = %d", p, n, m)
          .isEqualTo(Double.doubleToRawLongBits(want[p]));
    }
    double[] s = d.seasonal();
    double[] a = d.adjust(x);
    assertThat(s).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(s[i]).isEqualTo(want[i % m]);
      assertThat(a[i]).isEqualTo(multiplicative ? x[i] / want[i % m] : x[i] - want[i % m]);
    }
    double[] f = d.futureIndices(2 * m + 1);
    for (int i = 0; i < f.length; i++) {
      assertThat(f[i]).isEqualTo(s[n - m + (i % m)]);
    }
  }
}
