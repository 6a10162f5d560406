package dev.signalcheck.core.verdict;

import java.util.List;

/**
 * Whether a series can support a model, in numbers and in plain words (analyses.md §5; the report's
 * {@code verdict} block). The numbers and the words both come from one {@link Decision}.
 *
 * @param signal strong, weak, none or insufficient-data
 * @param predictability 1 − MAE(best of all models) / MAE(mean): how much of the spread is
 *     forecastable
 * @param skill 1 − MASE(best candidate) / MASE(best trivial baseline): what modelling adds
 * @param usefulHorizon the number of steps from step 1, without a gap, at which the best candidate
 *     is at least 5% better than the baseline (0 if none, or if its gain is not confirmed)
 * @param usefulSteps every step ahead (1-based) at which it is at least 5% better, when its gain is
 *     confirmed
 * @param expected the best candidate's MASE over the origins
 * @param headline one sentence for a client
 * @param reasons the evidence behind it, one point per line
 * @param decision the values the verdict was decided on, with the reasons as codes
 */
public record Verdict(
    Signal signal,
    double predictability,
    double skill,
    int usefulHorizon,
    List<Integer> usefulSteps,
    Expected expected,
    String headline,
    List<String> reasons,
    Decision decision) {
  public Verdict {
    usefulSteps = usefulSteps == null ? List.of() : List.copyOf(usefulSteps);
    reasons = List.copyOf(reasons);
  }
}
