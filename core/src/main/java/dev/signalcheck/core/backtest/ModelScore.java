package dev.signalcheck.core.backtest;

import java.util.List;

/**
 * One model's backtest: accuracy per origin, then averaged over origins (analyses.md §4). A model
 * that failed at any origin is {@code skipped} with the {@code reason}; its numbers are NaN and its
 * lists empty.
 *
 * @param name the model's kebab-case name
 * @param baseline whether it is a trivial baseline (mean, naive, seasonal-naive, naive2) or a
 *     candidate
 * @param usesCovariates whether the model uses covariates ({@code arx}) besides the series' own
 *     history
 * @param description what was fitted at the last origin, e.g. {@code AR(3)}
 * @param mase mean over origins of MAE / scale (scale: in-sample seasonal naive MAE of that
 *     origin's training data)
 * @param smape mean over origins of the M4 sMAPE, in percent
 * @param rmse mean over origins of each origin's RMSE
 * @param mae mean over origins of each origin's MAE
 * @param me mean over origins of each origin's mean error (actual − forecast: positive = forecasts
 *     too low)
 * @param rmsse mean over origins of sqrt(MSE / mean squared seasonal difference of the training
 *     data)
 * @param owa (sMAPE / sMAPE of naive2 + MASE / MASE of naive2) / 2; NaN when naive2 did not run
 * @param maseByOrigin each origin's MASE, oldest origin first
 * @param maseByHorizon MASE of each forecast step 1…horizon, averaged over origins
 * @param inSampleMase mean |y − one-step fitted value| / scale over each origin's training data,
 *     averaged over origins; NaN when the model has no fitted values
 * @param overfitRatio how much more this model's error grows from in-sample to out-of-sample than
 *     that of the parameter-free naive forecast: (mase / inSampleMase) / (naive's mase / naive's
 *     inSampleMase); +Infinity for a model that reproduces its training data exactly but not the
 *     future, NaN when undefined
 * @param overfit {@code overfitRatio} ≥ {@link RollingOriginBacktest#OVERFIT_RATIO} and the
 *     out-of-sample MASE is at least that many times the in-sample MASE: its error really is much
 *     worse on new data than on the data it was fitted on
 * @param forecasts the forecasts and actuals of each origin, oldest first
 */
public record ModelScore(
    String name,
    boolean baseline,
    boolean usesCovariates,
    boolean skipped,
    String reason,
    String description,
    double mase,
    double smape,
    double rmse,
    double mae,
    double me,
    double rmsse,
    double owa,
    List<Double> maseByOrigin,
    List<Double> maseByHorizon,
    double inSampleMase,
    double overfitRatio,
    boolean overfit,
    List<OriginForecast> forecasts) {

  public ModelScore {
    maseByOrigin = DoubleList.copyOf(maseByOrigin);
    maseByHorizon = DoubleList.copyOf(maseByHorizon);
    forecasts = List.copyOf(forecasts);
  }

  /** A model that could not be run. */
  public static ModelScore skipped(String name, boolean baseline, String reason) {
    return ModelScore.builder()
        .name(name)
        .baseline(baseline)
        .skipped(true)
        .reason(reason)
        .description("")
        .build();
  }

  /** The errors (actual − forecast) of all origins, oldest origin first, step 1…h within each. */
  public double[] errors() {
    int total = 0;
    for (OriginForecast o : forecasts) {
      total += o.actual().size();
    }
    double[] e = new double[total];
    int i = 0;
    for (OriginForecast o : forecasts) {
      for (double v : o.errors()) {
        e[i++] = v;
      }
    }
    return e;
  }

  /** This score without its per-origin forecasts ({@link BacktestResult#withoutForecasts}). */
  public ModelScore withoutForecasts() {
    return new ModelScore(
        name,
        baseline,
        usesCovariates,
        skipped,
        reason,
        description,
        mase,
        smape,
        rmse,
        mae,
        me,
        rmsse,
        owa,
        maseByOrigin,
        maseByHorizon,
        inSampleMase,
        overfitRatio,
        overfit,
        List.of());
  }

  /** A builder naming each component: see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link ModelScore} by component name. Unset lists are empty, unset decimals NaN (not
   * computed), unset counts 0, flags false and references null.
   */
  public static final class Builder {
    private String name;
    private boolean baseline;
    private boolean usesCovariates;
    private boolean skipped;
    private String reason;
    private String description;
    private double mase = Double.NaN;
    private double smape = Double.NaN;
    private double rmse = Double.NaN;
    private double mae = Double.NaN;
    private double me = Double.NaN;
    private double rmsse = Double.NaN;
    private double owa = Double.NaN;
    private List<Double> maseByOrigin = List.of();
    private List<Double> maseByHorizon = List.of();
    private double inSampleMase = Double.NaN;
    private double overfitRatio = Double.NaN;
    private boolean overfit;
    private List<OriginForecast> forecasts = List.of();

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder baseline(boolean baseline) {
      this.baseline = baseline;
      return this;
    }

    public Builder usesCovariates(boolean usesCovariates) {
      this.usesCovariates = usesCovariates;
      return this;
    }

    public Builder skipped(boolean skipped) {
      this.skipped = skipped;
      return this;
    }

    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder mase(double mase) {
      this.mase = mase;
      return this;
    }

    public Builder smape(double smape) {
      this.smape = smape;
      return this;
    }

    public Builder rmse(double rmse) {
      this.rmse = rmse;
      return this;
    }

    public Builder mae(double mae) {
      this.mae = mae;
      return this;
    }

    public Builder me(double me) {
      this.me = me;
      return this;
    }

    public Builder rmsse(double rmsse) {
      this.rmsse = rmsse;
      return this;
    }

    public Builder owa(double owa) {
      this.owa = owa;
      return this;
    }

    public Builder maseByOrigin(List<Double> maseByOrigin) {
      this.maseByOrigin = maseByOrigin;
      return this;
    }

    public Builder maseByHorizon(List<Double> maseByHorizon) {
      this.maseByHorizon = maseByHorizon;
      return this;
    }

    public Builder inSampleMase(double inSampleMase) {
      this.inSampleMase = inSampleMase;
      return this;
    }

    public Builder overfitRatio(double overfitRatio) {
      this.overfitRatio = overfitRatio;
      return this;
    }

    public Builder overfit(boolean overfit) {
      this.overfit = overfit;
      return this;
    }

    public Builder forecasts(List<OriginForecast> forecasts) {
      this.forecasts = forecasts;
      return this;
    }

    public ModelScore build() {
      return new ModelScore(
          name,
          baseline,
          usesCovariates,
          skipped,
          reason,
          description,
          mase,
          smape,
          rmse,
          mae,
          me,
          rmsse,
          owa,
          maseByOrigin,
          maseByHorizon,
          inSampleMase,
          overfitRatio,
          overfit,
          forecasts);
    }
  }
}
