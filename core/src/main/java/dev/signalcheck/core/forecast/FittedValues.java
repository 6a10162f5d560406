package dev.signalcheck.core.forecast;

import java.util.function.IntFunction;

/** A {@link Fitted} assembled from its parts: the small models here need nothing more. */
final class FittedValues implements Fitted {
  private final IntFunction<double[]> forecast;
  private final double[] fitted;
  private final String description;

  FittedValues(IntFunction<double[]> forecast, double[] fitted, String description) {
    this.forecast = forecast;
    this.fitted = fitted;
    this.description = description;
  }

  @Override
  public double[] forecast(int h) {
    if (h < 0) {
      throw new IllegalArgumentException("horizon must not be negative: " + h);
    }
    return forecast.apply(h);
  }

  @Override
  public double[] fitted() {
    return fitted.clone();
  }

  @Override
  public String description() {
    return description;
  }

  static void requireData(double[] y, int min, String model) {
    if (y == null || y.length < min) {
      throw new ModelFailure(
          model
              + " needs at least "
              + min
              + " observation"
              + (min == 1 ? "" : "s")
              + ", got "
              + (y == null ? 0 : y.length));
    }
  }
}
