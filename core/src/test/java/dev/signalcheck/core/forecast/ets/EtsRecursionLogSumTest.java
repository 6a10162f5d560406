package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The seasonal recursion sums log|f| over its one-step forecasts by exponents and blocks of
 * mantissas; whatever the scale of the data (tiny or huge numbers, so that the exponents carry most
 * of the sum) and the length (blocks full or partial), the sum equals Σ log|f| computed one
 * forecast at a time, with f recovered from the errors it returns (e = (y − f)/f).
 */
class EtsRecursionLogSumTest {

  @Property(tries = 200)
  void sumOfLogsEqualsTheDirectSum(
      @ForAll long seed,
      @ForAll @IntRange(min = -250, max = 250) int decade,
      @ForAll @IntRange(min = 2, max = 24) int m,
      @ForAll @IntRange(min = 1, max = 400) int extra,
      @ForAll boolean multSeason,
      @ForAll boolean trend) {
    Random r = new Random(seed);
    int n = 2 * m + extra;
    double scale = Math.pow(10, decade);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = scale * (1 + 0.3 * Math.sin(2 * Math.PI * i / m) + 0.05 * r.nextGaussian());
    }
    EtsSpec spec = EtsSpec.of("M" + (trend ? "Ad" : "N") + (multSeason ? "M" : "A"));
    EtsRecursion rec = new EtsRecursion(y, m, spec);
    double[] s0 = new double[m];
    for (int k = 0; k < m; k++) {
      s0[k] = multSeason ? 1 + 0.1 * r.nextGaussian() : 0.1 * scale * r.nextGaussian();
    }
    double[] resid = new double[n];
    double alpha = 0.05 + 0.5 * r.nextDouble();
    rec.run(alpha, trend ? alpha / 4 : 0, 0.01, trend ? 0.95 : 1, scale, 0, s0, resid);
    double direct = 0;
    for (int i = 0; i < n; i++) {
      direct += Math.log(Math.abs(y[i] / (1 + resid[i])));
    }
    assertThat(rec.sumLogF).isCloseTo(direct, within(1e-9 * Math.max(1, Math.abs(direct))));
  }
}
