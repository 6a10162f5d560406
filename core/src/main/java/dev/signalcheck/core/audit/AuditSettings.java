package dev.signalcheck.core.audit;

import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.series.Step;
import java.util.List;

/**
 * What the user asked for; null means "choose the default from the data" (contract.md).
 *
 * @param step sampling step, or null to infer it
 * @param season seasonal period in steps, or null for the step's default
 * @param horizon forecast horizon in steps, or null for the step's default
 * @param origins rolling forecast origins, or {@link #AUTO_ORIGINS} (0) for as many as each series
 *     allows, up to {@link RollingOriginBacktest#AUTO_ORIGINS_CAP}
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

  /** {@code origins} value meaning "as many as the series allows" ({@code --origins auto}). */
  public static final int AUTO_ORIGINS = 0;

  /** Whether the origins are chosen per series. */
  public boolean autoOrigins() {
    return origins == AUTO_ORIGINS;
  }

  /**
   * The origins for a series of {@code n} usable points: the number asked for, or with {@link
   * #AUTO_ORIGINS} as many as fit ({@link RollingOriginBacktest#autoOrigins}).
   */
  public int originsFor(int n, int season, int horizon) {
    return autoOrigins() ? RollingOriginBacktest.autoOrigins(n, season, horizon) : origins;
  }

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
    if (origins < 0) {
      throw new IllegalArgumentException("origins must be at least 1, or 0 for auto");
    }
  }

  public static AuditSettings defaults() {
    return new AuditSettings(
        null, null, null, AUTO_ORIGINS, List.of(), null, null, null, List.of());
  }
}
