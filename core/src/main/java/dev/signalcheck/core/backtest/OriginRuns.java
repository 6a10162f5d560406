package dev.signalcheck.core.backtest;

import dev.signalcheck.core.forecast.ModelRegistry;
import java.util.ArrayList;
import java.util.List;

/** The per-origin forecasts of one model, before averaging. */
final class OriginRuns {
  final String name;
  final String failure;
  final String description;
  final double[][] forecasts;
  final double[] inSample;
  final int[] trainLengths;
  final double[][] actual;
  final double[] scale;
  final int horizon;

  OriginRuns(
      String name,
      String failure,
      String description,
      double[][] forecasts,
      double[] inSample,
      int[] trainLengths,
      double[][] actual,
      double[] scale,
      int horizon) {
    this.name = name;
    this.failure = failure;
    this.description = description;
    this.forecasts = forecasts;
    this.inSample = inSample;
    this.trainLengths = trainLengths;
    this.actual = actual;
    this.scale = scale;
    this.horizon = horizon;
  }

  static OriginRuns failed(String name, String reason) {
    return new OriginRuns(name, reason, "", null, null, null, null, null, 0);
  }

  double meanMase() {
    double s = 0;
    for (int o = 0; o < forecasts.length; o++) {
      s += Metrics.mase(actual[o], forecasts[o], scale[o]);
    }
    return s / forecasts.length;
  }

  double meanSmape() {
    double s = 0;
    for (int o = 0; o < forecasts.length; o++) {
      s += Metrics.smape(actual[o], forecasts[o]);
    }
    return s / forecasts.length;
  }

  double meanInSample() {
    double s = 0;
    int c = 0;
    for (double v : inSample) {
      if (Double.isFinite(v)) {
        s += v;
        c++;
      }
    }
    return c == inSample.length && c > 0 ? s / c : Double.NaN;
  }

  ModelScore score(OriginRuns naiveRef, OriginRuns naive2, double[] squaredScale) {
    boolean baseline = ModelRegistry.info(name).baseline();
    if (failure != null) {
      return ModelScore.skipped(name, baseline, failure);
    }
    int k = forecasts.length;
    double mase = 0, smape = 0, rmse = 0, mae = 0, me = 0, rmsse = 0;
    List<Double> byOrigin = new ArrayList<>();
    List<OriginForecast> origins = new ArrayList<>();
    double[] byHorizon = new double[horizon];
    for (int o = 0; o < k; o++) {
      double[] a = actual[o];
      double[] f = forecasts[o];
      double oMase = Metrics.mase(a, f, scale[o]);
      mase += oMase;
      smape += Metrics.smape(a, f);
      rmse += Metrics.rmse(a, f);
      mae += Metrics.mae(a, f);
      me += Metrics.me(a, f);
      rmsse += Metrics.rmsse(a, f, squaredScale[o]);
      byOrigin.add(oMase);
      for (int h = 0; h < horizon; h++) {
        byHorizon[h] += scale[o] > 0 ? Math.abs(a[h] - f[h]) / scale[o] : Double.NaN;
      }
      origins.add(new OriginForecast(trainLengths[o], DoubleList.of(a), DoubleList.of(f), oMase));
    }
    List<Double> maseByHorizon = new ArrayList<>();
    for (int h = 0; h < horizon; h++) {
      maseByHorizon.add(byHorizon[h] / k);
    }
    mase /= k;
    smape /= k;
    double owa = Double.NaN;
    if (naive2 != null) {
      owa = (smape / naive2.meanSmape() + mase / naive2.meanMase()) / 2;
    }
    double inSampleMase = meanInSample();
    double ratio = (mase / inSampleMase) / (naiveRef.meanMase() / naiveRef.meanInSample());
    // NaN (undefined) compares false; +Infinity (perfect fit) true. Both conditions: its error
    // grows far more than naive's, and it really is much worse out of sample than in sample
    boolean overfit =
        ratio >= RollingOriginBacktest.OVERFIT_RATIO
            && mase >= RollingOriginBacktest.OVERFIT_RATIO * inSampleMase;
    return ModelScore.builder()
        .name(name)
        .baseline(baseline)
        .description(description)
        .mase(mase)
        .smape(smape)
        .rmse(rmse / k)
        .mae(mae / k)
        .me(me / k)
        .rmsse(rmsse / k)
        .owa(owa)
        .maseByOrigin(byOrigin)
        .maseByHorizon(maseByHorizon)
        .inSampleMase(inSampleMase)
        .overfitRatio(ratio)
        .overfit(overfit)
        .forecasts(origins)
        .build();
  }
}
