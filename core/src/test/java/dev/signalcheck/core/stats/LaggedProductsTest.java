package dev.signalcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LaggedProductsTest {

  static double[] direct(double[] d, int lags) {
    double[] s = new double[lags + 1];
    for (int k = 0; k <= lags; k++) {
      for (int t = 0; t + k < d.length; t++) {
        s[k] += d[t] * d[t + k];
      }
    }
    return s;
  }

  @Property(tries = 50)
  void fftAgreesWithDirectSums(
      @ForAll @IntRange(min = 2, max = 700) int n,
      @ForAll @LongRange(min = 1, max = 1000) long seed) {
    Random r = new Random(seed);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = r.nextGaussian() * 100 + (i % 7);
    }
    int lags = n - 1;
    double[] a = direct(d, lags);
    double[] b = LaggedProducts.viaFft(d, lags);
    for (int k = 0; k <= lags; k++) {
      assertThat(b[k]).isCloseTo(a[k], within(1e-9 * a[0]));
    }
  }

  @Test
  void largeProblemsGoThroughTheFft() {
    int n = 200_000;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = Math.sin(2 * Math.PI * i / 17_280.0);
    }
    double[] s = LaggedProducts.of(d, 17_280);
    assertThat(s).hasSize(17_281);
    double r = s[17_280] / s[0];
    assertThat(r).isCloseTo((n - 17_280) / (double) n, within(1e-3));
  }
}
