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
    skillByHorizon = List.copyOf(skillByHorizon);
    trainingLengths = List.copyOf(trainingLengths);
    notes = List.copyOf(notes);
  }

  /** The named model's score, if it was asked for. */
  public Optional<ModelScore> model(String name) {
    return models.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
