package dev.signalcheck.core.audit;

import dev.signalcheck.core.series.Step;
import java.util.List;

/**
 * What the user asked for; null means "choose the default from the data" (contract.md).
 *
 * @param step sampling step, or null to infer it
 * @param season seasonal period in steps, or null for the step's default
 * @param horizon forecast horizon in steps, or null for the step's default
 * @param origins rolling forecast origins
 * @param models model names to backtest, or empty for all
 * @param min physically possible minimum of the target, or null
 * @param max physically possible maximum of the target, or null
 * @param maxTrain the longest history the backtest fits on before its first origin, or null for
 *     {@link #DEFAULT_MAX_TRAIN}; never less than three seasons
 * @param knownAhead covariates whose future values are known when forecasting ({@code
 *     --known-ahead})
 */
public record AuditSettings(
    Step step,
    Integer season,
    Integer horizon,
    int origins,
    List<String> models,
    Double min,
    Double max,
    Integer maxTrain,
    List<String> knownAhead) {

  /**
   * Points of history before the first origin the backtest uses by default. The models compared
   * here weight recent data; beyond this, a longer history changes their forecasts little but costs
   * time in proportion.
   */
  public static final int DEFAULT_MAX_TRAIN = 10_000;

  /** The settings without a training cap given: the default applies. */
  public AuditSettings(
      Step step,
      Integer season,
      Integer horizon,
      int origins,
      List<String> models,
      Double min,
      Double max) {
    this(step, season, horizon, origins, models, min, max, null, List.of());
  }

  /** The settings without known-ahead covariates. */
  public AuditSettings(
      Step step,
      Integer season,
      Integer horizon,
      int origins,
      List<String> models,
      Double min,
      Double max,
      Integer maxTrain) {
    this(step, season, horizon, origins, models, min, max, maxTrain, List.of());
  }

  /** The history cap for a season: the given or default cap, at least three seasons. */
  public int maxTrainFor(int season) {
    int cap = maxTrain != null ? maxTrain : DEFAULT_MAX_TRAIN;
    return Math.max(cap, 3 * Math.max(1, season));
  }

  public AuditSettings {
    models = models == null ? List.of() : List.copyOf(models);
    knownAhead = knownAhead == null ? List.of() : List.copyOf(knownAhead);
    if (origins < 1) {
      throw new IllegalArgumentException("origins must be at least 1");
    }
  }

  public static AuditSettings defaults() {
    return new AuditSettings(null, null, null, 3, List.of(), null, null, null, List.of());
  }
}
