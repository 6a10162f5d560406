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

  /** Gaussian noise of scale 100 around a small period-7 pattern. */
  static double[] noise(int n, long seed) {
    Random r = new Random(seed);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = r.nextGaussian() * 100 + (i % 7);
    }
    return d;
  }

  /** b equals the direct sums of d to the given lag, up to a rounding error relative to s(0). */
  static void agreesWithDirect(double[] d, int lags, double[] b) {
    double[] a = direct(d, lags);
    assertThat(b).hasSize(lags + 1);
    for (int k = 0; k <= lags; k++) {
      assertThat(b[k]).isCloseTo(a[k], within(1e-10 * a[0]));
    }
  }

  /** The direct sums four lags at a time are the single loop's, bit for bit, at every lag. */
  @Property(tries = 200)
  void directSumsAreTheSingleLoopsBitForBit(
      @ForAll @IntRange(min = 1, max = 1500) int n,
      @ForAll @IntRange(min = 0, max = 1600) int lags,
      @ForAll @LongRange(min = 1, max = 100_000) long seed) {
    double[] d = noise(n, seed);
    int last = Math.min(lags, n - 1);
    double[] a = direct(d, last);
    double[] b = LaggedProducts.of(d, lags);
    assertThat(b).hasSize(last + 1);
    for (int k = 0; k <= last; k++) {
      assertThat(Double.doubleToRawLongBits(b[k]))
          .as("lag %d of %d, n = %d", k, last, n)
          .isEqualTo(Double.doubleToRawLongBits(a[k]));
    }
  }

  @Property(tries = 50)
  void fftAgreesWithDirectSums(
      @ForAll @IntRange(min = 2, max = 700) int n,
      @ForAll @LongRange(min = 1, max = 1000) long seed) {
    double[] d = noise(n, seed);
    agreesWithDirect(d, n - 1, LaggedProducts.viaFft(d, n - 1));
  }

  @Property(tries = 100)
  void blockedSumsAgreeWithDirectSums(
      @ForAll @IntRange(min = 1, max = 3000) int n,
      @ForAll @IntRange(min = 0, max = 400) int lags,
      @ForAll @IntRange(min = 0, max = 4) int extra,
      @ForAll @LongRange(min = 1, max = 100_000) long seed) {
    double[] d = noise(n, seed);
    int last = Math.min(lags, n - 1);
    // every block size from the smallest possible up, so blocks of one point beyond the lags, many
    // blocks, a last block shorter than the lags and a single block are all covered
    int s = LaggedProducts.ceilPow2(2 * (last + 1)) << extra;
    agreesWithDirect(d, last, LaggedProducts.blocked(d, last, s));
  }

  @Property(tries = 30)
  void fftWithFewLagsAgreesWithDirectSums(
      @ForAll @IntRange(min = 500, max = 20_000) int n,
      @ForAll @IntRange(min = 1, max = 300) int lags,
      @ForAll @LongRange(min = 1, max = 1000) long seed) {
    double[] d = noise(n, seed);
    agreesWithDirect(d, lags, LaggedProducts.viaFft(d, lags));
  }

  @Test
  void fewLagsOfALongSeriesAreSummedInBlocks() {
    int n = 2_000_000;
    int size = LaggedProducts.ceilPow2(2 * n - 1);
    assertThat(LaggedProducts.blockSize(n, 34_560, size)).isLessThan(size / 8);
    assertThat(LaggedProducts.blockSize(n, n - 1, size)).isEqualTo(size);
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
