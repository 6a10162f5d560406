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

  /**
   * The most points each model is fitted on, summed over the origins, that automatic origins spend
   * on one series: Σ over origins of the training window (at most {@link #maxTrainFor} points
   * before the first origin, one horizon more at each next one). Beyond it a long series gets fewer
   * origins (never fewer than {@link #MIN_BUDGET_ORIGINS}); no series of up to a few tens of
   * thousands of points reaches it (30 origins on 10,000 points of history and a 288-step horizon
   * cost 425,000). A series of 2,000,000 five-second readings (season and horizon 17,280, history
   * cap 51,840) gets 12 origins instead of 30: 1.76 million fitted points instead of 9.07 million.
   */
  public static final long FIT_BUDGET = 2_000_000;

  /**
   * The fewest origins the fit budget leaves (as many as the verdict calls decisive,
   * VerdictRules.DECISIVE_ORIGINS).
   */
  public static final int MIN_BUDGET_ORIGINS = 10;

  /** Whether the origins are chosen per series. */
  public boolean autoOrigins() {
    return origins == AUTO_ORIGINS;
  }

  /**
   * The origins for a series of {@code n} usable points: the number asked for, or with {@link
   * #AUTO_ORIGINS} as many as fit ({@link RollingOriginBacktest#autoOrigins}).
   */
  public int originsFor(int n, int season, int horizon) {
    if (!autoOrigins()) {
      return origins;
    }
    int possible = RollingOriginBacktest.autoOrigins(n, season, horizon);
    return Math.min(possible, affordableOrigins(n, maxTrainFor(season), horizon));
  }

  /**
   * The most origins whose fits stay within {@link #FIT_BUDGET} on a series of {@code n} points (at
   * least {@link #MIN_BUDGET_ORIGINS}): origin o of K trains on min(maxTrain, n − K·h) + o·h
   * points.
   */
  static int affordableOrigins(int n, int maxTrain, int horizon) {
    int h = Math.max(1, horizon);
    int k = MIN_BUDGET_ORIGINS;
    while (k < RollingOriginBacktest.AUTO_ORIGINS_CAP
        && fitCost(n, maxTrain, h, k + 1) <= FIT_BUDGET) {
      k++;
    }
    return k;
  }

  /** Points fitted per model over {@code k} origins (see {@link #affordableOrigins}). */
  static long fitCost(int n, int maxTrain, int horizon, int k) {
    long first = Math.max(0, Math.min(maxTrain, n - (long) k * horizon));
    return k * first + (long) horizon * k * (k - 1) / 2;
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
