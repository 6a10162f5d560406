package dev.signalcheck.core.forecast;

import java.util.Arrays;

/** The historical mean as the forecast for every step (R {@code forecast::meanf}). */
public final class MeanForecaster implements Forecaster {
  public static final String NAME = "mean";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Fitted fit(double[] y, int m) {
    FittedValues.requireData(y, 1, NAME);
    double mean = Autocorrelation.mean(y);
    double[] fitted = new double[y.length];
    Arrays.fill(fitted, mean);
    return new FittedValues(
        h -> {
          double[] f = new double[h];
          Arrays.fill(f, mean);
          return f;
        },
        fitted,
        "mean");
  }
}
