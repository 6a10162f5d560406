package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SortedExceptTest {

  /** Values with repeats, signed zeros, NaN and infinities. */
  static double[] values(int n, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n];
    double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, -9999, 7};
    for (int i = 0; i < n; i++) {
      v[i] =
          r.nextInt(5) == 0
              ? special[r.nextInt(special.length)]
              : Math.rint(r.nextGaussian() * 4) / 2;
    }
    return v;
  }

  static boolean[] mask(int n, Random r, int share) {
    boolean[] m = new boolean[n];
    for (int i = 0; i < n; i++) {
      m[i] = r.nextInt(100) < share;
    }
    return m;
  }

  /** The sorted kept values, the slow way: collect, then sort. */
  static double[] sortedKept(double[] v, boolean[] a, boolean[] b) {
    double[] out = new double[v.length];
    int k = 0;
    for (int i = 0; i < v.length; i++) {
      if ((a == null || !a[i]) && (b == null || !b[i]) && Double.isFinite(v[i])) {
        out[k++] = v[i];
      }
    }
    out = Arrays.copyOf(out, k);
    Arrays.sort(out);
    return out;
  }

  @Property(tries = 300)
  void keptFromTheSortedValuesIsTheSortOfTheKeptValues(
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 0, max = 100) int shareA,
      @ForAll @IntRange(min = 0, max = 100) int shareB,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    double[] v = values(n, seed);
    boolean[] a = mask(n, r, shareA);
    boolean[] b = shareB == 0 ? null : mask(n, r, shareB);
    double[] got = SortedExcept.kept(v, Robust.finiteSorted(v), a, b);
    // the same bits, signed zeros included
    assertThat(got).isEqualTo(sortedKept(v, a, b));
  }

  @Property(tries = 300)
  void withoutCodesIsTheSortOfTheMaskedValues(
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 0, max = 3) int codes,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    double[] v = values(n, seed);
    double[] c = Arrays.copyOf(new double[] {-9999, 7, 0.0}, codes);
    double[] got = SortedExcept.withoutCodes(Robust.finiteSorted(v), c);
    assertThat(got).isEqualTo(Robust.finiteSorted(SentinelCheck.maskCodes(v, c)));
  }
}
