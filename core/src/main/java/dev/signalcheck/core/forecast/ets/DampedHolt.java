package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelFailure;

/**
 * Damped-trend Holt method as R's {@code forecast::holt(damped = TRUE)}: ETS(A,Ad,N) with α, β, φ
 * and the initial states estimated by minimising the in-sample one-step MSE, φ in [0.8, 0.98]. Not
 * seasonally adjusted by itself.
 */
public final class DampedHolt implements Forecaster {

  @Override
  public String name() {
    return "damped";
  }

  @Override
  public Fitted fit(double[] y, int m) {
    if (y.length <= 1) {
      throw new ModelFailure("at least two observations are needed to estimate a trend");
    }
    return Ets.fit(y, 1, EtsSpec.AADN, Ets.Criterion.MSE);
  }

  /**
   * Over a backtest's origins each fit starts from the previous origin's optimum ({@link
   * WarmStart}).
   */
  @Override
  public Forecaster forOrigins() {
    return WarmStart.over(this, EtsSpec.AADN);
  }
}
