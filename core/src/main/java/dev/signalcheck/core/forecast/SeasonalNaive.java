package dev.signalcheck.core.forecast;

/**
 * The value one season earlier (M4 "sNaive", R {@code forecast::snaive}): step h repeats the last m
 * observations in turn. With m = 1 it is {@link Naive}.
 */
public final class SeasonalNaive implements Forecaster {
  public static final String NAME = "seasonal-naive";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Fitted fit(double[] y, int m) {
    int lag = Math.max(1, m);
    return Naive.lagWalk(
        y, lag, NAME, lag == 1 ? "naive (no season)" : "seasonal naive (m=" + lag + ")");
  }
}
