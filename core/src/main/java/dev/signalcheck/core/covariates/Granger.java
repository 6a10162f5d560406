package dev.signalcheck.core.covariates;

import org.hipparchus.distribution.continuous.FDistribution;

/**
 * Granger causality F-test: does the covariate's past improve the least-squares prediction of the
 * target beyond the target's own past? Restricted model: intercept and target lags 1…q;
 * unrestricted: plus covariate lags 1…q, on the same rows (those where every term is present). F =
 * ((RSS_r − RSS_u) / q) / (RSS_u / (N − 2q − 1)) with F(q, N − 2q − 1) degrees of freedom (R {@code
 * lmtest::grangertest}).
 */
final class Granger {
  private Granger() {}

  /** The outcome; NaN statistic and p-value when there were too few complete rows. */
  record Result(int lags, double statistic, double pValue) {}

  /** The lag order used: the target's AR order by AIC, at least 1 and at most 24. */
  static int lags(int arOrder) {
    return Math.max(1, Math.min(24, arOrder));
  }

  static Result test(double[] y, double[] x, int q) {
    int n = y.length;
    double[][] r = new double[q][n];
    double[][] u = new double[2 * q][n];
    boolean[] use = new boolean[n];
    int rows = 0;
    for (int t = q; t < n; t++) {
      boolean ok = Double.isFinite(y[t]);
      for (int l = 1; l <= q && ok; l++) {
        ok = Double.isFinite(y[t - l]) && Double.isFinite(x[t - l]);
      }
      if (!ok) {
        continue;
      }
      use[t] = true;
      rows++;
      for (int l = 1; l <= q; l++) {
        r[l - 1][t] = y[t - l];
        u[l - 1][t] = y[t - l];
        u[q + l - 1][t] = x[t - l];
      }
    }
    int df = rows - 2 * q - 1;
    if (df < 5) {
      return new Result(q, Double.NaN, Double.NaN);
    }
    LeastSquares.Fit fr = LeastSquares.fit(y, r, use);
    LeastSquares.Fit fu = LeastSquares.fit(y, u, use);
    if (!(fu.rss() > 0)) {
      return new Result(q, Double.NaN, Double.NaN);
    }
    double f = Math.max(0, (fr.rss() - fu.rss()) / q / (fu.rss() / df));
    double p = 1 - new FDistribution(q, df).cumulativeProbability(f);
    return new Result(q, f, Math.max(0, Math.min(1, p)));
  }
}
