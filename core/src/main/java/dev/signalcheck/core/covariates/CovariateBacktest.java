package dev.signalcheck.core.covariates;

import dev.signalcheck.core.backtest.Metrics;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.OriginForecast;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.forecast.ModelFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rolling-origin evaluation of {@link Arx} models with the origin layout of {@link
 * RollingOriginBacktest}: an expanding window, K origins H apart, the last test window ending at
 * the series' end, at least {@link RollingOriginBacktest#minimumTrainingLength} points of training;
 * the same MASE scale (the training window's seasonal naive error) and metrics ({@link Metrics}).
 * Run on the same series, its origins and actuals are those of the main backtest, so their errors
 * can be compared step by step.
 *
 * <p>At each origin the target and every covariate that is not known ahead are cut at the origin
 * before the model sees them; a known-ahead covariate is passed through the end of that origin's
 * test window.
 */
public final class CovariateBacktest {
  private final int horizon;
  private final int origins;

  public CovariateBacktest(int horizon, int origins) {
    if (horizon < 1 || origins < 1) {
      throw new IllegalArgumentException("horizon and origins must be at least 1");
    }
    this.horizon = horizon;
    this.origins = origins;
  }

  /** One model: which covariates enter, and how. */
  public record Term(int covariate, boolean futureKnown, int[] lags) {}

  /** The training lengths of the origins that fit, oldest first; empty when none does. */
  public int[] trainingLengths(int n, int m) {
    int minTrain = RollingOriginBacktest.minimumTrainingLength(m);
    int fit = n < minTrain ? 0 : (n - minTrain) / horizon;
    int k = Math.min(origins, fit);
    int[] t = new int[Math.max(0, k)];
    for (int o = 0; o < t.length; o++) {
      t[o] = n - (k - o) * horizon;
    }
    return t;
  }

  /**
   * Backtests one arx model.
   *
   * @param y the target, complete
   * @param x the covariates on the same grid (NaN where missing)
   * @param names the covariates' names
   * @param m the season
   * @param terms the covariates in the model
   * @param name the model's name in the report
   * @return its score; skipped with the reason when it cannot be fitted at some origin
   */
  public ModelScore run(
      double[] y, double[][] x, List<String> names, int m, List<Term> terms, String name) {
    int[] lengths = trainingLengths(y.length, m);
    if (lengths.length == 0) {
      return ModelScore.skipped(name, false, "the series is too short for one forecast origin");
    }
    int k = lengths.length;
    double mase = 0, smape = 0, rmse = 0, mae = 0, me = 0, rmsse = 0;
    List<Double> byOrigin = new ArrayList<>();
    List<OriginForecast> fcs = new ArrayList<>();
    double[] byHorizon = new double[horizon];
    String description = "";
    for (int o = 0; o < k; o++) {
      int len = lengths[o];
      double[] train = Arrays.copyOf(y, len);
      List<Arx.Input> inputs = new ArrayList<>();
      for (Term t : terms) {
        double[] v =
            t.futureKnown()
                ? Arrays.copyOf(x[t.covariate()], len + horizon)
                : Arrays.copyOf(x[t.covariate()], len);
        inputs.add(new Arx.Input(names.get(t.covariate()), v, t.futureKnown(), t.lags()));
      }
      double[] f;
      try {
        Arx.Fit fit = Arx.fit(train, m, inputs);
        f = fit.forecast(horizon);
        if (o == k - 1) {
          description = fit.description();
        }
      } catch (ModelFailure e) {
        return ModelScore.skipped(name, false, failure(o, len, e.getMessage()));
      } catch (RuntimeException e) {
        return ModelScore.skipped(
            name, false, failure(o, len, "internal error in the model: " + e));
      }
      for (double v : f) {
        if (!Double.isFinite(v)) {
          return ModelScore.skipped(name, false, failure(o, len, "produced a non-finite forecast"));
        }
      }
      double[] a = Arrays.copyOfRange(y, len, len + horizon);
      double scale = Metrics.maseScale(train, m);
      double oMase = Metrics.mase(a, f, scale);
      mase += oMase;
      smape += Metrics.smape(a, f);
      rmse += Metrics.rmse(a, f);
      mae += Metrics.mae(a, f);
      me += Metrics.me(a, f);
      rmsse += Metrics.rmsse(a, f, Metrics.rmsseScale(train, m));
      byOrigin.add(oMase);
      for (int h = 0; h < horizon; h++) {
        byHorizon[h] += scale > 0 ? Math.abs(a[h] - f[h]) / scale : Double.NaN;
      }
      fcs.add(new OriginForecast(len, boxed(a), boxed(f), oMase));
    }
    List<Double> maseByHorizon = new ArrayList<>();
    for (double v : byHorizon) {
      maseByHorizon.add(v / k);
    }
    double nan = Double.NaN;
    return ModelScore.builder()
        .name(name)
        .usesCovariates(true)
        .description(description)
        .mase(mase / k)
        .smape(smape / k)
        .rmse(rmse / k)
        .mae(mae / k)
        .me(me / k)
        .rmsse(rmsse / k)
        .maseByOrigin(byOrigin)
        .maseByHorizon(maseByHorizon)
        .forecasts(fcs)
        .build();
  }

  private static String failure(int o, int len, String msg) {
    return String.format(
        Locale.ROOT, "failed at origin %d (training length %d): %s", o + 1, len, msg);
  }

  private static List<Double> boxed(double[] v) {
    List<Double> l = new ArrayList<>(v.length);
    for (double d : v) {
      l.add(d);
    }
    return l;
  }
}
