package dev.signalcheck.core.backtest;

import java.util.List;
import java.util.Optional;

/**
 * A rolling-origin backtest of several models on one series, and the comparison of the best
 * candidate with the best trivial baseline. The first eight components are the report's {@code
 * backtest} block (contract.md); the rest are extra detail.
 *
 * @param horizon forecast steps per origin
 * @param origins origins actually used (0 when the series is too short)
 * @param baseline the trivial baseline with the lowest MASE; null when none ran
 * @param best the candidate with the lowest MASE; null when none ran
 * @param models every model asked for, in the order asked, skipped ones included
 * @param skill 1 − MASE(best) / MASE(baseline); NaN when either is missing
 * @param significance Diebold–Mariano test of best against baseline; null when either is missing
 * @param skillByHorizon 1 − MASE_h(best) / MASE_h(baseline) for each step h = 1…horizon
 * @param predictability 1 − MAE(best of all models) / MAE(mean forecast): the share of the error of
 *     always forecasting the average that some model removes (the mean is run for this even when
 *     not selected); NaN when undefined
 * @param meanMae MAE of the mean forecast averaged over origins, the reference of {@code
 *     predictability}
 * @param observations the length of the series
 * @param originsRequested origins asked for
 * @param minimumTrainingLength the shortest training window the backtest accepts for this season
 * @param trainingLengths training length at each origin, oldest first
 * @param season the seasonal period m used
 * @param insufficientData true when not even one origin fits; {@code notes} says how many points
 *     are needed
 * @param notes plain-language remarks (fewer origins than asked, undefined scales, …)
 */
public record BacktestResult(
    int horizon,
    int origins,
    String baseline,
    String best,
    List<ModelScore> models,
    double skill,
    Significance significance,
    List<Double> skillByHorizon,
    double predictability,
    double meanMae,
    int observations,
    int originsRequested,
    int minimumTrainingLength,
    List<Integer> trainingLengths,
    int season,
    boolean insufficientData,
    List<String> notes) {

  public BacktestResult {
    models = List.copyOf(models);
    skillByHorizon = DoubleList.copyOf(skillByHorizon);
    trainingLengths = List.copyOf(trainingLengths);
    notes = List.copyOf(notes);
  }

  /** The named model's score, if it was asked for. */
  public Optional<ModelScore> model(String name) {
    return models.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * This result without the models' per-origin forecasts (only charts draw them; the JSON report
   * leaves them out), for holding a long series' result in little memory.
   */
  public BacktestResult withoutForecasts() {
    List<ModelScore> slim = models.stream().map(ModelScore::withoutForecasts).toList();
    return new BacktestResult(
        horizon,
        origins,
        baseline,
        best,
        slim,
        skill,
        significance,
        skillByHorizon,
        predictability,
        meanMae,
        observations,
        originsRequested,
        minimumTrainingLength,
        trainingLengths,
        season,
        insufficientData,
        notes);
  }

  /** A builder naming each component: see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link BacktestResult} by component name. Unset lists are empty, unset decimals NaN
   * (not computed), unset counts 0, flags false and references null.
   */
  public static final class Builder {
    private int horizon;
    private int origins;
    private String baseline;
    private String best;
    private List<ModelScore> models = List.of();
    private double skill = Double.NaN;
    private Significance significance;
    private List<Double> skillByHorizon = List.of();
    private double predictability = Double.NaN;
    private double meanMae = Double.NaN;
    private int observations;
    private int originsRequested;
    private int minimumTrainingLength;
    private List<Integer> trainingLengths = List.of();
    private int season;
    private boolean insufficientData;
    private List<String> notes = List.of();

    private Builder() {}

    public Builder horizon(int horizon) {
      this.horizon = horizon;
      return this;
    }

    public Builder origins(int origins) {
      this.origins = origins;
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

    public Builder models(List<ModelScore> models) {
      this.models = models;
      return this;
    }

    public Builder skill(double skill) {
      this.skill = skill;
      return this;
    }

    public Builder significance(Significance significance) {
      this.significance = significance;
      return this;
    }

    public Builder skillByHorizon(List<Double> skillByHorizon) {
      this.skillByHorizon = skillByHorizon;
      return this;
    }

    public Builder predictability(double predictability) {
      this.predictability = predictability;
      return this;
    }

    public Builder meanMae(double meanMae) {
      this.meanMae = meanMae;
      return this;
    }

    public Builder observations(int observations) {
      this.observations = observations;
      return this;
    }

    public Builder originsRequested(int originsRequested) {
      this.originsRequested = originsRequested;
      return this;
    }

    public Builder minimumTrainingLength(int minimumTrainingLength) {
      this.minimumTrainingLength = minimumTrainingLength;
      return this;
    }

    public Builder trainingLengths(List<Integer> trainingLengths) {
      this.trainingLengths = trainingLengths;
      return this;
    }

    public Builder season(int season) {
      this.season = season;
      return this;
    }

    public Builder insufficientData(boolean insufficientData) {
      this.insufficientData = insufficientData;
      return this;
    }

    public Builder notes(List<String> notes) {
      this.notes = notes;
      return this;
    }

    public BacktestResult build() {
      return new BacktestResult(
          horizon,
          origins,
          baseline,
          best,
          models,
          skill,
          significance,
          skillByHorizon,
          predictability,
          meanMae,
          observations,
          originsRequested,
          minimumTrainingLength,
          trainingLengths,
          season,
          insufficientData,
          notes);
    }
  }
}
