package dev.signalcheck.core.backtest;

import java.util.List;

/**
 * One model's forecast from one origin, beside what happened (for plots and for the significance
 * test).
 *
 * @param trainingLength the number of observations the model saw; also the 0-based index of the
 *     first forecast step in the series
 * @param actual the observed values of the test window, {@code horizon} of them
 * @param forecast the point forecasts for the same steps
 * @param mase this origin's MASE (its own training scale)
 */
public record OriginForecast(
    int trainingLength, List<Double> actual, List<Double> forecast, double mase) {
  public OriginForecast {
    // primitive copies: a long horizon holds millions of these values (DoubleList)
    actual = DoubleList.copyOf(actual);
    forecast = DoubleList.copyOf(forecast);
    if (actual.size() != forecast.size()) {
      throw new IllegalArgumentException("actual and forecast differ in length");
    }
  }

  /** actual − forecast for each step. */
  public double[] errors() {
    double[] e = new double[actual.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = actual.get(i) - forecast.get(i);
    }
    return e;
  }
}
