package dev.signalcheck.core.forecast;

/**
 * Random walk with drift (R {@code forecast::rwf(drift = TRUE)}): the last value plus h times the
 * mean step b = mean(y[t] - y[t-1]); fitted value at t is y[t-1] + b.
 */
public final class Drift implements Forecaster {
  public static final String NAME = "drift";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Fitted fit(double[] y, int m) {
    FittedValues.requireData(y, 2, NAME);
    int n = y.length;
    double[] diffs = new double[n - 1];
    for (int t = 1; t < n; t++) {
      diffs[t - 1] = y[t] - y[t - 1];
    }
    double b = Autocorrelation.mean(diffs);
    double last = y[n - 1];
    double[] fitted = new double[n];
    fitted[0] = Double.NaN;
    for (int t = 1; t < n; t++) {
      fitted[t] = y[t - 1] + b;
    }
    return new FittedValues(
        h -> {
          double[] f = new double[h];
          for (int i = 0; i < h; i++) {
            f[i] = last + (i + 1) * b;
          }
          return f;
        },
        fitted,
        String.format(java.util.Locale.ROOT, "random walk with drift %.4g per step", b));
  }
}
