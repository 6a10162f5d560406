package dev.signalcheck.core.covariates;

/**
 * Least squares with an intercept and a light ridge, robust to constant and (near-)duplicate
 * columns: columns are standardised, a constant column is left out (coefficient 0), and the normal
 * equations get a ridge of {@link #RIDGE} times the number of rows on their standardised diagonal
 * (whose entries equal the number of rows). That shrinks the coefficients of well-conditioned fits
 * by about 1%, and keeps nearly collinear designs — a covariate that is almost the target itself,
 * next to the target's own lags — from fitting large opposite coefficients whose recursive
 * forecasts explode.
 */
final class LeastSquares {
  static final double RIDGE = 1e-2;

  private LeastSquares() {}

  /** A fit: intercept, one coefficient per column, residual sum of squares and the rows used. */
  record Fit(double intercept, double[] coefficients, double rss, int rows, int parameters) {}

  /**
   * Fits y = b0 + Σ b_j X[j][i] over the rows i where {@code use[i]} is true.
   *
   * @param x columns, each as long as y
   */
  static Fit fit(double[] y, double[][] x, boolean[] use) {
    int k = x.length;
    int n = 0;
    double my = 0;
    double[] mean = new double[k];
    for (int i = 0; i < y.length; i++) {
      if (use[i]) {
        n++;
        my += y[i];
        for (int j = 0; j < k; j++) {
          mean[j] += x[j][i];
        }
      }
    }
    if (n == 0) {
      return new Fit(Double.NaN, new double[k], Double.NaN, 0, 1);
    }
    my /= n;
    double[] sd = new double[k];
    for (int j = 0; j < k; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < y.length; i++) {
      if (use[i]) {
        for (int j = 0; j < k; j++) {
          double d = x[j][i] - mean[j];
          sd[j] += d * d;
        }
      }
    }
    int[] keep = new int[k];
    int q = 0;
    for (int j = 0; j < k; j++) {
      sd[j] = Math.sqrt(sd[j] / n);
      if (sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j]))) {
        keep[q++] = j;
      }
    }
    double[][] a = new double[q][q];
    double[] b = new double[q];
    double[] z = new double[q];
    for (int i = 0; i < y.length; i++) {
      if (!use[i]) {
        continue;
      }
      for (int u = 0; u < q; u++) {
        int j = keep[u];
        z[u] = (x[j][i] - mean[j]) / sd[j];
      }
      double yy = y[i] - my;
      for (int u = 0; u < q; u++) {
        b[u] += z[u] * yy;
        double zu = z[u];
        double[] row = a[u];
        for (int v = 0; v <= u; v++) {
          row[v] += zu * z[v];
        }
      }
    }
    for (int u = 0; u < q; u++) {
      a[u][u] += RIDGE * n;
      for (int v = 0; v < u; v++) {
        a[v][u] = a[u][v];
      }
    }
    double[] beta = cholSolve(a, b);
    double[] coef = new double[k];
    double intercept = my;
    for (int u = 0; u < q; u++) {
      int j = keep[u];
      coef[j] = beta[u] / sd[j];
      intercept -= coef[j] * mean[j];
    }
    double rss = 0;
    for (int i = 0; i < y.length; i++) {
      if (use[i]) {
        double f = intercept;
        for (int j = 0; j < k; j++) {
          f += coef[j] * x[j][i];
        }
        double e = y[i] - f;
        rss += e * e;
      }
    }
    return new Fit(intercept, coef, rss, n, q + 1);
  }

  /** Solves a x = b for a symmetric positive definite a (Cholesky); a is overwritten. */
  private static double[] cholSolve(double[][] a, double[] b) {
    int n = b.length;
    for (int j = 0; j < n; j++) {
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        d -= a[j][k] * a[j][k];
      }
      d = Math.sqrt(Math.max(d, 1e-300));
      a[j][j] = d;
      for (int i = j + 1; i < n; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= a[i][k] * a[j][k];
        }
        a[i][j] = s / d;
      }
    }
    double[] x = b.clone();
    for (int i = 0; i < n; i++) {
      double s = x[i];
      for (int k = 0; k < i; k++) {
        s -= a[i][k] * x[k];
      }
      x[i] = s / a[i][i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = x[i];
      for (int k = i + 1; k < n; k++) {
        s -= a[k][i] * x[k];
      }
      x[i] = s / a[i][i];
    }
    return x;
  }
}
