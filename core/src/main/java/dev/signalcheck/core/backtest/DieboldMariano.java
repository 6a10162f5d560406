package dev.signalcheck.core.backtest;

import dev.signalcheck.core.forecast.Autocorrelation;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The Diebold–Mariano test of equal forecast accuracy with the Harvey–Leybourne–Newbold
 * small-sample correction, exactly as R's {@code forecast::dm.test} (default {@code varestimator =
 * "acf"}).
 *
 * <p>With loss differential d_t = |e1_t|^power − |e2_t|^power (n values), γ_k its autocovariances
 * (R {@code acf}, denominator n) up to lag h − 1: V = (γ_0 + 2 Σ_{k=1}^{h−1} γ_k) / n; DM = mean(d)
 * / sqrt(V); the corrected statistic is DM · sqrt((n + 1 − 2h + h(h − 1)/n) / n), compared with
 * Student's t with n − 1 degrees of freedom. If V ≤ 0 with h &gt; 1 the test is redone with h = 1,
 * as R does. Alternative {@code GREATER}: method 2 is more accurate than method 1 (so, with e1 the
 * baseline's errors and e2 a candidate's, a small p-value says the baseline is worse).
 *
 * <p>Reference: Harvey, Leybourne and Newbold (1997), Testing the equality of prediction mean
 * squared errors, International Journal of Forecasting 13, 281–291.
 */
public final class DieboldMariano {
  private DieboldMariano() {}

  /** The alternative hypothesis, as R's {@code alternative}. */
  public enum Alternative {
    TWO_SIDED,
    LESS,
    GREATER
  }

  /**
   * The outcome. {@code pValue} and {@code statistic} are NaN when the test cannot be computed
   * (fewer than two errors, or a loss differential without variation at h = 1, where R stops with
   * an error).
   *
   * @param h the h actually used (1 after R's fallback when the variance estimate was not positive)
   */
  public record Result(double statistic, double pValue, int h, int n) {}

  public static Result test(
      double[] e1, double[] e2, int h, double power, Alternative alternative) {
    if (e1.length != e2.length) {
      throw new IllegalArgumentException(
          "error series differ in length: " + e1.length + " vs " + e2.length);
    }
    if (h < 1) {
      throw new IllegalArgumentException("h must be at least 1: " + h);
    }
    int n = e1.length;
    if (n < 2) {
      return new Result(Double.NaN, Double.NaN, h, n);
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = Math.pow(Math.abs(e1[i]), power) - Math.pow(Math.abs(e2[i]), power);
    }
    double[] cov = Autocorrelation.autocovariance(d, h - 1);
    double sum = cov[0];
    for (int k = 1; k < cov.length; k++) {
      sum += 2 * cov[k];
    }
    double var = sum / n;
    if (!(var > 0)) {
      if (h == 1) {
        return new Result(Double.NaN, Double.NaN, h, n);
      }
      return test(e1, e2, 1, power, alternative);
    }
    double mean = 0;
    for (double v : d) {
      mean += v;
    }
    mean /= n;
    double stat = mean / Math.sqrt(var);
    double k = Math.sqrt((n + 1 - 2.0 * h + (h / (double) n) * (h - 1)) / n);
    stat *= k;
    TDistribution t = new TDistribution(n - 1);
    double p =
        switch (alternative) {
          case TWO_SIDED -> 2 * t.cumulativeProbability(-Math.abs(stat));
          case LESS -> t.cumulativeProbability(stat);
          case GREATER -> t.cumulativeProbability(-stat);
        };
    return new Result(stat, Math.min(1.0, Math.max(0.0, p)), h, n);
  }
}
