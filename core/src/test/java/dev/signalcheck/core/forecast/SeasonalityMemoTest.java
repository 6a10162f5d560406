package dev.signalcheck.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SeasonalityMemoTest {

  /**
   * Whatever the order of the questions — prefixes of one series in any order, other seasons,
   * another series, the same window with one value changed — the memo answers as the test itself.
   */
  @Property(tries = 60)
  void answersAsTheTestDoes(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 12) int season,
      @ForAll @IntRange(min = 10, max = 40) int questions) {
    Random r = new Random(seed);
    List<double[]> series = List.of(series(r, 300, season), series(r, 300, season));
    for (int q = 0; q < questions; q++) {
      double[] s = series.get(r.nextInt(10) == 0 ? 1 : 0);
      int n = 3 + r.nextInt(s.length - 2);
      int m = r.nextInt(4) == 0 ? 1 + r.nextInt(2 * season) : season;
      double[] x = Arrays.copyOf(s, n);
      if (r.nextInt(8) == 0) {
        x[r.nextInt(n)] += 1e-9;
      }
      boolean expected = M4SeasonalAdjustment.isSeasonal(x, m);
      assertThat(SeasonalityMemo.isSeasonal(x, m)).as("n=%d m=%d", n, m).isEqualTo(expected);
    }
  }

  /** A window that shares its start with the kept one but then differs is answered afresh. */
  @Property(tries = 30)
  void aChangedValueIsNotAHit(@ForAll long seed, @ForAll @IntRange(min = 3, max = 12) int season) {
    Random r = new Random(seed);
    double[] seasonal = series(r, 200, season);
    double[] noise = new double[200];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = r.nextGaussian();
    }
    // the same first half, then a strong cycle or pure noise: the answers can differ
    double[] a = seasonal.clone();
    double[] b = seasonal.clone();
    System.arraycopy(noise, 100, b, 100, 100);
    assertThat(SeasonalityMemo.isSeasonal(a, season))
        .isEqualTo(M4SeasonalAdjustment.isSeasonal(a, season));
    assertThat(SeasonalityMemo.isSeasonal(b, season))
        .isEqualTo(M4SeasonalAdjustment.isSeasonal(b, season));
  }

  private static double[] series(Random r, int n, int season) {
    double amp = r.nextBoolean() ? 5 * r.nextDouble() : 0;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 10 + amp * Math.sin(2 * Math.PI * i / season) + r.nextGaussian();
    }
    return y;
  }
}
