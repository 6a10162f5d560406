package dev.signalcheck.core.profile;

/**
 * KPSS test of level stationarity as R {@code tseries::kpss.test(x, null = "Level", lshort =
 * TRUE)}.
 *
 * <p>With residuals {@code e_t = x_t - x̄}, partial sums {@code S_t = Σ_{i<=t} e_i}, truncation lag
 * {@code l = trunc(4 (n/100)^{1/4})} and the Bartlett-weighted long-run variance {@code s² = (1/n)
 * Σ e_t² + (2/n) Σ_{i=1}^{l} (1 - i/(l+1)) Σ_{t=i+1}^{n} e_t e_{t-i}}, the statistic is {@code η =
 * Σ S_t² / (n² s²)}. The p-value interpolates linearly in Kwiatkowski et al.'s table (0.347, 0.463,
 * 0.574, 0.739) → (0.10, 0.05, 0.025, 0.01) and is clamped to [0.01, 0.10], as {@code approx(...,
 * rule = 2)} does in R. A small p-value rejects stationarity.
 */
public final class Kpss {
  private static final double[] CRITICAL = {0.347, 0.463, 0.574, 0.739};
  private static final double[] P = {0.10, 0.05, 0.025, 0.01};

  private Kpss() {}

  /**
   * Result of the test.
   *
   * @param statistic η
   * @param pValue interpolated p-value in [0.01, 0.10]
   */
  public record Result(double statistic, double pValue) {}

  /** The truncation lag {@code trunc(4 (n/100)^0.25)}. */
  public static int lag(int n) {
    return (int) (4 * Math.pow(n / 100.0, 0.25));
  }

  /**
   * KPSS level test.
   *
   * @param y series with at least 2 values, not constant
   */
  public static Result test(double[] y) {
    int n = y.length;
    double[] e = Acf.demeaned(y);
    double s = 0;
    double eta = 0;
    double s2 = 0;
    for (double v : e) {
      s += v;
      eta += s * s;
      s2 += v * v;
    }
    eta /= (double) n * n;
    s2 /= n;
    int l = lag(n);
    double tmp1 = 0;
    for (int i = 1; i <= l; i++) {
      double tmp2 = 0;
      for (int j = i; j < n; j++) {
        tmp2 += e[j] * e[j - i];
      }
      tmp2 *= 1.0 - i / (l + 1.0);
      tmp1 += tmp2;
    }
    tmp1 /= n;
    tmp1 *= 2.0;
    s2 += tmp1;
    if (!(s2 > 0)) {
      throw new IllegalArgumentException("long-run variance is not positive");
    }
    double stat = eta / s2;
    return new Result(stat, pValue(stat));
  }

  static double pValue(double stat) {
    if (stat <= CRITICAL[0]) {
      return P[0];
    }
    for (int i = 1; i < CRITICAL.length; i++) {
      if (stat <= CRITICAL[i]) {
        double f = (stat - CRITICAL[i - 1]) / (CRITICAL[i] - CRITICAL[i - 1]);
        return P[i - 1] + f * (P[i] - P[i - 1]);
      }
    }
    return P[P.length - 1];
  }
}
