package dev.signalcheck.core.forecast;

import java.util.Arrays;

/** The last observed value for every step (M4 "Naive1", R {@code forecast::naive}). */
public final class Naive implements Forecaster {
  public static final String NAME = "naive";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Fitted fit(double[] y, int m) {
    return lagWalk(y, 1, NAME, "naive");
  }

  /** Repeats the last {@code lag} values; fitted value at t is y[t - lag] (R {@code lagwalk}). */
  static Fitted lagWalk(double[] y, int lag, String model, String description) {
    FittedValues.requireData(y, lag, model);
    int n = y.length;
    double[] last = Arrays.copyOfRange(y, n - lag, n);
    double[] fitted = new double[n];
    for (int t = 0; t < n; t++) {
      fitted[t] = t >= lag ? y[t - lag] : Double.NaN;
    }
    return new FittedValues(
        h -> {
          double[] f = new double[h];
          for (int i = 0; i < h; i++) {
            f[i] = last[i % lag];
          }
          return f;
        },
        fitted,
        description);
  }
}
