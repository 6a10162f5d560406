package dev.signalcheck.core.verdict;

import java.util.List;
import java.util.Map;

/**
 * What the verdict decided, as values: {@link VerdictRules#decide} makes it, {@link VerdictWriter}
 * words it, and every number a sentence states is one of these. The report's {@code
 * verdict.decision} block.
 *
 * @param signal the label
 * @param basis what the label rests on
 * @param modelAdds whether the best candidate beats the best trivial baseline by at least {@value
 *     VerdictRules#MIN_SKILL} with significance ({@code p < } {@value VerdictRules#ALPHA})
 * @param baseline the best trivial baseline, null when none ran
 * @param best the best candidate, null when none ran
 * @param bestUsesCovariates whether the best candidate uses covariates ({@code arx})
 * @param skill 1 − MASE(best) / MASE(baseline)
 * @param pValue the one-sided p-value of that gain (NaN when no test is possible)
 * @param predictability 1 − MAE(best of all models) / MAE(mean forecast)
 * @param patternShare for a seasonal baseline, 1 − MAE(baseline) / MAE(mean): the share of the
 *     error of forecasting the average that the seasonal pattern alone removes; NaN otherwise
 * @param patternConfirmed whether the seasonal baseline beats both the mean and the last observed
 *     value with significance, so that its pattern counts as signal
 * @param usefulSteps the steps ahead (1-based) at which the best candidate is at least {@value
 *     VerdictRules#MIN_SKILL} better than the baseline; empty unless {@code modelAdds}
 * @param horizon forecast steps
 * @param origins backtest origins used
 * @param season the seasonal period
 * @param expected the best candidate's MASE over the origins
 * @param reasons the evidence, as codes with their numbers, in the order they are worded
 */
public record Decision(
    Signal signal,
    Basis basis,
    boolean modelAdds,
    String baseline,
    String best,
    boolean bestUsesCovariates,
    double skill,
    double pValue,
    double predictability,
    double patternShare,
    boolean patternConfirmed,
    List<Integer> usefulSteps,
    int horizon,
    int origins,
    int season,
    Expected expected,
    List<Reason> reasons) {

  public Decision {
    usefulSteps = List.copyOf(usefulSteps);
    reasons = List.copyOf(reasons);
  }

  /** What a label rests on. */
  public enum Basis {
    /** A model beats the best baseline, significantly. */
    MODEL,
    /** The seasonal pattern that the seasonal baseline uses; no model adds to it significantly. */
    PATTERN,
    /** Neither. */
    NONE,
    /** No baseline or no candidate could be scored, or the baseline's error is zero. */
    CANNOT_JUDGE,
    /** Too short for one backtest origin. */
    INSUFFICIENT_DATA,
    /**
     * The input cannot be what the user meant (most stamps repeated or unparseable): none given.
     */
    WITHHELD
  }

  /** One piece of evidence: a code and the numbers (or names) the sentence for it states. */
  public record Reason(ReasonCode code, Map<String, Object> values) {
    public Reason {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public double number(String key) {
      Object v = values.get(key);
      return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public String text(String key) {
      Object v = values.get(key);
      return v == null ? null : v.toString();
    }
  }

  /** The kinds of evidence. */
  public enum ReasonCode {
    /** Too short: observations, needed. */
    TOO_SHORT,
    /** The backtest's layout: origins, horizon, trainingFrom, trainingTo. */
    BACKTEST,
    /** predictability. */
    PREDICTABILITY,
    /** The best baseline: name, mase. */
    BASELINE,
    /** The seasonal pattern: baseline, share, confirmed, pValue. */
    SEASONAL_PATTERN,
    /** The best candidate: name, description, mase, skill, pValue, usesCovariates. */
    BEST_MODEL,
    /** steps (list), horizon. */
    USEFUL_STEPS,
    /** The best candidate is at least 5% better at no step: horizon. */
    NO_USEFUL_STEP,
    /** A gain that the test could not confirm: skill, pValue, origins. */
    GAIN_NOT_CONFIRMED,
    /** Fewer origins than the series allows: origins, possible. */
    FEW_ORIGINS,
    /** expected mase, low, high, scale (naive or seasonal naive). */
    EXPECTED,
    /** A model that could not be run: name, reason. */
    MODEL_SKIPPED,
    /** A remark of the backtest: text. */
    NOTE,
    /** A covariate's assessment: name, assessment, text. */
    COVARIATE,
    /** The best covariate model: inputs (list), mase. */
    COVARIATE_MODEL,
    /** Covariates not backtested (the series is too short). */
    COVARIATES_NOT_BACKTESTED
  }

  /** A builder naming each component: see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Decision} by component name. Unset lists are empty, unset decimals NaN (not
   * computed), unset counts 0, flags false and references null.
   */
  public static final class Builder {
    private Signal signal;
    private Basis basis;
    private boolean modelAdds;
    private String baseline;
    private String best;
    private boolean bestUsesCovariates;
    private double skill = Double.NaN;
    private double pValue = Double.NaN;
    private double predictability = Double.NaN;
    private double patternShare = Double.NaN;
    private boolean patternConfirmed;
    private List<Integer> usefulSteps = List.of();
    private int horizon;
    private int origins;
    private int season;
    private Expected expected;
    private List<Reason> reasons = List.of();

    private Builder() {}

    public Builder signal(Signal signal) {
      this.signal = signal;
      return this;
    }

    public Builder basis(Basis basis) {
      this.basis = basis;
      return this;
    }

    public Builder modelAdds(boolean modelAdds) {
      this.modelAdds = modelAdds;
      return this;
    }

    public Builder baseline(String baseline) {
      this.baseline = baseline;
      return this;
    }

    public Builder best(String best) {
      this.best = best;
      return this;
    }

    public Builder bestUsesCovariates(boolean bestUsesCovariates) {
      this.bestUsesCovariates = bestUsesCovariates;
      return this;
    }

    public Builder skill(double skill) {
      this.skill = skill;
      return this;
    }

    public Builder pValue(double pValue) {
      this.pValue = pValue;
      return this;
    }

    public Builder predictability(double predictability) {
      this.predictability = predictability;
      return this;
    }

    public Builder patternShare(double patternShare) {
      this.patternShare = patternShare;
      return this;
    }

    public Builder patternConfirmed(boolean patternConfirmed) {
      this.patternConfirmed = patternConfirmed;
      return this;
    }

    public Builder usefulSteps(List<Integer> usefulSteps) {
      this.usefulSteps = usefulSteps;
      return this;
    }

    public Builder horizon(int horizon) {
      this.horizon = horizon;
      return this;
    }

    public Builder origins(int origins) {
      this.origins = origins;
      return this;
    }

    public Builder season(int season) {
      this.season = season;
      return this;
    }

    public Builder expected(Expected expected) {
      this.expected = expected;
      return this;
    }

    public Builder reasons(List<Reason> reasons) {
      this.reasons = reasons;
      return this;
    }

    public Decision build() {
      return new Decision(
          signal,
          basis,
          modelAdds,
          baseline,
          best,
          bestUsesCovariates,
          skill,
          pValue,
          predictability,
          patternShare,
          patternConfirmed,
          usefulSteps,
          horizon,
          origins,
          season,
          expected,
          reasons);
    }
  }
}
