package dev.signalcheck.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SeasonalityMemoTest {

  /**
   * Whatever the order of the questions — a few window lengths of two series asked again and again,
   * with the series' season or another one, now of one series, now of the other (one with a cycle,
   * one without) — the memo answers as the test itself.
   */
  @Property(tries = 60)
  void answersAsTheTestDoes(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 12) int season,
      @ForAll @IntRange(min = 20, max = 60) int questions) {
    Random r = new Random(seed);
    double[] cycle = series(r, 300, season, 3 + 5 * r.nextDouble());
    double[] noise = series(r, 300, season, 0);
    int[] lengths = {40 + r.nextInt(60), 100 + r.nextInt(100), 200 + r.nextInt(101)};
    int[] seasons = {season, season + 1, 2 * season};
    for (int q = 0; q < questions; q++) {
      double[] s = r.nextInt(3) == 0 ? noise : cycle;
      double[] x = Arrays.copyOf(s, lengths[r.nextInt(lengths.length)]);
      int m = seasons[r.nextInt(seasons.length)];
      assertThat(SeasonalityMemo.isSeasonal(x, m))
          .as("n=%d m=%d", x.length, m)
          .isEqualTo(M4SeasonalAdjustment.isSeasonal(x, m));
    }
  }

  /** A window that shares its start with the kept one but then differs is answered afresh. */
  @Property(tries = 30)
  void aChangedValueIsNotAHit(@ForAll long seed, @ForAll @IntRange(min = 3, max = 12) int season) {
    Random r = new Random(seed);
    double[] a = series(r, 200, season, 5);
    double[] b = a.clone();
    double[] noise = series(r, 200, season, 0);
    // the same first half, then the cycle or pure noise: the answers can differ
    System.arraycopy(noise, 100, b, 100, 100);
    assertThat(SeasonalityMemo.isSeasonal(a, season))
        .isEqualTo(M4SeasonalAdjustment.isSeasonal(a, season));
    assertThat(SeasonalityMemo.isSeasonal(b, season))
        .isEqualTo(M4SeasonalAdjustment.isSeasonal(b, season));
  }

  /**
   * One memo shared by four threads asking about the same growing windows of two series (and, now
   * and then, another series, which makes the memo start afresh): every answer is the test's, and
   * without the interruptions each window is tested once, however many threads ask.
   */
  @Property(tries = 15)
  void sharedByThreadsAnswersAsTheTestDoes(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 12) int season,
      @ForAll boolean interrupted)
      throws Exception {
    Random r = new Random(seed);
    double[] cycle = series(r, 400, season, 4);
    double[] other = series(r, 400, season, 0);
    int[] lengths = {60, 120, 180, 240, 300, 360, 400};
    SeasonalityMemo memo = SeasonalityMemo.forOneSeries();
    long before = SeasonalityMemo.tested();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> asked = new ArrayList<>();
      List<Boolean> want = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (int len : lengths) {
          double[] x = Arrays.copyOf(interrupted && r.nextInt(4) == 0 ? other : cycle, len);
          want.add(M4SeasonalAdjustment.isSeasonal(x, season));
          asked.add(pool.submit(() -> memo.use(() -> SeasonalityMemo.isSeasonal(x, season))));
        }
      }
      for (int i = 0; i < asked.size(); i++) {
        assertThat(asked.get(i).get()).as("question %d", i).isEqualTo(want.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
    if (!interrupted) {
      assertThat(SeasonalityMemo.tested() - before).isEqualTo(lengths.length);
    }
  }

  private static double[] series(Random r, int n, int season, double amp) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 10 + amp * Math.sin(2 * Math.PI * i / season) + r.nextGaussian();
    }
    return y;
  }
}
