package dev.signalcheck.core.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison step of the backtest (see {@link RollingOriginBacktest}'s protocol): from the
 * models' scores on common origins, the best baseline and candidate, skill (overall and by step),
 * the origin test with its adjustment for the choice, and predictability.
 */
final class BacktestComparison {

  private BacktestComparison() {}

  /**
   * The result with one more model scored on the same origins (e.g. the best covariate model,
   * {@code arx}): best candidate, skill, significance, skill by step and predictability are worked
   * out again with it among the candidates. An incomparable model (other origins, or skipped) is
   * added to the table only.
   */
  static BacktestResult withModel(BacktestResult r, ModelScore extra) {
    if (r == null || extra == null || r.insufficientData()) {
      return r;
    }
    List<ModelScore> scores = new ArrayList<>(r.models());
    scores.removeIf(s -> s.name().equals(extra.name()));
    List<Integer> extraLengths =
        extra.forecasts().stream().map(OriginForecast::trainingLength).toList();
    boolean comparable = !extra.skipped() && extraLengths.equals(r.trainingLengths());
    scores.add(
        comparable
            ? extra
            : extra.skipped()
                ? extra
                : ModelScore.skipped(
                    extra.name(), false, "scored on other origins than the other models"));
    return compare(
        scores,
        r.meanMae(),
        r.horizon(),
        r.origins(),
        r.observations(),
        r.originsRequested(),
        r.minimumTrainingLength(),
        r.trainingLengths(),
        r.season(),
        r.notes());
  }

  static BacktestResult compare(
      List<ModelScore> scores,
      double meanMae,
      int horizon,
      int k,
      int n,
      int origins,
      int minTrain,
      List<Integer> lengths,
      int m,
      List<String> notes) {
    ModelScore baseline = bestOf(scores, true);
    ModelScore best = bestOf(scores, false);
    double skill = Double.NaN;
    Significance significance = null;
    List<Double> skillByHorizon = List.of();
    if (baseline != null && best != null) {
      skill = 1 - best.mase() / baseline.mase();
      List<Double> s = new ArrayList<>();
      for (int h = 0; h < horizon; h++) {
        s.add(1 - best.maseByHorizon().get(h) / baseline.maseByHorizon().get(h));
      }
      skillByHorizon = s;
      // the best is chosen after seeing the errors: its p-value is adjusted for that choice
      List<double[]> differentials = new ArrayList<>();
      for (ModelScore c : scores) {
        if (!c.baseline() && !c.skipped() && Double.isFinite(c.mase())) {
          double[] d = new double[k];
          for (int o = 0; o < k; o++) {
            d[o] = baseline.maseByOrigin().get(o) - c.maseByOrigin().get(o);
          }
          differentials.add(d);
        }
      }
      significance =
          OriginTest.compare(baseline, best)
              .chosenFrom(OriginTest.effectiveComparisons(differentials));
    }
    return BacktestResult.builder()
        .horizon(horizon)
        .origins(k)
        .baseline(baseline == null ? null : baseline.name())
        .best(best == null ? null : best.name())
        .models(scores)
        .skill(skill)
        .significance(significance)
        .skillByHorizon(skillByHorizon)
        .predictability(
            meanMae == 0 ? Double.NaN : 1 - Math.min(bestMae(scores), meanMae) / meanMae)
        .meanMae(meanMae)
        .observations(n)
        .originsRequested(origins)
        .minimumTrainingLength(minTrain)
        .trainingLengths(lengths)
        .season(m)
        .notes(notes)
        .build();
  }

  private static double bestMae(List<ModelScore> scores) {
    double best = Double.POSITIVE_INFINITY;
    for (ModelScore s : scores) {
      if (!s.skipped() && s.mae() < best) {
        best = s.mae();
      }
    }
    return best;
  }

  private static ModelScore bestOf(List<ModelScore> scores, boolean baseline) {
    ModelScore best = null;
    for (ModelScore s : scores) {
      if (s.skipped() || s.baseline() != baseline || !Double.isFinite(s.mase())) {
        continue;
      }
      if (best == null || s.mase() < best.mase()) {
        best = s;
      }
    }
    return best;
  }
}
