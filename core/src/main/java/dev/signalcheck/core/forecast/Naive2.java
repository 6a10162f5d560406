package dev.signalcheck.core.forecast;

/**
 * M4 "Naive2": {@link Naive} on the M4 seasonally adjusted series ({@link M4SeasonalAdjustment}).
 */
public final class Naive2 implements Forecaster {
  public static final String NAME = "naive2";
  private final M4SeasonalAdjustment delegate = new M4SeasonalAdjustment(NAME, new Naive());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Fitted fit(double[] y, int m) {
    return delegate.fit(y, m);
  }
}
