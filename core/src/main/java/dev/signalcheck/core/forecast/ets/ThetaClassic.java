package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelFailure;

/**
 * The M4 "Theta classic" benchmark: the average of simple exponential smoothing on the theta = 2
 * line (2·y − linear trend) and the extrapolated linear trend (theta = 0 line), negative forecasts
 * set to zero. Not seasonally adjusted by itself.
 */
public final class ThetaClassic implements Forecaster {

  @Override
  public String name() {
    return "theta";
  }

  @Override
  public Fitted fit(double[] y, int m) {
    return fit(y, theta2 -> Ets.fit(theta2, 1, EtsSpec.ANN, Ets.Criterion.MSE));
  }

  /**
   * Over a backtest's origins the SES of each origin's theta = 2 line starts from the previous
   * origin's optimum ({@link WarmStart}).
   */
  @Override
  public Forecaster forOrigins() {
    WarmStart warm = new WarmStart(EtsSpec.ANN);
    ThetaClassic cold = this;
    return new Forecaster() {
      @Override
      public String name() {
        return cold.name();
      }

      @Override
      public Fitted fit(double[] y, int m) {
        return cold.fit(
            y,
            theta2 -> warm.fit(theta2, () -> Ets.fit(theta2, 1, EtsSpec.ANN, Ets.Criterion.MSE)));
      }
    };
  }

  private Fitted fit(double[] y, java.util.function.Function<double[], EtsFit> sesFit) {
    int n = y.length;
    if (n < 2) {
      throw new ModelFailure("theta needs at least two observations");
    }
    // Least-squares line on t = 1..n.
    double tbar = (n + 1) / 2.0;
    double ybar = dev.signalcheck.core.forecast.Autocorrelation.mean(y, 0, n);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dt = (i + 1) - tbar;
      sxy += dt * (y[i] - ybar);
      sxx += dt * dt;
    }
    double slope = sxy / sxx;
    double intercept = ybar - slope * tbar;
    double[] theta2 = new double[n];
    for (int i = 0; i < n; i++) {
      theta2[i] = 2 * y[i] - (intercept + slope * (i + 1));
    }
    EtsFit ses = sesFit.apply(theta2);
    return new ThetaFitted(ses, intercept, slope, n);
  }

  private record ThetaFitted(EtsFit ses, double intercept, double slope, int n) implements Fitted {

    @Override
    public double[] forecast(int h) {
      double[] f = ses.forecast(h);
      for (int i = 0; i < h; i++) {
        double line = intercept + slope * (n + 1 + i);
        f[i] = Math.max(0, 0.5 * f[i] + 0.5 * line);
      }
      return f;
    }

    @Override
    public double[] fitted() {
      double[] f = ses.fitted();
      for (int i = 0; i < n; i++) {
        f[i] = 0.5 * f[i] + 0.5 * (intercept + slope * (i + 1));
      }
      return f;
    }

    @Override
    public String description() {
      return String.format(java.util.Locale.ROOT, "Theta(classic, alpha=%.4f)", ses.alpha());
    }
  }
}
