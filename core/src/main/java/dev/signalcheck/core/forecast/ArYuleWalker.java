package dev.signalcheck.core.forecast;

import java.util.Arrays;

/**
 * Autoregression fitted by Yule–Walker with the order chosen by AIC, as R's {@code ar()} with its
 * defaults ({@code ar.yw}): the mean is removed; the autocovariances (denominator n) up to
 * order.max = min(n − 1, ⌊10·log10 n⌋) are solved by Levinson–Durbin recursion (R's {@code
 * eureka}); the order p minimises AIC = n·log(σ²_p) + 2p (σ²_p the innovations variance of order
 * p); forecasts are the recursion x̂[n+i] = mean + Σ_j φ_j (x[n+i−j] − mean), as R's {@code
 * predict.ar}.
 */
public final class ArYuleWalker implements Forecaster {
  public static final String NAME = "ar";

  @Override
  public String name() {
    return NAME;
  }

  /** R's default maximum order for a series of length n: min(n − 1, ⌊10·log10 n⌋). */
  public static int defaultMaxOrder(int n) {
    return Math.min(n - 1, (int) Math.floor(10 * Math.log10(n)));
  }

  @Override
  public Fit fit(double[] y, int m) {
    FittedValues.requireData(y, 2, NAME);
    int n = y.length;
    int orderMax = defaultMaxOrder(n);
    double mean = Autocorrelation.mean(y);
    double[] r = Autocorrelation.autocovariance(y, orderMax);
    if (!(r[0] > 0)) {
      throw new ModelFailure("ar cannot be fitted to a series without variation");
    }
    double[][] coefs = new double[orderMax][];
    double[] vars = new double[orderMax];
    levinson(r, orderMax, coefs, vars);
    int order = 0;
    double best = n * Math.log(r[0]);
    for (int p = 1; p <= orderMax; p++) {
      double aic = n * Math.log(vars[p - 1]) + 2 * p;
      if (aic < best) {
        best = aic;
        order = p;
      }
    }
    double[] phi = order == 0 ? new double[0] : Arrays.copyOf(coefs[order - 1], order);
    double[] centred = new double[n];
    for (int t = 0; t < n; t++) {
      centred[t] = y[t] - mean;
    }
    double[] fitted = new double[n];
    for (int t = 0; t < n; t++) {
      if (t < order) {
        fitted[t] = Double.NaN;
        continue;
      }
      double s = 0;
      for (int j = 0; j < order; j++) {
        s += phi[j] * centred[t - 1 - j];
      }
      fitted[t] = s + mean;
    }
    return new Fit(centred, mean, phi, fitted);
  }

  /** The order AIC selects for {@code y}. */
  public static int selectedOrder(double[] y) {
    return new ArYuleWalker().fit(y, 1).order();
  }

  /** A fitted AR(p): its coefficients, the mean removed, and the centred data it forecasts from. */
  public static final class Fit implements Fitted {
    private final double[] centred;
    private final double mean;
    private final double[] phi;
    private final double[] fitted;

    Fit(double[] centred, double mean, double[] phi, double[] fitted) {
      this.centred = centred;
      this.mean = mean;
      this.phi = phi;
      this.fitted = fitted;
    }

    public int order() {
      return phi.length;
    }

    /** φ_1 … φ_p (a copy). */
    public double[] coefficients() {
      return phi.clone();
    }

    public double mean() {
      return mean;
    }

    @Override
    public double[] forecast(int h) {
      int n = centred.length;
      int p = phi.length;
      double[] x = Arrays.copyOf(centred, n + h);
      double[] f = new double[h];
      for (int i = 0; i < h; i++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += phi[j] * x[n + i - 1 - j];
        }
        x[n + i] = s;
        f[i] = s + mean;
      }
      return f;
    }

    @Override
    public double[] fitted() {
      return fitted.clone();
    }

    @Override
    public String description() {
      return "AR(" + phi.length + ")";
    }
  }

  /**
   * Levinson–Durbin recursion, a line-by-line port of R's {@code eureka} (stats/src/eureka.f)
   * solving toeplitz(r) f = r[1..]: {@code coefs[l-1]} holds the AR(l) coefficients, {@code
   * vars[l-1]} the AR(l) innovations variance.
   */
  static void levinson(double[] r, int lr, double[][] coefs, double[] vars) {
    // Fortran arrays are 1-based: r(1) = r[0]; g = r.
    double[] a = new double[lr + 1];
    double[][] f = new double[lr + 1][lr + 1];
    double v = r[0];
    double d = r[1];
    a[1] = 1.0;
    f[1][1] = r[1] / v;
    double q = f[1][1] * r[1];
    vars[0] = (1 - f[1][1] * f[1][1]) * r[0];
    for (int l = 2; l <= lr; l++) {
      a[l] = -d / v;
      if (l > 2) {
        int l1 = (l - 2) / 2;
        int l2 = l1 + 1;
        for (int j = 2; j <= l2; j++) {
          double hold = a[j];
          int k = l - j + 1;
          a[j] = a[j] + a[l] * a[k];
          a[k] = a[k] + a[l] * hold;
        }
        if (2 * l1 != l - 2) {
          a[l2 + 1] = a[l2 + 1] * (1.0 + a[l]);
        }
      }
      v = v + a[l] * d;
      f[l][l] = (r[l] - q) / v;
      for (int j = 1; j <= l - 1; j++) {
        f[l][j] = f[l - 1][j] + f[l][l] * a[l - j + 1];
      }
      vars[l - 1] = vars[l - 2] * (1 - f[l][l] * f[l][l]);
      if (l == lr) {
        break;
      }
      d = 0.0;
      q = 0.0;
      for (int i = 1; i <= l; i++) {
        int k = l - i + 2;
        d = d + a[i] * r[k - 1];
        q = q + f[l][i] * r[k - 1];
      }
    }
    for (int l = 1; l <= lr; l++) {
      coefs[l - 1] = Arrays.copyOfRange(f[l], 1, l + 1);
    }
  }
}
