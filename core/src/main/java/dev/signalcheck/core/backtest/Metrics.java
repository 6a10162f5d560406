package dev.signalcheck.core.backtest;

/**
 * Point-forecast accuracy measures (analyses.md §4). e = actual − forecast. The scale of the scaled
 * measures comes from the training data, R {@code accuracy()}'s convention: the in-sample seasonal
 * naive errors y_t − y_{t−m} (m = 1 for a non-seasonal series).
 */
public final class Metrics {
  private Metrics() {}

  /** mean |y_t − y_{t−m}| over the training data; NaN when it has m points or fewer. */
  public static double maseScale(double[] train, int m) {
    int lag = Math.max(1, m);
    int count = train.length - lag;
    if (count <= 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int t = lag; t < train.length; t++) {
      s += Math.abs(train[t] - train[t - lag]);
    }
    return s / count;
  }

  /** mean (y_t − y_{t−m})² over the training data; NaN when it has m points or fewer. */
  public static double rmsseScale(double[] train, int m) {
    int lag = Math.max(1, m);
    int count = train.length - lag;
    if (count <= 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int t = lag; t < train.length; t++) {
      double d = train[t] - train[t - lag];
      s += d * d;
    }
    return s / count;
  }

  public static double mae(double[] actual, double[] forecast) {
    check(actual, forecast);
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      s += Math.abs(actual[i] - forecast[i]);
    }
    return s / actual.length;
  }

  public static double me(double[] actual, double[] forecast) {
    check(actual, forecast);
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      s += actual[i] - forecast[i];
    }
    return s / actual.length;
  }

  public static double mse(double[] actual, double[] forecast) {
    check(actual, forecast);
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      double e = actual[i] - forecast[i];
      s += e * e;
    }
    return s / actual.length;
  }

  public static double rmse(double[] actual, double[] forecast) {
    return Math.sqrt(mse(actual, forecast));
  }

  /**
   * MAE / scale; NaN when the scale is zero or undefined (training data without change over m
   * steps).
   */
  public static double mase(double[] actual, double[] forecast, double scale) {
    return scale > 0 ? mae(actual, forecast) / scale : Double.NaN;
  }

  /** sqrt(MSE / rmsseScale); NaN when the scale is zero or undefined. */
  public static double rmsse(double[] actual, double[] forecast, double squaredScale) {
    return squaredScale > 0 ? Math.sqrt(mse(actual, forecast) / squaredScale) : Double.NaN;
  }

  /**
   * The M4 sMAPE: mean of 200·|e| / (|y| + |ŷ|), in percent. A step where actual and forecast are
   * both exactly 0 is a perfect forecast and counts 0 (the formula's 0/0).
   */
  public static double smape(double[] actual, double[] forecast) {
    check(actual, forecast);
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      double den = Math.abs(actual[i]) + Math.abs(forecast[i]);
      double e = Math.abs(actual[i] - forecast[i]);
      s += den == 0 && e == 0 ? 0 : 200 * e / den;
    }
    return s / actual.length;
  }

  private static void check(double[] actual, double[] forecast) {
    if (actual.length != forecast.length) {
      throw new IllegalArgumentException(
          "actual and forecast differ in length: " + actual.length + " vs " + forecast.length);
    }
    if (actual.length == 0) {
      throw new IllegalArgumentException("no values to score");
    }
  }
}
