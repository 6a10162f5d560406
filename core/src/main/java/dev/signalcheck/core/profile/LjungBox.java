package dev.signalcheck.core.profile;

import org.hipparchus.special.Gamma;

/**
 * Ljung–Box portmanteau test as R {@code stats::Box.test(x, lag, type = "Ljung-Box")}: {@code Q =
 * n(n+2) Σ_{k=1}^{lag} r_k² / (n-k)} with {@code r_k} from {@link Acf}, and the p-value {@code
 * P(χ²_lag > Q)} (upper regularized incomplete gamma from Hipparchus, which R computes as {@code 1
 * - pchisq(Q, lag)}).
 *
 * <p>The lag rule of the profile is {@code min(2m, round(n/5))} when {@code m > 1}, otherwise
 * {@code min(10, round(n/5))}, with R's round-half-to-even.
 */
public final class LjungBox {
  private LjungBox() {}

  /**
   * Result of one test.
   *
   * @param lag number of autocorrelations summed (the χ² degrees of freedom)
   * @param statistic Q
   * @param pValue upper-tail χ² probability of Q
   */
  public record Result(int lag, double statistic, double pValue) {}

  /** The profile's lag for a series of length n and seasonal period m. */
  public static int lagFor(int n, int m) {
    long fifth = (long) Math.rint(n / 5.0);
    return (int) (m > 1 ? Math.min(2L * m, fifth) : Math.min(10L, fifth));
  }

  /**
   * Ljung–Box test of the series with the given lag.
   *
   * @param y series, not constant, {@code 1 <= lag < y.length}
   */
  public static Result test(double[] y, int lag) {
    int n = y.length;
    if (lag < 1) {
      throw new IllegalArgumentException("lag must be at least 1, was " + lag);
    }
    double[] r = Acf.acf(y, lag);
    double sum = 0;
    for (int k = 1; k <= lag; k++) {
      sum += r[k] * r[k] / (n - k);
    }
    double q = (double) n * (n + 2) * sum;
    return new Result(lag, q, chiSquaredUpperTail(q, lag));
  }

  /** P(χ²_df > q), computed directly from the upper tail so small p-values keep their precision. */
  static double chiSquaredUpperTail(double q, int df) {
    if (!(q > 0)) {
      return 1.0;
    }
    double p = Gamma.regularizedGammaQ(df / 2.0, q / 2.0);
    return Math.max(0.0, Math.min(1.0, p));
  }
}
