package dev.signalcheck.core.profile;

/**
 * Autoregressive fit by Burg's method with the order chosen by AIC, as R {@code stats::ar(x, method
 * = "burg")} ({@code ar.burg.default} with {@code demean = TRUE}, {@code var.method = 1}, {@code
 * order.max = min(n-1, floor(10 log10 n))}).
 *
 * <p>The series is demeaned; Burg's recursion gives the reflection coefficients {@code φ_pp = 2 Σ
 * f_t b_{t-1} / Σ (f_t² + b_{t-1}²)} and the innovations variance by the recursion {@code σ²_p =
 * σ²_{p-1} (1 - φ_pp²)}, {@code σ²_0 = Σ x_t²/n} (R's {@code var.method = 1}). The order minimises
 * {@code AIC_p = n log σ²_p + 2p + 2} (first minimum).
 */
public final class BurgAr {
  private BurgAr() {}

  /**
   * An AR fit.
   *
   * @param order chosen order p (0 means white noise)
   * @param coefficients φ_1 .. φ_p
   * @param orderMax the largest order considered
   */
  public record Fit(int order, double[] coefficients, int orderMax) {}

  /** R's default {@code order.max = min(n-1, floor(10 log10 n))}. */
  public static int defaultOrderMax(int n) {
    return (int) Math.min(n - 1L, (long) Math.floor(10 * Math.log10(n)));
  }

  /**
   * Fits with R's default maximum order.
   *
   * @param y series with at least 2 values, not constant
   */
  public static Fit fit(double[] y) {
    return fit(y, defaultOrderMax(y.length));
  }

  /**
   * Fits orders 0..orderMax and keeps the AIC-best.
   *
   * @param y series, not constant
   * @param orderMax largest order, {@code 1 <= orderMax < n}
   */
  public static Fit fit(double[] y, int orderMax) {
    int n = y.length;
    if (orderMax < 1 || orderMax >= n) {
      throw new IllegalArgumentException("orderMax must be in [1, n-1], was " + orderMax);
    }
    double[] x = Acf.demeaned(y);
    int pmax = orderMax;
    // coefs[p-1][j-1] is φ_j of the AR(p) fit
    double[][] coefs = new double[pmax][];
    double[] var = new double[pmax + 1];
    double[] u = new double[n];
    double[] v = new double[n];
    double sum = 0;
    for (int t = 0; t < n; t++) {
      u[t] = x[n - 1 - t];
      v[t] = x[n - 1 - t];
      sum += x[t] * x[t];
    }
    var[0] = sum / n;
    if (!(var[0] > 0)) {
      throw new IllegalArgumentException("series is constant");
    }
    double[] prev = new double[0];
    // the sums of order 1; those of order p + 1 are taken in the same pass that updates the errors
    // to order p, in the same order of additions
    double num = 0;
    double den = 0;
    for (int t = 1; t < n; t++) {
      num += v[t] * u[t - 1];
      den += v[t] * v[t] + u[t - 1] * u[t - 1];
    }
    for (int p = 1; p <= pmax; p++) {
      double phi = den > 0 ? 2 * num / den : 0;
      double[] cur = new double[p];
      cur[p - 1] = phi;
      for (int j = 1; j < p; j++) {
        cur[j - 1] = prev[j - 1] - phi * prev[p - j - 1];
      }
      coefs[p - 1] = cur;
      prev = cur;
      // update forward/backward errors; u[t-1] must be the value before this step
      double uPrevOld = u[p - 1];
      double nextNum = 0;
      double nextDen = 0;
      for (int t = p; t < n; t++) {
        double uOld = u[t];
        u[t] = uPrevOld - phi * v[t];
        v[t] = v[t] - phi * uPrevOld;
        uPrevOld = uOld;
        if (t > p) {
          nextNum += v[t] * u[t - 1];
          nextDen += v[t] * v[t] + u[t - 1] * u[t - 1];
        }
      }
      num = nextNum;
      den = nextDen;
      var[p] = var[p - 1] * (1 - phi * phi);
    }
    int best = 0;
    double bestAic = Double.POSITIVE_INFINITY;
    for (int p = 0; p <= pmax; p++) {
      double aic = n * Math.log(var[p]) + 2.0 * p + 2;
      if (aic < bestAic) {
        bestAic = aic;
        best = p;
      }
    }
    return new Fit(best, best == 0 ? new double[0] : coefs[best - 1].clone(), pmax);
  }
}
