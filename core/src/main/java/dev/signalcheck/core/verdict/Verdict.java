package dev.signalcheck.core.verdict;

import java.util.List;

/**
 * Whether a series can support a model, in numbers and in plain words (analyses.md §5; the report's
 * {@code verdict} block).
 *
 * @param signal strong, weak, none or insufficient-data
 * @param predictability 1 − MAE(best of all models) / MAE(mean): how much of the spread is
 *     forecastable
 * @param skill 1 − MASE(best candidate) / MASE(best trivial baseline): what modelling adds
 * @param usefulHorizon the largest step h at which the best candidate is still ≥ 5% better than the
 *     baseline, both at step h and over steps 1…h together (0 if none)
 * @param expected the best candidate's MASE over the origins
 * @param headline one sentence for a client
 * @param reasons the evidence behind it, one point per line
 */
public record Verdict(
    Signal signal,
    double predictability,
    double skill,
    int usefulHorizon,
    Expected expected,
    String headline,
    List<String> reasons) {
  public Verdict {
    reasons = List.copyOf(reasons);
  }
}
