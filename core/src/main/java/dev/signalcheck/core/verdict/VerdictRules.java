package dev.signalcheck.core.verdict;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.OriginTest;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.backtest.Significance;
import dev.signalcheck.core.covariates.CovariateResult;
import dev.signalcheck.core.forecast.ModelInfo;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.forecast.Naive;
import dev.signalcheck.core.forecast.SeasonalNaive;
import dev.signalcheck.core.text.Prose;
import dev.signalcheck.core.verdict.Decision.Basis;
import dev.signalcheck.core.verdict.Decision.Reason;
import dev.signalcheck.core.verdict.Decision.ReasonCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the verdict of a backtest ({@link #decide}, a {@link Decision}: values only), which
 * {@link VerdictWriter} then words (analyses.md §5).
 *
 * <p><b>Signal</b> is the stronger of two labels:
 *
 * <ul>
 *   <li><i>what a model adds</i>: the best candidate beats the best trivial baseline by skill ≥
 *       {@value #MIN_SKILL} with p &lt; {@value #ALPHA} ({@link OriginTest}: one loss differential
 *       per origin, long-run variance) — weak below {@value #STRONG_SKILL}, strong from it;
 *   <li><i>the seasonal pattern</i>: when the best baseline is seasonal (seasonal naive, or naive2
 *       on a seasonal series) and beats both the mean and the last observed value significantly,
 *       the pattern it exploits is signal: strong when it removes at least {@value #PATTERN_STRONG}
 *       of the error of forecasting the average, weak from {@value #PATTERN_WEAK}. Whether a model
 *       adds to the seasonal baseline is stated separately ({@link Decision#modelAdds}).
 * </ul>
 *
 * Persistence alone (the last observed value beating the mean, as on any random walk) is not
 * signal. {@code insufficient-data} when not one origin fits.
 *
 * <p><b>Useful steps</b> are the steps at which the best candidate's skill is at least {@value
 * #MIN_SKILL}, and only when its overall gain is confirmed; {@code usefulHorizon} is the number of
 * those steps from step 1 without a gap.
 */
public final class VerdictRules {
  public static final double MIN_SKILL = 0.05;
  public static final double STRONG_SKILL = 0.20;
  public static final double ALPHA = 0.05;

  /** A seasonal baseline removing this share of the mean's error makes a strong signal. */
  public static final double PATTERN_STRONG = 0.5;

  /** A seasonal baseline removing this share of the mean's error makes a weak signal. */
  public static final double PATTERN_WEAK = 0.2;

  /** Origins below which an unconfirmed gain suggests running with more. */
  static final int DECISIVE_ORIGINS = 10;

  private VerdictRules() {}

  /** The verdict, calling the seasonal period "seasonal pattern (period m)". */
  public static Verdict judge(BacktestResult r) {
    return judge(r, null);
  }

  /**
   * The verdict.
   *
   * @param seasonName what to call the seasonal period in plain words, e.g. {@code weekly} or
   *     {@code daily}; null for "seasonal"
   */
  public static Verdict judge(BacktestResult r, String seasonName) {
    return VerdictWriter.word(decide(r, null), seasonName);
  }

  /** The verdict with covariates: decided with {@link #decide(BacktestResult, CovariateResult)}. */
  public static Verdict judge(BacktestResult r, CovariateResult c, String seasonName) {
    return VerdictWriter.word(decide(r, c), seasonName);
  }

  /** The decision without covariates. */
  public static Decision decide(BacktestResult r) {
    return decide(r, null);
  }

  /**
   * The decision.
   *
   * @param r the backtest (with the covariate model among its candidates when there is one: {@link
   *     RollingOriginBacktest#withModel})
   * @param c the covariate analysis, or null
   */
  public static Decision decide(BacktestResult r, CovariateResult c) {
    List<Reason> reasons = new ArrayList<>();
    if (r.insufficientData()) {
      reasons.add(
          reason(
              ReasonCode.TOO_SHORT,
              "observations",
              r.observations(),
              "horizon",
              r.horizon(),
              "needed",
              r.minimumTrainingLength() + r.horizon()));
      r.notes().forEach(n -> reasons.add(reason(ReasonCode.NOTE, "text", n)));
      covariateReasons(c, reasons, true);
      return Decision.builder()
          .signal(Signal.INSUFFICIENT_DATA)
          .basis(Basis.INSUFFICIENT_DATA)
          .horizon(r.horizon())
          .season(r.season())
          .expected(Expected.UNKNOWN)
          .reasons(reasons)
          .build();
    }
    ModelScore base = r.baseline() == null ? null : r.model(r.baseline()).orElse(null);
    ModelScore best = r.best() == null ? null : r.model(r.best()).orElse(null);
    Expected expected = best == null ? Expected.UNKNOWN : expected(best.maseByOrigin());
    double p = r.significance() == null ? Double.NaN : r.significance().pValue();
    double skill = r.skill();
    List<Integer> t = r.trainingLengths();
    reasons.add(
        reason(
            ReasonCode.BACKTEST,
            "origins",
            r.origins(),
            "horizon",
            r.horizon(),
            "trainingFrom",
            t.isEmpty() ? 0 : t.get(0),
            "trainingTo",
            t.isEmpty() ? 0 : t.get(t.size() - 1)));
    if (Double.isFinite(r.predictability())) {
      reasons.add(reason(ReasonCode.PREDICTABILITY, "predictability", r.predictability()));
    }
    if (base != null) {
      reasons.add(reason(ReasonCode.BASELINE, "name", base.name(), "mase", base.mase()));
    }

    // the seasonal pattern
    double share = Double.NaN;
    boolean confirmed = false;
    if (base != null && isSeasonal(base.name(), r.season())) {
      share = r.meanMae() > 0 ? 1 - base.mae() / r.meanMae() : Double.NaN;
      ModelScore naive = usable(r, ModelInfo.Basis.LAST_VALUE);
      ModelScore mean = usable(r, ModelInfo.Basis.MEAN);
      double pNaive =
          naive == null ? 0 : pOf(OriginTest.compare(naive, base), 1 - base.mase() / naive.mase());
      double pMean = mean == null ? 0 : pOf(OriginTest.compare(mean, base), share);
      confirmed =
          Double.isFinite(share)
              && share >= PATTERN_WEAK
              && pNaive < ALPHA
              && pMean < ALPHA
              && (naive == null || base.mase() <= (1 - MIN_SKILL) * naive.mase());
      reasons.add(
          reason(
              ReasonCode.SEASONAL_PATTERN,
              "baseline",
              base.name(),
              "share",
              share,
              "confirmed",
              confirmed,
              "pValue",
              Math.max(pNaive, pMean)));
    }

    boolean modelAdds = false;
    List<Integer> useful = new ArrayList<>();
    if (best != null) {
      reasons.add(
          reason(
              ReasonCode.BEST_MODEL,
              "name",
              best.name(),
              "description",
              best.description() == null ? "" : best.description(),
              "mase",
              best.mase(),
              "skill",
              base == null ? Double.NaN : skill,
              "pValue",
              p,
              "usesCovariates",
              best.usesCovariates()));
      modelAdds = base != null && Double.isFinite(skill) && skill >= MIN_SKILL && p < ALPHA;
      if (modelAdds) {
        useful = usefulSteps(r.skillByHorizon());
        reasons.add(
            useful.isEmpty()
                ? reason(ReasonCode.NO_USEFUL_STEP, "horizon", r.horizon())
                : reason(ReasonCode.USEFUL_STEPS, "steps", useful, "horizon", r.horizon()));
      } else if (base != null && Double.isFinite(skill) && skill >= MIN_SKILL) {
        reasons.add(
            reason(
                ReasonCode.GAIN_NOT_CONFIRMED,
                "skill",
                skill,
                "pValue",
                p,
                "origins",
                r.origins()));
        int possible = RollingOriginBacktest.autoOrigins(r.observations(), r.season(), r.horizon());
        if (r.origins() < DECISIVE_ORIGINS && possible > r.origins()) {
          reasons.add(reason(ReasonCode.FEW_ORIGINS, "origins", r.origins(), "possible", possible));
        }
      } else if (base != null) {
        reasons.add(reason(ReasonCode.NO_USEFUL_STEP, "horizon", r.horizon()));
      }
      if (Double.isFinite(expected.mase())) {
        reasons.add(
            reason(
                ReasonCode.EXPECTED,
                "mase",
                expected.mase(),
                "low",
                expected.low(),
                "high",
                expected.high(),
                "scale",
                r.season() > 1 ? SeasonalNaive.NAME : Naive.NAME));
      }
    }
    for (ModelScore s : r.models()) {
      if (s.skipped()) {
        reasons.add(reason(ReasonCode.MODEL_SKIPPED, "name", s.name(), "reason", s.reason()));
      }
    }
    r.notes().forEach(n -> reasons.add(reason(ReasonCode.NOTE, "text", n)));
    covariateReasons(c, reasons, false);

    Signal signal;
    Basis basis;
    if (base == null || best == null || !Double.isFinite(skill)) {
      signal = Signal.NONE;
      basis = Basis.CANNOT_JUDGE;
    } else {
      Signal byModel =
          !modelAdds ? Signal.NONE : skill < STRONG_SKILL ? Signal.WEAK : Signal.STRONG;
      Signal byPattern =
          !confirmed ? Signal.NONE : share >= PATTERN_STRONG ? Signal.STRONG : Signal.WEAK;
      if (modelAdds && rank(byModel) >= rank(byPattern)) {
        signal = byModel;
        basis = Basis.MODEL;
      } else if (confirmed) {
        signal = byPattern;
        basis = Basis.PATTERN;
      } else {
        signal = Signal.NONE;
        basis = Basis.NONE;
      }
    }
    return Decision.builder()
        .signal(signal)
        .basis(basis)
        .modelAdds(modelAdds)
        .baseline(base == null ? null : base.name())
        .best(best == null ? null : best.name())
        .bestUsesCovariates(best != null && best.usesCovariates())
        .skill(skill)
        .pValue(p)
        .predictability(r.predictability())
        .patternShare(share)
        .patternConfirmed(confirmed)
        .usefulSteps(useful)
        .horizon(r.horizon())
        .origins(r.origins())
        .season(r.season())
        .expected(expected)
        .reasons(reasons)
        .build();
  }

  private static void covariateReasons(CovariateResult c, List<Reason> out, boolean tooShort) {
    if (c == null || c.items().isEmpty()) {
      return;
    }
    if (tooShort) {
      out.add(reason(ReasonCode.COVARIATES_NOT_BACKTESTED));
    }
    if (c.model() != null && !c.model().skipped()) {
      out.add(
          reason(ReasonCode.COVARIATE_MODEL, "inputs", c.modelInputs(), "mase", c.model().mase()));
    }
    for (CovariateResult.Item i : c.items()) {
      out.add(
          reason(
              ReasonCode.COVARIATE,
              "name",
              i.name(),
              "assessment",
              i.assessment(),
              "text",
              i.reason() == null ? i.name() + ": " + i.assessment() : i.reason()));
    }
  }

  private static double pOf(Significance s, double gain) {
    return s == null || !(gain > 0) ? 1 : Double.isNaN(s.pValue()) ? 1 : s.pValue();
  }

  /** The scored baseline forecasting by {@code basis}, or null. */
  private static ModelScore usable(BacktestResult r, ModelInfo.Basis basis) {
    for (ModelScore s : r.models()) {
      ModelInfo i = ModelRegistry.info(s.name());
      if (i.baseline() && i.basis() == basis && !s.skipped() && Double.isFinite(s.mase())) {
        return s;
      }
    }
    return null;
  }

  /** Whether a baseline forecasts by the seasonal pattern. */
  static boolean isSeasonal(String baseline, int m) {
    return ModelRegistry.info(baseline).seasonal(m);
  }

  static int rank(Signal s) {
    return switch (s) {
      case STRONG -> 3;
      case WEAK -> 2;
      case NONE -> 1;
      case INSUFFICIENT_DATA -> 0;
    };
  }

  /** The steps (1-based) with skill at least {@value #MIN_SKILL}. */
  static List<Integer> usefulSteps(List<Double> skillByHorizon) {
    List<Integer> out = new ArrayList<>();
    for (int h = 0; h < skillByHorizon.size(); h++) {
      Double s = skillByHorizon.get(h);
      if (s != null && s >= MIN_SKILL) {
        out.add(h + 1);
      }
    }
    return out;
  }

  /** The number of useful steps from step 1 without a gap. */
  public static int usefulHorizon(List<Integer> usefulSteps) {
    int h = 0;
    while (h < usefulSteps.size() && usefulSteps.get(h) == h + 1) {
      h++;
    }
    return h;
  }

  static Expected expected(List<Double> maseByOrigin) {
    double[] v =
        maseByOrigin.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
    if (v.length == 0) {
      return Expected.UNKNOWN;
    }
    Arrays.sort(v);
    int n = v.length;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return new Expected(median, v[0], v[n - 1]);
  }

  static Reason reason(ReasonCode code, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return new Reason(code, m);
  }

  static String pText(double p) {
    return Prose.pValue(p, "no test possible: identical errors");
  }
}
