package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;

/**
 * Holt's linear trend method as R's {@code forecast::holt}: ETS(A,A,N) with α, β and the initial
 * level and growth estimated by minimising the in-sample one-step MSE. Not seasonally adjusted by
 * itself.
 */
public final class Holt implements Forecaster {

  @Override
  public String name() {
    return "holt";
  }

  @Override
  public Fitted fit(double[] y, int m) {
    if (y.length <= 1) {
      throw new dev.signalcheck.core.forecast.ModelFailure(
          "at least two observations are needed to estimate a trend");
    }
    return Ets.fit(y, 1, EtsSpec.AAN, Ets.Criterion.MSE);
  }

  /**
   * Over a backtest's origins each fit starts from the previous origin's optimum ({@link
   * WarmStart}).
   */
  @Override
  public Forecaster forOrigins() {
    return WarmStart.over(this, EtsSpec.AAN);
  }
}
