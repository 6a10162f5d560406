package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Quantiles by selection equal the quantiles of the sorted values, bit for bit, also when several
 * are taken one after the other from the same (reordered) buffer, with ties and NaN left out.
 */
class RobustSelectionTest {

  @Property(tries = 500)
  void selectedQuantilesAreTheSortedOnes(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3000) int n,
      @ForAll @IntRange(min = 1, max = 1000) int distinct) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble() < 0.05 ? Double.NaN : r.nextInt(distinct) * 0.37 - 20;
    }
    double[] sorted = Robust.finiteSorted(v);
    double[] buf = Robust.finite(v);
    assertThat(buf).hasSameSizeAs(sorted);
    double[] ps = {0.5, 0.75, 0.25, 0.99, 0.0, 1.0, r.nextDouble()};
    for (double p : ps) {
      double expected = Robust.quantile(sorted, p);
      double got = Robust.quantileInPlace(buf, buf.length, p);
      assertThat(Double.doubleToLongBits(got))
          .as("p = %s", p)
          .isEqualTo(Double.doubleToLongBits(expected));
    }
    Arrays.sort(buf);
    assertThat(buf).containsExactly(sorted);
  }
}
