package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The spike check's local median with its carried sorted window gives, at every position, the value
 * of the plain definition: the median of the nearest finite neighbours on each side, sorted afresh
 * for every reading. Series with gaps (NaN), runs of ties and edges of every kind.
 */
class SpikeLocalMedianTest {

  /** The definition, written plainly. */
  private static double[] plain(double[] r) {
    int n = r.length;
    int h = SpikeCheck.HALF_WINDOW;
    double[] e = new double[n];
    for (int t = 0; t < n; t++) {
      e[t] = Double.NaN;
      if (!Double.isFinite(r[t])) {
        continue;
      }
      double[] buf = new double[2 * h];
      int c = 0;
      for (int dir = -1; dir <= 1; dir += 2) {
        int got = 0;
        for (int k = t + dir;
            k >= 0 && k < n && got < h && Math.abs(k - t) <= SpikeCheck.REACH;
            k += dir) {
          if (Double.isFinite(r[k])) {
            buf[c++] = r[k];
            got++;
          }
        }
      }
      if (c >= h) {
        double[] s = Arrays.copyOf(buf, c);
        Arrays.sort(s);
        double med = c % 2 == 1 ? s[c / 2] : 0.5 * (s[c / 2 - 1] + s[c / 2]);
        e[t] = r[t] - med;
      }
    }
    return e;
  }

  @Property(tries = 300)
  void carriedWindowGivesThePlainMedianEverywhere(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 400) int n,
      @ForAll @IntRange(min = 0, max = 30) int nanPercent,
      @ForAll @IntRange(min = 1, max = 50) int distinct) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      // few distinct values: many ties; now and then a run of gaps
      r[t] = rnd.nextInt(100) < nanPercent ? Double.NaN : rnd.nextInt(distinct) * 0.5 - 3;
    }
    double[] got = SpikeCheck.lessLocalMedian(r);
    double[] want = plain(r);
    for (int t = 0; t < n; t++) {
      assertThat(Double.doubleToLongBits(got[t]))
          .as("position %d: %s, want %s", t, got[t], want[t])
          .isEqualTo(Double.doubleToLongBits(want[t]));
    }
  }
}
