package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.backtest.SideBySide;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The value checks give the same decisions bit for bit however the positions of a long series are
 * divided among threads: in pieces cut anywhere (here run one after another, so that any cut is
 * tried), and in the two halves side by side that an audit with several threads uses.
 */
class SplitPositionsTest {

  /** Divides [0, n) at random cuts, running the pieces in a shuffled order. */
  private static SideBySide.Split randomPieces(long seed, int pieces) {
    return (n, body) -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      int[] cuts = new int[pieces + 1];
      for (int i = 1; i < pieces; i++) {
        cuts[i] = n == 0 ? 0 : rnd.nextInt(n + 1);
      }
      cuts[pieces] = n;
      Arrays.sort(cuts);
      List<int[]> ranges = new ArrayList<>();
      for (int i = 0; i < pieces; i++) {
        ranges.add(new int[] {cuts[i], cuts[i + 1]});
      }
      for (int i = ranges.size() - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int[] t = ranges.get(i);
        ranges.set(i, ranges.get(j));
        ranges.set(j, t);
      }
      for (int[] r : ranges) {
        body.run(r[0], r[1]);
      }
    };
  }

  /**
   * A seasonal series with gaps, spikes, a frozen run, a zero run and now and then a level shift.
   */
  private static double[] faulty(long seed, int n, int season) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int t = 0; t < n; t++) {
      v[t] = 20 + 5 * Math.sin(2 * Math.PI * t / season) + rnd.nextGaussian();
      int u = rnd.nextInt(1000);
      if (u < 20) {
        v[t] = Double.NaN;
      } else if (u < 25) {
        v[t] += (rnd.nextBoolean() ? 1 : -1) * 40;
      }
    }
    if (n > 0 && rnd.nextBoolean()) {
      // a level shift somewhere in the second half
      for (int t = n / 2 + rnd.nextInt(Math.max(1, n / 2)); t < n; t++) {
        v[t] += 15;
      }
    }
    if (n > 0) {
      int stuck = rnd.nextInt(Math.max(1, n - 60));
      Arrays.fill(v, stuck, Math.min(n, stuck + 50), v[stuck]);
      int zeros = rnd.nextInt(Math.max(1, n - 40));
      Arrays.fill(v, zeros, Math.min(n, zeros + 30), 0.0);
    }
    return v;
  }

  private static void assertSameBits(double[] got, double[] want) {
    assertThat(got.length).isEqualTo(want.length);
    for (int t = 0; t < want.length; t++) {
      assertThat(Double.doubleToLongBits(got[t]))
          .as("position %d: %s, want %s", t, got[t], want[t])
          .isEqualTo(Double.doubleToLongBits(want[t]));
    }
  }

  @Property(tries = 200)
  void piecesCutAnywhereGiveTheSameResiduals(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 600) int n,
      @ForAll @IntRange(min = 1, max = 30) int season,
      @ForAll @IntRange(min = 1, max = 7) int pieces) {
    double[] v = faulty(seed, n, season);
    boolean[] aside = new boolean[n];
    for (int t = 0; t < n; t += 7) {
      aside[t] = true;
    }
    SideBySide.Split split = randomPieces(seed ^ 0x5DEECE66DL, pieces);
    assertSameBits(
        SpikeCheck.residuals(v, season, aside, split),
        SpikeCheck.residuals(v, season, aside, SideBySide.IN_TURN));
    assertSameBits(SpikeCheck.lessLocalMedian(v, split), SpikeCheck.lessLocalMedian(v));
    assertThat(SpikeCheck.find(v, season, split)).isEqualTo(SpikeCheck.find(v, season));
  }

  @Property(tries = 30)
  void piecesCutAnywhereGiveTheSameDecisions(
      @ForAll long seed,
      @ForAll @IntRange(min = 50, max = 3000) int n,
      @ForAll @IntRange(min = 1, max = 48) int season,
      @ForAll @IntRange(min = 2, max = 5) int pieces) {
    double[] v = faulty(seed, n, season);
    ValueChecks.Decision want = ValueChecks.decide(v, season);
    ValueChecks.Decision got = ValueChecks.decide(v, season, randomPieces(seed, pieces));
    assertThat(got.spikes()).isEqualTo(want.spikes());
    assertThat(got.codes()).isEqualTo(want.codes());
    assertThat(got.stuck().runs()).isDeepEqualTo(want.stuck().runs());
    assertThat(got.zeroRuns()).containsExactlyElementsOf(want.zeroRuns());
    assertThat(got.shifts()).isEqualTo(want.shifts());
    assertThat(got.rounds()).isEqualTo(want.rounds());
  }

  /** A series long enough for the halves side by side, as an audit with two threads runs it. */
  @Test
  void halvesSideBySideGiveTheSameDecisions() {
    int n = 3 * SideBySide.FROM + 17;
    int season = 288;
    double[] v = faulty(42, n, season);
    for (int t = 2 * n / 3; t < n; t++) {
      v[t] += 60;
    }
    SideBySide.Split split = SideBySide.split(2);
    long before = SideBySide.started();
    ValueChecks.Decision got = ValueChecks.decide(v, season, split);
    ValueChecks.Decision want = ValueChecks.decide(v, season);
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertThat(SideBySide.started()).isGreaterThan(before);
    }
    assertThat(got.spikes()).isEqualTo(want.spikes());
    assertThat(got.stuck().runs()).isDeepEqualTo(want.stuck().runs());
    assertThat(got.zeroRuns()).containsExactlyElementsOf(want.zeroRuns());
    assertThat(got.shifts()).isEqualTo(want.shifts()).isNotEmpty();
    assertThat(SpikeCheck.find(v, season, split)).isEqualTo(SpikeCheck.find(v, season));
  }
}
