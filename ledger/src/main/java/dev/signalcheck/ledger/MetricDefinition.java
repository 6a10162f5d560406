package dev.signalcheck.ledger;

import java.util.List;
import java.util.Locale;

/**
 * What a metric value means: its name, how it is scaled, the season the scale uses, the horizon and
 * number of origins it was measured over, and how the origins were combined. Two values are
 * compared only under the same definition: a MASE over 48 steps and 3 origins is not a MASE over 13
 * steps and 1 origin.
 */
public record MetricDefinition(
    String name, String scaling, int season, int horizon, int origins, String aggregation) {

  /** Each origin's value over its horizon, averaged over the origins (the backtest's way). */
  public static final String MEAN_OVER_ORIGINS = "mean-over-origins";

  /** In-sample MAE of the seasonal difference y(t) − y(t − season) (R accuracy()). */
  public static final String SEASONAL_NAIVE_MAE = "seasonal-naive-mae";

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

  /** The MASE definition for a backtest of this shape. */
  public static MetricDefinition mase(int season, int horizon, int origins) {
    return new MetricDefinition(
        "mase", SEASONAL_NAIVE_MAE, season, horizon, origins, MEAN_OVER_ORIGINS);
  }

  /** The definition in words, e.g. {@code MASE (season 24, horizon 48, 3 origins)}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s (%s, season %d, horizon %d, %d origin%s)",
        name.toUpperCase(Locale.ROOT),
        SEASONAL_NAIVE_MAE.equals(scaling)
            ? "in-sample seasonal naive scale"
            : "scaling " + scaling,
        season,
        horizon,
        origins,
        origins == 1 ? "" : "s");
  }

  String key() {
    return name + "|" + scaling + "|" + season + "|" + horizon + "|" + origins + "|" + aggregation;
  }
}
