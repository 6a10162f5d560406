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
    return select(y, m, candidates(y, m));
  }

  /** {@link #fit} with the screen of {@link #selectScreened}. */
  static Fitted fitScreened(double[] y, int m) {
    Ets.checkData(y);
    if (isConstant(y)) {
      return new ConstantFit(y);
    }
    if (y.length <= 6) {
      throw new ModelFailure("too short for ETS: " + y.length + " values, need at least 7");
    }
    return selectScreened(y, m, candidates(y, m));
  }

  /** {@link #fitScreened} without the seasonal forms when {@link #mayBeSeasonal} says no. */
  static Fitted fitPretested(double[] y, int m) {
    Ets.checkData(y);
    if (isConstant(y)) {
      return new ConstantFit(y);
    }
    if (y.length <= 6) {
      throw new ModelFailure("too short for ETS: " + y.length + " values, need at least 7");
    }
    List<EtsSpec> forms = candidates(y, m);
    if (!mayBeSeasonal(y, m)) {
      forms.removeIf(EtsSpec::seasonal);
    }
    return selectScreened(y, m, forms);
  }

  private static Fitted select(double[] y, int m, List<EtsSpec> candidates) {
    List<EtsFit> fits = new ArrayList<>();
    for (EtsSpec spec : candidates) {
      try {
        fits.add(Ets.estimate(y, m, spec, Ets.Criterion.LIK));
      } catch (ModelFailure e) {
        // a form that cannot be fitted is not a candidate
      }
    }
    return lowestAicc(fits);
  }

  /** The fit of smallest AICc, the earlier one of a tie. */
  private static Fitted lowestAicc(List<EtsFit> fits) {
    Fitted best = null;
    double bestIc = Double.POSITIVE_INFINITY;
    for (EtsFit fit : fits) {
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

  /**
   * {@link #select} with a screen: every form's optimiser runs its first {@link #SCREEN_EVALS}
   * evaluations; the forms whose optimiser has already ended are complete, and of the others only
   * the {@link #SCREEN_KEEP} with the lowest AICc so far are carried on to the full limit. Each fit
   * carried on is exactly the one {@link #select} makes (the same optimiser run, resumed), so the
   * choice differs from {@link #select}'s only when the form it would pick was screened out.
   */
  static Fitted selectScreened(double[] y, int m, List<EtsSpec> candidates) {
    List<Ets.Begun> begun = new ArrayList<>();
    for (EtsSpec spec : candidates) {
      try {
        begun.add(Ets.begin(y, m, spec, Ets.Criterion.LIK, SCREEN_EVALS));
      } catch (ModelFailure e) {
        // as select: a form that cannot be fitted is not a candidate
      }
    }
    List<Ets.Begun> running = new ArrayList<>();
    for (Ets.Begun b : begun) {
      if (!b.ended()) {
        running.add(b);
      }
    }
    running.sort(java.util.Comparator.comparingDouble(Ets.Begun::aiccSoFar));
    java.util.Set<Ets.Begun> dropped =
        new java.util.HashSet<>(
            running.subList(Math.min(SCREEN_KEEP, running.size()), running.size()));
    List<EtsFit> fits = new ArrayList<>();
    for (Ets.Begun b : begun) {
      if (!dropped.contains(b)) {
        fits.add(b.finish());
      }
    }
    return lowestAicc(fits);
  }

  /**
   * Evaluations every form gets before the screen of {@link #selectScreened}. Measured on M4 Hourly
   * (m = 24, forms of up to 30 parameters), earliest of three origins: after 300 evaluations the
   * AICc so far ranks the seasonal forms so poorly that keeping even the best four raised the mean
   * MASE by more than half; after 600, keeping three raised it by 1.2% and keeping four left it
   * within 0.1% of the full search, the same form as the full search on all but 5% of the series
   * (docs/benchmarks.md, "Fleet (W3)").
   */
  static final int SCREEN_EVALS = 600;

  /** Forms still running after the screen that are carried on to the full limit. */
  static final int SCREEN_KEEP = 4;

  /**
   * Automatic ETS for the origins of one backtest. Windows shorter than {@link #EXACT_BELOW} are
   * fitted at every origin over all forms, as {@link #fit} fits them but screened and without the
   * seasonal forms when the window fails the seasonality pretest below (on all of M3 quarterly at
   * 10 origins: mean MASE +0.04% against the exact search, 26% less CPU than without the pretest).
   * From there on the form is chosen once, at the earliest origin (or taken from the last shorter
   * window), and later origins refit only that form, exactly as {@code ets(y, model = form)} fits
   * it; the form is chosen again only when that refit fails. On all of M4 Hourly at 10 origins the
   * mean MASE is 3.8% below the exact search's (choosing again whenever the window had grown by
   * half: 2.95% below, at 44% more CPU; refits warm started from the previous origin's optimum:
   * 2.34% above). The choice sees only the earliest training window, so it knows nothing after any
   * origin. At the earliest origin, seasonal forms are left out when {@link #mayBeSeasonal} finds
   * no season in the training data (with fewer than three seasons they stay in): without a cycle
   * their m extra states cannot pay for their AICc penalty, and they are nine of the fifteen forms
   * and nearly all of the work. Every search over forms here (short windows and choices alike) is
   * screened ({@link #selectScreened}): only the most promising forms are carried to the
   * optimiser's full limit. Each fit remains {@code ets}'s own fit of its form; only the candidates
   * differ from fitting every origin afresh.
   */
  @Override
  public Forecaster forOrigins() {
    return new Sequential();
  }

  /**
   * Training windows shorter than this are searched as {@code ets} would, every form at every
   * origin (screened): there the search is cheap, and where it is not (long, seasonal windows)
   * choosing once pays.
   */
  static final int EXACT_BELOW = 200;

  /** {@link #forOrigins()}: remembers the chosen form. */
  static final class Sequential implements Forecaster {
    private EtsFit last;

    @Override
    public String name() {
      return "ets";
    }

    @Override
    public Fitted fit(double[] y, int m) {
      Ets.checkData(y);
      if (y.length < EXACT_BELOW) {
        // short windows: searching every form is cheap, and a choice on few points is fragile
        Fitted f = fitPretested(y, m);
        last = f instanceof EtsFit e ? e : null;
        return f;
      }
      if (last != null && !isConstant(y)) {
        try {
          // the chosen form fitted exactly as ets fits it, from its own starting values
          EtsFit f = Ets.fit(y, m, last.spec(), Ets.Criterion.LIK);
          if (!Double.isNaN(f.aicc())) {
            last = f;
            return f;
          }
        } catch (ModelFailure e) {
          // the form does not suit the longer window: choose afresh below
        }
      }
      if (isConstant(y)) {
        return new ConstantFit(y);
      }
      Fitted f = fitPretested(y, m);
      last = f instanceof EtsFit e ? e : null;
      return f;
    }
  }

  /**
   * The F statistic below which seasonal forms are left out at the earliest origin. AICc chooses a
   * seasonal form over its non-seasonal twin only when the m − 1 extra seasonal states buy
   * n·log(SSE ratio) above about 2(m − 1), which for a fixed seasonal pattern is an F of about 2;
   * the threshold keeps a margin below that, for seasons that drift.
   */
  static final double SEASONAL_F = 1.5;

  /**
   * Whether seasonal forms stay among the candidates: fewer than three seasons, or a one-way
   * analysis of variance of the detrended data (the data less their centred moving average of one
   * season, as in a classical decomposition) by position in the season gives an F statistic of at
   * least {@link #SEASONAL_F}. (The M4 seasonality test on the autocorrelation at lag m is no use
   * here: a strong cycle makes every autocorrelation large, and with it the test's bound, so that
   * short, clearly seasonal series fail it.)
   */
  static boolean mayBeSeasonal(double[] y, int m) {
    int n = y.length;
    if (m <= 1 || n < 3 * m + 1) {
      return true;
    }
    int half = m / 2;
    boolean even = m % 2 == 0;
    double[] sum = new double[m];
    double[] sumSq = new double[m];
    int[] count = new int[m];
    // running window sum of y[t - half .. t + half] (even m: the ends weighted 1/2)
    double window = 0;
    for (int i = 0; i <= 2 * half; i++) {
      window += y[i];
    }
    int total = 0;
    double grand = 0;
    for (int t = half; t + half < n; t++) {
      if (t > half) {
        window += y[t + half] - y[t - half - 1];
      }
      double trend = even ? (window - 0.5 * (y[t - half] + y[t + half])) / m : window / m;
      double d = y[t] - trend;
      int j = t % m;
      sum[j] += d;
      sumSq[j] += d * d;
      count[j]++;
      grand += d;
      total++;
    }
    double mean = grand / total;
    double between = 0;
    double within = 0;
    for (int j = 0; j < m; j++) {
      if (count[j] == 0) {
        continue;
      }
      double mj = sum[j] / count[j];
      between += count[j] * (mj - mean) * (mj - mean);
      within += sumSq[j] - count[j] * mj * mj;
    }
    if (total - m < 1 || !(within > 0)) {
      return true;
    }
    double f = (between / (m - 1)) / (within / (total - m));
    return !(f < SEASONAL_F);
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
