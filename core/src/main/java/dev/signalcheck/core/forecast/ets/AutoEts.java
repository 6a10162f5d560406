package dev.signalcheck.core.forecast.ets;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.ModelFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Automatic exponential smoothing as R's {@code forecast::ets(y)}: every allowed ETS form is fitted
 * by maximum likelihood and the one with the smallest AICc is kept. Allowed forms: error A/M, trend
 * N/A/Ad, season N/A/M, except additive error with multiplicative season, multiplicative trend, and
 * multiplicative forms for data that are not all positive. Seasonal forms only for 1 < m ≤ 24 and
 * more than m observations. A constant series gets the constant as forecast.
 */
public final class AutoEts implements Forecaster {

  @Override
  public String name() {
    return "ets";
  }

  @Override
  public Fitted fit(double[] y, int m) {
    Ets.checkData(y);
    int n = y.length;
    if (isConstant(y)) {
      return new ConstantFit(y);
    }
    if (n <= 6) {
      throw new ModelFailure("too short for ETS: " + n + " values, need at least 7");
    }
    Fitted best = null;
    double bestIc = Double.POSITIVE_INFINITY;
    for (EtsSpec spec : candidates(y, m)) {
      EtsFit fit;
      try {
        fit = Ets.estimate(y, m, spec, Ets.Criterion.LIK);
      } catch (ModelFailure e) {
        continue;
      }
      double ic = fit.aicc();
      if (!Double.isNaN(ic) && ic < bestIc) {
        bestIc = ic;
        best = fit;
      }
    }
    if (best == null) {
      throw new ModelFailure("no ETS model could be fitted");
    }
    return best;
  }

  /** The forms {@code ets} tries, in its order (ties keep the earlier one). */
  static List<EtsSpec> candidates(double[] y, int m) {
    boolean seasonalAllowed = m > 1 && m <= Ets.MAX_PERIOD && y.length > m;
    boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
    List<EtsSpec> out = new ArrayList<>();
    for (EtsSpec.ErrorType e : EtsSpec.ErrorType.values()) {
      if (e == EtsSpec.ErrorType.MULTIPLICATIVE && !positive) {
        continue;
      }
      for (EtsSpec.TrendType t :
          new EtsSpec.TrendType[] {
            EtsSpec.TrendType.NONE, EtsSpec.TrendType.DAMPED, EtsSpec.TrendType.ADDITIVE
          }) {
        for (EtsSpec.SeasonType s : EtsSpec.SeasonType.values()) {
          if (s != EtsSpec.SeasonType.NONE && !seasonalAllowed) {
            continue;
          }
          if (e == EtsSpec.ErrorType.ADDITIVE && s == EtsSpec.SeasonType.MULTIPLICATIVE) {
            continue;
          }
          out.add(new EtsSpec(e, t, s));
        }
      }
    }
    // forecast's loop order is error, trend, season, then damped (TRUE before FALSE).
    out.sort(
        (a, b) -> {
          int c = Integer.compare(a.error().ordinal(), b.error().ordinal());
          if (c != 0) {
            return c;
          }
          c = Integer.compare(trendRank(a.trend()), trendRank(b.trend()));
          if (c != 0) {
            return c;
          }
          c = Integer.compare(a.season().ordinal(), b.season().ordinal());
          if (c != 0) {
            return c;
          }
          return Boolean.compare(!a.damped(), !b.damped());
        });
    return out;
  }

  private static int trendRank(EtsSpec.TrendType t) {
    return t == EtsSpec.TrendType.NONE ? 0 : 1;
  }

  private static boolean isConstant(double[] y) {
    for (double v : y) {
      if (v != y[0]) {
        return false;
      }
    }
    return true;
  }

  /** What {@code ets} returns for a constant series: SES with α ≈ 1, i.e. the constant. */
  private record ConstantFit(double[] y) implements Fitted {
    @Override
    public double[] forecast(int h) {
      double[] f = new double[h];
      Arrays.fill(f, y[y.length - 1]);
      return f;
    }

    @Override
    public double[] fitted() {
      double[] f = new double[y.length];
      Arrays.fill(f, y[0]);
      return f;
    }

    @Override
    public String description() {
      return "ETS(A,N,N)";
    }
  }
}
