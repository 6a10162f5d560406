package dev.signalcheck.core.backtest;

import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Whether a candidate's advantage over a reference in a rolling-origin backtest could be chance,
 * with the dependence between origins and between steps taken into account.
 *
 * <p>The errors of one origin are not independent observations: all H steps share the same forecast
 * origin and, on a persistent series, the same error in level. The test therefore uses one number
 * per origin, the loss differential d_o = MASE_o(reference) − MASE_o(candidate) (the scaled
 * absolute errors of that origin's H steps, averaged), so that what is tested is exactly what the
 * skill measures (skill = 1 − mean MASE(candidate) / mean MASE(reference)). The origins' test
 * windows tile the end of the series, so d_1…d_K are in time order; neighbouring origins can still
 * be correlated (a random walk that wanders far from its past keeps penalising a mean-reverting
 * model for several origins), so the variance of their mean is the long-run variance with Bartlett
 * (Newey–West) weights up to lag L = ⌊K^(1/3)⌋, never below the plain variance: V = (γ_0 + 2
 * Σ_{k=1..L} (1 − k/(L+1)) γ_k) / K, statistic mean(d) / sqrt(V), compared with Student's t with K
 * − 1 degrees of freedom (one-sided: the candidate is more accurate). With few origins the t
 * distribution has few degrees of freedom and the test demands a large, consistent gain; with one
 * origin there is no test (p is NaN).
 *
 * <p>This is the Diebold–Mariano idea applied to origin means with a HAC variance; the step-by-step
 * Diebold–Mariano test that reproduces R's {@code forecast::dm.test} remains in {@link
 * DieboldMariano}.
 */
public final class OriginTest {
  private OriginTest() {}

  /** Name of the test in the report's {@code significance.test}. */
  public static final String NAME = Significance.DIEBOLD_MARIANO;

  /** The Bartlett bandwidth for K origins: ⌊K^(1/3)⌋, 0 below 2 origins. */
  public static int bandwidth(int origins) {
    return origins < 2 ? 0 : (int) Math.floor(Math.cbrt(origins) + 1e-9);
  }

  /** The test of {@code candidate} against {@code reference} on their per-origin MASE. */
  public static Significance compare(ModelScore reference, ModelScore candidate) {
    List<Double> a = reference.maseByOrigin();
    List<Double> b = candidate.maseByOrigin();
    int k = Math.min(a.size(), b.size());
    double[] d = new double[k];
    for (int o = 0; o < k; o++) {
      d[o] = a.get(o) - b.get(o);
    }
    return test(d, reference.forecasts().isEmpty() ? 0 : k * horizonOf(reference));
  }

  private static int horizonOf(ModelScore s) {
    return s.forecasts().get(0).actual().size();
  }

  /**
   * The one-sided test that the differentials {@code d} (reference loss − candidate loss, one per
   * origin, oldest first) have a positive mean.
   *
   * @param errors the number of paired errors behind them, for the report
   */
  public static Significance test(double[] d, int errors) {
    int k = d.length;
    int lag = bandwidth(k);
    for (double v : d) {
      if (!Double.isFinite(v)) {
        return new Significance(NAME, Double.NaN, Double.NaN, lag, errors);
      }
    }
    if (k < 2) {
      return new Significance(NAME, Double.NaN, Double.NaN, lag, errors);
    }
    double mean = 0;
    for (double v : d) {
      mean += v;
    }
    mean /= k;
    double[] g = new double[lag + 1];
    for (int j = 0; j <= lag; j++) {
      double s = 0;
      for (int t = j; t < k; t++) {
        s += (d[t] - mean) * (d[t - j] - mean);
      }
      g[j] = s / k;
    }
    if (!(g[0] > 1e-300 * Math.max(1, mean * mean))) {
      // identical differentials: a constant advantage (or none) that no variance can scale
      return new Significance(NAME, Double.NaN, Double.NaN, lag, errors);
    }
    double lrv = g[0];
    for (int j = 1; j <= lag; j++) {
      lrv += 2 * (1 - j / (double) (lag + 1)) * g[j];
    }
    lrv = Math.max(lrv, g[0]);
    // the plain variance with denominator K − 1 in place of K, as a t test would use
    double var = lrv * k / (k - 1.0) / k;
    double stat = mean / Math.sqrt(var);
    double p = new TDistribution(k - 1).cumulativeProbability(-stat);
    return new Significance(NAME, Math.min(1, Math.max(0, p)), stat, lag, errors);
  }

  /**
   * The effective number of independent comparisons among candidates whose per-origin loss
   * differentials are {@code d} (one array per candidate, same length): M = 1 + (C − 1)(1 − Var(λ)
   * / C), λ the eigenvalues of their correlation matrix, Var with denominator C − 1 (Nyholt 2004).
   * C when they are uncorrelated, 1 when they move as one. Candidates without variation count as
   * one comparison each.
   */
  public static double effectiveComparisons(List<double[]> d) {
    int c = d.size();
    if (c <= 1) {
      return Math.max(1, c);
    }
    int k = d.get(0).length;
    double[][] z = new double[c][];
    int constant = 0;
    List<double[]> varying = new java.util.ArrayList<>();
    for (double[] v : d) {
      double mean = 0;
      for (double x : v) {
        mean += x;
      }
      mean /= k;
      double ss = 0;
      double[] w = new double[k];
      for (int t = 0; t < k; t++) {
        w[t] = v[t] - mean;
        ss += w[t] * w[t];
      }
      if (!(ss > 0) || !Double.isFinite(ss)) {
        constant++;
        continue;
      }
      double s = Math.sqrt(ss);
      for (int t = 0; t < k; t++) {
        w[t] /= s;
      }
      varying.add(w);
    }
    int m = varying.size();
    if (m <= 1) {
      return Math.max(1, m + constant);
    }
    double[][] r = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = a; b < m; b++) {
        double s = 0;
        for (int t = 0; t < k; t++) {
          s += varying.get(a)[t] * varying.get(b)[t];
        }
        r[a][b] = r[b][a] = a == b ? 1 : s;
      }
    }
    double[] lambda =
        new org.hipparchus.linear.EigenDecompositionSymmetric(
                new org.hipparchus.linear.Array2DRowRealMatrix(r, false))
            .getEigenvalues();
    double mean = 0;
    for (double l : lambda) {
      mean += l;
    }
    mean /= m;
    double var = 0;
    for (double l : lambda) {
      var += (l - mean) * (l - mean);
    }
    var /= m - 1;
    double eff = 1 + (m - 1) * (1 - Math.min(var, m) / m);
    return Math.max(1, Math.min(m, eff)) + constant;
  }
}
