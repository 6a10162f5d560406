package dev.signalcheck.core.verdict;

import static dev.signalcheck.core.text.Prose.betterOrWorse;
import static dev.signalcheck.core.text.Prose.capitalise;
import static dev.signalcheck.core.text.Prose.count;
import static dev.signalcheck.core.text.Prose.list;
import static dev.signalcheck.core.text.Prose.percent;
import static dev.signalcheck.core.text.Prose.ranges;
import static dev.signalcheck.core.text.Prose.stat;

import dev.signalcheck.core.covariates.CovariateResult;
import dev.signalcheck.core.forecast.ModelInfo;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.forecast.SeasonalNaive;
import dev.signalcheck.core.verdict.Decision.Basis;
import dev.signalcheck.core.verdict.Decision.Reason;
import dev.signalcheck.core.verdict.Decision.ReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Words a {@link Decision}: the headline and one sentence per reason. Every number stated comes
 * from the decision, formatted by {@link dev.signalcheck.core.text.Prose}; nothing is decided here.
 */
public final class VerdictWriter {
  private VerdictWriter() {}

  /**
   * The verdict in words.
   *
   * @param seasonName the season in plain words ({@code weekly}, {@code daily}, {@code yearly}), or
   *     null
   */
  public static Verdict word(Decision d, String seasonName) {
    List<String> reasons = new ArrayList<>();
    for (Reason r : d.reasons()) {
      String s = sentence(r, d, seasonName);
      if (s != null) {
        reasons.add(s);
      }
    }
    return new Verdict(
        d.signal(),
        d.predictability(),
        d.skill(),
        VerdictRules.usefulHorizon(d.usefulSteps()),
        d.usefulSteps(),
        d.expected(),
        headline(d, seasonName) + covariateTail(d),
        reasons,
        d);
  }

  static String headline(Decision d, String seasonName) {
    Reason best = find(d, ReasonCode.BEST_MODEL);
    String base =
        d.baseline() == null ? null : baselinePhrase(d.baseline(), d.season(), seasonName);
    String pattern = seasonName == null ? "seasonal pattern" : seasonName + " pattern";
    switch (d.basis()) {
      case INSUFFICIENT_DATA -> {
        Reason r = find(d, ReasonCode.TOO_SHORT);
        return "Too short to judge: "
            + count((long) r.number("observations"), "observation")
            + "; a backtest "
            + count((long) r.number("horizon"), "step")
            + " ahead needs at least "
            + (long) r.number("needed")
            + ". Collect more history before modelling.";
      }
      case CANNOT_JUDGE -> {
        if (d.baseline() == null) {
          return "Cannot judge: no trivial baseline could be scored, so there is nothing to measure"
              + " models against.";
        }
        if (d.best() == null) {
          return "Cannot judge: no candidate model could be scored against "
              + base
              + ". Select at least one candidate model.";
        }
        return "Cannot measure skill: the baseline's error is zero or undefined (a series that does"
            + " not change cannot be scaled). Check the data.";
      }
      case MODEL -> {
        return capitalise(d.signal().label())
            + " signal: the best model ("
            + modelName(d)
            + ") beats "
            + base
            + " by "
            + percent(d.skill())
            + " ("
            + VerdictRules.pText(d.pValue())
            + "); "
            + usefulText(d)
            + ".";
      }
      case PATTERN -> {
        String adds =
            d.modelAdds()
                ? "the best model ("
                    + modelName(d)
                    + ") adds "
                    + percent(d.skill())
                    + " to it ("
                    + VerdictRules.pText(d.pValue())
                    + "; "
                    + usefulText(d)
                    + ")"
                : "no model adds to it reliably (best: "
                    + modelName(d)
                    + ", "
                    + betterOrWorse(d.skill())
                    + ", "
                    + VerdictRules.pText(d.pValue())
                    + ")";
        return capitalise(d.signal().label())
            + " signal in its "
            + pattern
            + ": "
            + base
            + " already removes "
            + percent(d.patternShare())
            + " of the error of forecasting the average; "
            + adds
            + ".";
      }
      default -> {
        String bestPart =
            "best: "
                + modelName(d)
                + ", "
                + betterOrWorse(d.skill())
                + ", "
                + VerdictRules.pText(d.pValue());
        boolean gain = d.skill() >= VerdictRules.MIN_SKILL;
        if (VerdictRules.isSeasonal(d.baseline(), d.season())) {
          return "No signal: no model reliably beat "
              + base
              + " ("
              + bestPart
              + "), and a "
              + pattern
              + " is not confirmed either. Don't build a model on this series alone.";
        }
        if (ModelRegistry.info(d.baseline()).basis() == ModelInfo.Basis.MEAN) {
          return "No signal beyond the average: no model reliably beat forecasting the series' mean ("
              + bestPart
              + "). It behaves like noise around a level; don't build a model on this series"
              + " alone.";
        }
        if (gain) {
          return "No reliable signal beyond persistence: the best model ("
              + modelName(d)
              + ") beat the last observed value by "
              + percent(d.skill())
              + ", but that could be chance ("
              + VerdictRules.pText(d.pValue())
              + "). Don't build a model on this series alone.";
        }
        return "No signal beyond persistence: no model beat the last observed value ("
            + bestPart
            + "). Don't build a model on this series alone.";
      }
    }
  }

  private static String modelName(Decision d) {
    if (!d.bestUsesCovariates()) {
      return d.best();
    }
    Reason m = find(d, ReasonCode.COVARIATE_MODEL);
    @SuppressWarnings("unchecked")
    List<String> inputs = m == null ? List.of() : (List<String>) m.values().get("inputs");
    return inputs.isEmpty() ? d.best() : d.best() + " with " + list(inputs);
  }

  /** The useful steps as the chart shows them. */
  private static String usefulText(Decision d) {
    List<Integer> u = d.usefulSteps();
    if (u.isEmpty()) {
      return "though no single step ahead gains " + percent(VerdictRules.MIN_SKILL);
    }
    if (u.size() == d.horizon()) {
      return "useful for all " + d.horizon() + " steps ahead";
    }
    if (VerdictRules.usefulHorizon(u) == u.size()) {
      return "useful up to " + count(u.size(), "step") + " ahead, of " + d.horizon();
    }
    return "useful at steps " + ranges(u) + " of " + d.horizon();
  }

  private static String covariateTail(Decision d) {
    List<String> useful = new ArrayList<>();
    List<String> leaking = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (Reason r : d.reasons()) {
      if (r.code() == ReasonCode.COVARIATE) {
        String a = r.text("assessment");
        (CovariateResult.Item.USEFUL.equals(a)
                ? useful
                : CovariateResult.Item.LEAKAGE.equals(a) ? leaking : other)
            .add(r.text("name"));
      }
    }
    if (useful.isEmpty() && leaking.isEmpty() && other.isEmpty()) {
      return "";
    }
    String leak =
        leaking.isEmpty()
            ? ""
            : " "
                + list(leaking)
                + " would leak the target's future into a model (see covariate.leakage).";
    if (d.basis() == Basis.INSUFFICIENT_DATA) {
      return leak;
    }
    String add = "";
    if (useful.isEmpty() && !other.isEmpty()) {
      add = " None of the covariates (" + list(other) + ") carries signal out of sample.";
    } else if (!useful.isEmpty() && !d.bestUsesCovariates()) {
      Reason m = find(d, ReasonCode.COVARIATE_MODEL);
      Reason b = find(d, ReasonCode.BEST_MODEL);
      add =
          " "
              + list(useful)
              + (useful.size() == 1 ? " carries" : " carry")
              + " signal, but a model with "
              + (useful.size() == 1 ? "it" : "them")
              + " is no better than the best without ("
              + (m == null || b == null
                  ? "not comparable"
                  : "MASE "
                      + stat(m.number("mase"))
                      + " vs "
                      + stat(b.number("mase"))
                      + " for "
                      + d.best())
              + ").";
    } else if (!useful.isEmpty()) {
      add =
          " "
              + list(useful)
              + (useful.size() == 1 ? " carries" : " carry")
              + " it: the best model uses "
              + (useful.size() == 1 ? "it" : "them")
              + ".";
    }
    return add + leak;
  }

  private static String sentence(Reason r, Decision d, String seasonName) {
    return switch (r.code()) {
      case TOO_SHORT, COVARIATE_MODEL -> null;
      case BACKTEST -> {
        long from = (long) r.number("trainingFrom");
        long to = (long) r.number("trainingTo");
        yield "Backtest: "
            + count((long) r.number("origins"), "forecast origin")
            + ", "
            + count((long) r.number("horizon"), "step")
            + " ahead each, expanding window, "
            + (from == to
                ? from + " points of training data"
                : "training on " + from + " to " + to + " points")
            + ".";
      }
      case PREDICTABILITY ->
          "Predictability "
              + percent(r.number("predictability"))
              + ": the best forecast cuts the error of always forecasting the average by "
              + percent(r.number("predictability"))
              + ".";
      case BASELINE ->
          "Best trivial baseline: "
              + baselinePhrase(r.text("name"), d.season(), seasonName)
              + ", MASE "
              + stat(r.number("mase"))
              + ".";
      case SEASONAL_PATTERN ->
          capitalise(baselinePhrase(r.text("baseline"), d.season(), seasonName))
              + " removes "
              + percent(r.number("share"))
              + " of the error of forecasting the average"
              + (Boolean.TRUE.equals(r.values().get("confirmed"))
                  ? ", and beats both the average and the last observed value ("
                      + VerdictRules.pText(r.number("pValue"))
                      + "): the "
                      + (seasonName == null ? "seasonal" : seasonName)
                      + " pattern is signal."
                  : ", which is not enough to count the pattern as signal ("
                      + VerdictRules.pText(r.number("pValue"))
                      + " against the average or the last observed value).");
      case BEST_MODEL -> {
        String desc = r.text("description");
        double skill = r.number("skill");
        yield "Best model: "
            + r.text("name")
            + (desc == null || desc.isEmpty() ? "" : " (" + desc + ")")
            + (Boolean.TRUE.equals(r.values().get("usesCovariates")) ? ", using covariates" : "")
            + ", MASE "
            + stat(r.number("mase"))
            + (Double.isFinite(skill)
                ? ", "
                    + betterOrWorse(skill)
                    + " than the baseline; Diebold–Mariano test on the "
                    + count(d.origins(), "origin")
                    + " "
                    + VerdictRules.pText(r.number("pValue"))
                    + " (one-sided, MASE per origin)"
                : "")
            + ".";
      }
      case USEFUL_STEPS -> {
        @SuppressWarnings("unchecked")
        List<Integer> steps = (List<Integer>) r.values().get("steps");
        yield "The best model is at least "
            + percent(VerdictRules.MIN_SKILL)
            + " better than the baseline at "
            + (steps.size() == (long) r.number("horizon")
                ? "every step ahead"
                : (steps.size() == 1 ? "step " : "steps ") + ranges(steps))
            + " of "
            + (long) r.number("horizon")
            + ".";
      }
      case NO_USEFUL_STEP ->
          "At no step ahead is the best model at least "
              + percent(VerdictRules.MIN_SKILL)
              + " better than the baseline.";
      case GAIN_NOT_CONFIRMED ->
          "The gain of "
              + percent(r.number("skill"))
              + " is not confirmed ("
              + VerdictRules.pText(r.number("pValue"))
              + " over "
              + count((long) r.number("origins"), "origin")
              + "): it could be chance, so no step ahead is counted as useful.";
      case FEW_ORIGINS ->
          "The series allows "
              + (long) r.number("possible")
              + " origins; rerun with --origins auto for a more decisive test.";
      case EXPECTED ->
          "Expect a MASE around "
              + stat(r.number("mase"))
              + " ("
              + stat(r.number("low"))
              + " to "
              + stat(r.number("high"))
              + " across origins; below 1 beats the in-sample "
              + (SeasonalNaive.NAME.equals(r.text("scale")) ? "seasonal naive" : "naive")
              + ").";
      case MODEL_SKIPPED -> "Skipped " + r.text("name") + ": " + r.text("reason") + ".";
      case NOTE -> capitalise(r.text("text")) + ".";
      case COVARIATE -> r.text("text");
      case COVARIATES_NOT_BACKTESTED -> "Covariates were not backtested: the series is too short.";
    };
  }

  private static Reason find(Decision d, ReasonCode code) {
    for (Reason r : d.reasons()) {
      if (r.code() == code) {
        return r;
      }
    }
    return null;
  }

  static String baselinePhrase(String name, int m, String seasonName) {
    ModelInfo info = ModelRegistry.info(name);
    if (!info.baseline()) {
      return name;
    }
    return switch (info.basis()) {
      case MEAN -> "the series' mean";
      case LAST_VALUE -> "the last observed value";
      case SEASON ->
          m <= 1
              ? "the last observed value"
              : info.m4Adjusted()
                  ? "seasonally adjusted naive"
                  : seasonName == null
                      ? "seasonal naive (the value one season ago)"
                      : "seasonal naive (the value " + ago(seasonName) + ")";
      case FITTED -> name;
    };
  }

  private static String ago(String seasonName) {
    return switch (seasonName) {
      case "yearly" -> "a year ago";
      case "weekly" -> "a week ago";
      case "daily" -> "a day ago";
      default -> "one " + seasonName + " period ago";
    };
  }
}
