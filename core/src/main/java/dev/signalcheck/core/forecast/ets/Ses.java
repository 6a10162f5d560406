package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;

/**
 * Simple exponential smoothing as R's {@code forecast::ses}: ETS(A,N,N) with α and the initial
 * level estimated by minimising the in-sample one-step MSE. Not seasonally adjusted by itself.
 */
public final class Ses implements Forecaster {

  @Override
  public String name() {
    return "ses";
  }

  @Override
  public Fitted fit(double[] y, int m) {
    return Ets.fit(y, 1, EtsSpec.ANN, Ets.Criterion.MSE);
  }

  /**
   * Over a backtest's origins each fit starts from the previous origin's optimum ({@link
   * WarmStart}).
   */
  @Override
  public Forecaster forOrigins() {
    return WarmStart.over(this, EtsSpec.ANN);
  }
}
