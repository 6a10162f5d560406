package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelFailure;
import java.util.function.Supplier;

/**
 * One ETS form fitted by one-step MSE at the origins of one backtest, each origin's optimiser
 * starting from the previous origin's optimum (the training windows are growing prefixes of one
 * series, so the previous optimum's initial states belong to the same first time point). The first
 * origin, windows shorter than {@link #WARM_FROM} and any origin whose warm start fails are fitted
 * as {@link Ets#fit} fits them. What is kept comes only from earlier, shorter windows: nothing
 * after any origin. One instance serves one series on one thread.
 */
final class WarmStart {
  /**
   * Windows shorter than this are fitted afresh. On short windows the optimum moves far between
   * origins (α jumps between its bounds), and a simplex of 5% around the previous optimum stays in
   * the wrong valley: on M3 quarterly (windows of 11–64 points) warm starts raised the mean MASE of
   * the adjusted SES by 14% and of damped Holt by 26%; from 200 points on the optimum moves little
   * (M4 Hourly: within 0.3%, docs/benchmarks.md). Short windows are cheap to fit anyway.
   */
  static final int WARM_FROM = AutoEts.EXACT_BELOW;

  /**
   * A warm-started fit ends when the simplex's values agree to this relative tolerance (R's, used
   * by every cold fit, is √ε ≈ 1.5e-8). Started at the previous optimum with a simplex of 5%, the
   * optimiser then needs about 20 evaluations instead of 55 (the fleet's ses and theta fits); the
   * criterion at the end is within 1e-5 of its minimum, the parameters within a few tenths of a
   * percent; on M4 Hourly the mean MASE of ses, theta and damped stays within 0.06% of fitting
   * every origin afresh (docs/benchmarks.md, "Warm fits to 10⁻⁵"). Windows shorter than {@link
   * #WARM_FROM} are never warm started, so M3 and the R parity fits are exact.
   */
  static final double WARM_RELTOL = 1e-5;

  private final EtsSpec spec;
  private double[] last;

  WarmStart(EtsSpec spec) {
    this.spec = spec;
  }

  /**
   * {@code cold} over the origins of one backtest: its first fit as it is, later ones warm started.
   * {@code cold} must fit {@code spec} by MSE and return its {@link EtsFit}.
   */
  static Forecaster over(Forecaster cold, EtsSpec spec) {
    WarmStart warm = new WarmStart(spec);
    return new Forecaster() {
      @Override
      public String name() {
        return cold.name();
      }

      @Override
      public Fitted fit(double[] y, int m) {
        return warm.fit(y, () -> (EtsFit) cold.fit(y, m));
      }
    };
  }

  /**
   * The fit of {@code spec} to {@code y}, from the previous optimum when there is one, else {@code
   * cold}'s.
   */
  EtsFit fit(double[] y, Supplier<EtsFit> cold) {
    if (last != null && y.length >= WARM_FROM) {
      Ets.checkData(y);
      try {
        EtsFit f = Ets.estimateFrom(y, 1, spec, Ets.Criterion.MSE, last, Ets.MAXIT, WARM_RELTOL);
        if (Double.isFinite(f.mse())) {
          last = Ets.parameters(f);
          return f;
        }
      } catch (ModelFailure e) {
        // the previous optimum does not suit this window: fit afresh below
      }
    }
    EtsFit f = cold.get();
    last = Ets.parameters(f);
    return f;
  }
}
