package dev.signalcheck.ledger;

import dev.signalcheck.core.backtest.RollingOriginBacktest;
import java.util.List;
import java.util.Locale;

/**
 * What a metric value means: its name, how it is scaled, the season the scale uses, the horizon,
 * the origins it was measured over and how they were chosen, and how the origins were combined. Two
 * values are compared only under the same definition: a MASE over 48 steps and 3 origins is not a
 * MASE over 13 steps and 1 origin, nor one over as many origins as each series allows.
 *
 * @param origins under {@link #FIXED} the number of origins; under {@link #AUTO} the most origins a
 *     series gets (the cap: each series has as many as its length allows, up to this)
 * @param originPolicy {@link #FIXED} ({@code --origins K}) or {@link #AUTO} ({@code --origins
 *     auto}, the default)
 */
public record MetricDefinition(
    String name,
    String scaling,
    int season,
    int horizon,
    int origins,
    String originPolicy,
    String aggregation) {

  /** Each origin's value over its horizon, averaged over the origins (the backtest's way). */
  public static final String MEAN_OVER_ORIGINS = "mean-over-origins";

  /** In-sample MAE of the seasonal difference y(t) − y(t − season) (R accuracy()). */
  public static final String SEASONAL_NAIVE_MAE = "seasonal-naive-mae";

  /** The same number of origins for every series ({@code --origins K}). */
  public static final String FIXED = "fixed";

  /** As many origins as each series allows, up to a cap ({@code --origins auto}). */
  public static final String AUTO = "auto";

  /** A metric of the JSON report's model block: its JSON field, its ledger name and its scaling. */
  record Kind(String field, String name, String scaling) {}

  /** Every metric the ledger keeps of each model, in this order. */
  static final List<Kind> KINDS =
      List.of(
          new Kind("mase", "mase", SEASONAL_NAIVE_MAE),
          new Kind("smape", "smape", "none"),
          new Kind("rmsse", "rmsse", "seasonal-naive-mse"),
          new Kind("mae", "mae", "none"),
          new Kind("rmse", "rmse", "none"),
          new Kind("me", "me", "none"),
          new Kind("owa", "owa", "naive2"),
          new Kind("inSampleMase", "in-sample-mase", SEASONAL_NAIVE_MAE));

  /**
   * How the origins of a run were chosen: a fixed count, or {@link #AUTO} with its cap.
   *
   * @param policy {@link #FIXED} or {@link #AUTO}
   * @param origins the count, or the cap
   */
  public record Origins(String policy, int origins) {
    /**
     * The policy of the audit's {@code --origins auto}: up to {@value
     * RollingOriginBacktest#AUTO_ORIGINS_CAP}.
     */
    public static final Origins AUTO_DEFAULT =
        new Origins(AUTO, RollingOriginBacktest.AUTO_ORIGINS_CAP);

    /** {@code --origins K}. */
    public static Origins fixed(int k) {
      return new Origins(FIXED, k);
    }

    /** The value of {@code --origins} that gives this policy: {@code auto} or the count. */
    public String option() {
      return AUTO.equals(policy) ? AUTO : String.valueOf(origins);
    }
  }

  /** A definition of this metric under an origin policy. */
  static MetricDefinition of(Kind k, int season, int horizon, Origins o) {
    return new MetricDefinition(
        k.name(), k.scaling(), season, horizon, o.origins(), o.policy(), MEAN_OVER_ORIGINS);
  }

  /** The MASE definition for a backtest of this shape with a fixed number of origins. */
  public static MetricDefinition mase(int season, int horizon, int origins) {
    return mase(season, horizon, Origins.fixed(origins));
  }

  /** The MASE definition for a backtest of this shape under an origin policy. */
  public static MetricDefinition mase(int season, int horizon, Origins o) {
    return of(KINDS.get(0), season, horizon, o);
  }

  /** How the origins were chosen. */
  public Origins originsPolicy() {
    return new Origins(originPolicy, origins);
  }

  /** Whether only the origins differ from {@code o} (policy or count). */
  boolean sameButOrigins(MetricDefinition o) {
    return name.equals(o.name)
        && scaling.equals(o.scaling)
        && season == o.season
        && horizon == o.horizon
        && aggregation.equals(o.aggregation);
  }

  /**
   * The definition in words, e.g. {@code MASE (in-sample seasonal naive scale, season 24, horizon
   * 48, 3 origins)} or {@code …, horizon 48, origins by series length, up to 30)}.
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s (%s, season %d, horizon %d, %s)",
        name.toUpperCase(Locale.ROOT),
        SEASONAL_NAIVE_MAE.equals(scaling)
            ? "in-sample seasonal naive scale"
            : "scaling " + scaling,
        season,
        horizon,
        AUTO.equals(originPolicy)
            ? "origins by series length, up to " + origins
            : origins + " origin" + (origins == 1 ? "" : "s"));
  }

  String key() {
    return name
        + "|"
        + scaling
        + "|"
        + season
        + "|"
        + horizon
        + "|"
        + origins
        + "|"
        + originPolicy
        + "|"
        + aggregation;
  }
}
