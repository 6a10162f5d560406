package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.ModelFailure;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/** forecast's {@code initstate}: the heuristic initial states an ETS fit starts from. */
final class EtsInitialState {

  private EtsInitialState() {}

  /**
   * forecast's {@code initstate}: level (and growth) from the first max(10, 2m) seasonally adjusted
   * values; seasonal states from a classical decomposition, or from a trend-plus-one-harmonic
   * regression when there are fewer than three periods.
   *
   * @return level, growth if trended, then m − 1 seasonal states newest first
   */
  static double[] of(double[] y, int m, EtsSpec spec) {
    int n = y.length;
    boolean seasonal = spec.seasonal();
    double[] ysa;
    double[] initSeas = new double[0];
    int mm = 1;
    if (seasonal) {
      mm = m;
      boolean mult = spec.season() == EtsSpec.SeasonType.MULTIPLICATIVE;
      if (n < 4) {
        throw new ModelFailure("not enough data for a seasonal model");
      }
      double[] seas;
      if (n < 3 * m) {
        seas = harmonicSeasonal(y, m, mult);
      } else {
        seas = dev.signalcheck.core.forecast.ClassicalDecomposition.of(y, m, mult).seasonal();
      }
      initSeas = new double[m - 1];
      for (int k = 0; k < m - 1; k++) {
        initSeas[k] = seas[m - 1 - k];
      }
      ysa = new double[n];
      if (!mult) {
        for (int i = 0; i < n; i++) {
          ysa[i] = y[i] - seas[i];
        }
      } else {
        double sum = 0;
        for (int k = 0; k < m - 1; k++) {
          initSeas[k] = Math.max(initSeas[k], 1e-2);
          sum += initSeas[k];
        }
        if (sum > m) {
          double denom = 0;
          for (int k = 0; k < m - 1; k++) {
            denom += initSeas[k] + 1e-2;
          }
          for (int k = 0; k < m - 1; k++) {
            initSeas[k] /= denom;
          }
        }
        for (int i = 0; i < n; i++) {
          ysa[i] = y[i] / Math.max(seas[i], 1e-2);
        }
      }
    } else {
      ysa = y;
    }
    int maxn = Math.min(Math.max(10, 2 * mm), n);
    double[] out = new double[1 + (spec.hasTrend() ? 1 : 0) + initSeas.length];
    if (!spec.hasTrend()) {
      out[0] = dev.signalcheck.core.forecast.Autocorrelation.mean(ysa, 0, maxn);
    } else {
      double tbar = (maxn + 1) / 2.0;
      double ybar = dev.signalcheck.core.forecast.Autocorrelation.mean(ysa, 0, maxn);
      double sxy = 0;
      double sxx = 0;
      for (int i = 0; i < maxn; i++) {
        double dt = (i + 1) - tbar;
        sxy += dt * (ysa[i] - ybar);
        sxx += dt * dt;
      }
      double b0 = sxx > 0 ? sxy / sxx : 0;
      double l0 = ybar - b0 * tbar;
      if (Math.abs(l0 + b0) < 1e-8) {
        l0 = l0 * (1 + 1e-3);
        b0 = b0 * (1 - 1e-3);
      }
      out[0] = l0;
      out[1] = b0;
    }
    System.arraycopy(initSeas, 0, out, out.length - initSeas.length, initSeas.length);
    return out;
  }

  /** Seasonal pattern relative to a linear trend fitted with one Fourier pair (short series). */
  private static double[] harmonicSeasonal(double[] y, int m, boolean mult) {
    int n = y.length;
    boolean withSin = m > 2;
    int p = withSin ? 4 : 3;
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      int t = i + 1;
      x[i][0] = 1;
      x[i][1] = t;
      int c = 2;
      if (withSin) {
        x[i][c++] = Math.sin(Math.PI * (2.0 * t / m));
      }
      x[i][c] = Math.cos(Math.PI * (2.0 * t / m));
    }
    RealVector coef =
        new QRDecomposition(new Array2DRowRealMatrix(x, false))
            .getSolver()
            .solve(new ArrayRealVector(y, false));
    double a = coef.getEntry(0);
    double b = coef.getEntry(1);
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      double tr = a + b * (i + 1);
      s[i] = mult ? y[i] / tr : y[i] - tr;
    }
    return s;
  }
}
