package dev.signalcheck.core.backtest;

import dev.signalcheck.core.forecast.Fitted;
import dev.signalcheck.core.forecast.Forecaster;
import dev.signalcheck.core.forecast.MeanForecaster;
import dev.signalcheck.core.forecast.ModelFailure;
import dev.signalcheck.core.forecast.ModelInfo;
import dev.signalcheck.core.forecast.ModelInfo.Basis;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.forecast.Naive;
import dev.signalcheck.core.forecast.SeasonalityMemo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Rolling-origin evaluation with an expanding window (R {@code tsCV}-style, M4 metrics).
 *
 * <p><b>Origins.</b> With n observations, horizon H and K origins, origin k = 1…K trains on the
 * first n − (K − k + 1)·H observations and is scored on the H that follow. The origins are H apart
 * and the last test window ends at the last observation, so the K test windows tile the last K·H
 * observations without overlapping each other, and no model ever sees a value at or after its
 * origin: each fit receives a fresh copy of exactly its training prefix.
 *
 * <p><b>Minimum training length</b> = max(2m, 10): two full seasons, so that the seasonal naive
 * forecast and the MASE scale (seasonal differences) each rest on at least one full season of data,
 * and at least 10 points so that the mean, the AR order search (order.max = min(n − 1, 10·log10 n))
 * and the smoothing models have something to estimate. If K origins do not fit, as many as fit are
 * used, with a note; if not even one does (n &lt; max(2m, 10) + H) the result is {@code
 * insufficientData}.
 *
 * <p><b>Failures.</b> A model that throws (a {@link ModelFailure} or any other runtime exception)
 * or returns a forecast of the wrong length or with non-finite values at any origin is reported as
 * skipped with the reason; the other models go on. Scores are only ever averaged over the same
 * origins for every model.
 *
 * <p><b>Significance.</b> The best candidate is tested against the best baseline with {@link
 * OriginTest}: one loss differential per origin (the difference of their MASE at that origin), a
 * long-run (Newey–West) variance over origins, Student's t with K − 1 degrees of freedom. The
 * errors of one origin share its forecast origin and are strongly dependent, so they count as one
 * observation, not H. The best candidate is the one that did best on these very errors, so its
 * p-value is adjusted for that choice (Šidák, 1 − (1 − p)^M) with M the effective number of
 * independent candidates ({@link OriginTest#effectiveComparisons}: fewer than their count when
 * their per-origin differentials move together, as the exponential-smoothing variants do): without
 * it, the best of ten models that each only track a random walk beats naive "significantly" far
 * more often than 5% of the time.
 *
 * <p><b>Automatic origins.</b> {@link #autoOrigins} gives as many origins as the series allows, up
 * to {@value #AUTO_ORIGINS_CAP}: enough for the test to tell a real gain from chance, few enough to
 * keep a run over many series fast (the cost grows linearly with the origins).
 */
public final class RollingOriginBacktest {
  /** The shortest training window accepted, whatever the season. */
  public static final int MIN_TRAINING_FLOOR = 10;

  /**
   * A model whose error grows at least this many times more than naive's is flagged as overfitting.
   */
  public static final double OVERFIT_RATIO = 2.0;

  /** The most origins {@link #autoOrigins} chooses. */
  public static final int AUTO_ORIGINS_CAP = 30;

  private final int horizon;

  private final int origins;

  /** Whether a long series' models may run side by side ({@link SideBySide}). */
  private final boolean sideBySide;

  /**
   * As many origins as a series of {@code n} points allows with season {@code m} and horizon {@code
   * horizon}, from 1 up to {@value #AUTO_ORIGINS_CAP}, the first origin training on at least a
   * third of the series (and at least the minimum training length): ⌊(n − max(⌈n / 3⌉, minimum
   * training length)) / horizon⌋, at least 1 (the backtest itself reports a series too short for
   * one). Origins that train on a handful of points would judge the models on fits no one would
   * use: a model with a dozen parameters fitted on 20 points can forecast wildly, and one such
   * origin dominates the comparison.
   */
  public static int autoOrigins(int n, int m, int horizon) {
    int first = Math.max(minimumTrainingLength(m), (n + 2) / 3);
    int fit = (n - first) / Math.max(1, horizon);
    return Math.max(1, Math.min(AUTO_ORIGINS_CAP, fit));
  }

  /**
   * @param horizon forecast steps per origin, ≥ 1
   * @param origins origins wanted, ≥ 1
   */
  public RollingOriginBacktest(int horizon, int origins) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
    }
    if (origins < 1) {
      throw new IllegalArgumentException("origins must be at least 1, got " + origins);
    }
    this.horizon = horizon;
    this.origins = origins;
    this.sideBySide = true;
  }

  private RollingOriginBacktest(int horizon, int origins, boolean sideBySide) {
    this.horizon = horizon;
    this.origins = origins;
    this.sideBySide = sideBySide;
  }

  /**
   * This backtest with its models always run in turn on the calling thread, however long the series
   * ({@link SideBySide} otherwise runs them side by side on a long one): for an audit given one
   * thread.
   */
  public RollingOriginBacktest inTurn() {
    return new RollingOriginBacktest(horizon, origins, false);
  }

  /** max(2m, 10): see the class comment. */
  public static int minimumTrainingLength(int m) {
    return Math.max(2 * Math.max(1, m), MIN_TRAINING_FLOOR);
  }

  /** The fewest observations that allow one origin: minimum training length + horizon. */
  public static int minimumLength(int m, int horizon) {
    return minimumTrainingLength(m) + horizon;
  }

  /**
   * Backtests each model on {@code y}.
   *
   * @param y the series, regular, oldest first, no NaN or infinite values
   * @param m the seasonal period (1 = none)
   * @param models the models, in report order; names should be unique
   */
  public BacktestResult run(double[] y, int m, List<? extends Forecaster> models) {
    return run(y, m, models, null);
  }

  /**
   * What a model may be fitted on at an origin. The ordinary backtest fits on {@code y[0,
   * trainLength)}; an as-of backtest fits on what had been recorded by then, which may end {@code
   * unknownTail} steps before the origin (values typed in late): the model then forecasts {@code
   * unknownTail + horizon} steps and is scored on the last {@code horizon}.
   */
  public interface TrainingView {
    Training at(int trainLength);
  }

  /** Training data at an origin, and how many steps before the origin they end. */
  public record Training(double[] values, int unknownTail) {}

  /**
   * Backtests each model, fitting at each origin on what {@code view} says was available (null: the
   * series itself). Scales, actuals and origins are those of {@code y}, so the result is comparable
   * with the ordinary backtest's.
   */
  public BacktestResult run(
      double[] y, int m, List<? extends Forecaster> models, TrainingView view) {
    int n = y.length;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            "the series must not contain missing or infinite values (index " + i + ")");
      }
    }
    if (m < 1) {
      throw new IllegalArgumentException("season must be at least 1, got " + m);
    }
    int minTrain = minimumTrainingLength(m);
    int fit = n < minTrain ? 0 : (n - minTrain) / horizon;
    List<String> notes = new ArrayList<>();
    if (fit < 1) {
      notes.add(
          String.format(
              Locale.ROOT,
              "too short to backtest: %d observations, but one forecast origin needs at least %d "
                  + "(a training window of max(2 × season, %d) = %d plus a horizon of %d)",
              n,
              minTrain + horizon,
              MIN_TRAINING_FLOOR,
              minTrain,
              horizon));
      return BacktestResult.builder()
          .horizon(horizon)
          .observations(n)
          .originsRequested(origins)
          .minimumTrainingLength(minTrain)
          .season(m)
          .insufficientData(true)
          .notes(notes)
          .build();
    }
    int k = Math.min(origins, fit);
    if (k < origins) {
      notes.add(
          String.format(
              Locale.ROOT,
              "only %d of the %d requested origins fit: %d observations, horizon %d, shortest training "
                  + "window %d",
              k,
              origins,
              n,
              horizon,
              minTrain));
    }
    int[] trainLengths = new int[k];
    double[] scale = new double[k];
    double[] squaredScale = new double[k];
    double[][] actual = new double[k][];
    for (int o = 0; o < k; o++) {
      trainLengths[o] = n - (k - o) * horizon;
      double[] train = Arrays.copyOf(y, trainLengths[o]);
      scale[o] = Metrics.maseScale(train, m);
      squaredScale[o] = Metrics.rmsseScale(train, m);
      actual[o] = Arrays.copyOfRange(y, trainLengths[o], trainLengths[o] + horizon);
    }
    if (!allPositive(scale)) {
      notes.add(
          "MASE is undefined at some origins: the training data do not change over "
              + (m > 1 ? m + " steps (one season)" : "one step"));
    }

    List<OriginRuns> raws = new ArrayList<>();
    // the models' seasonality tests of the same windows, answered once for all their threads
    SeasonalityMemo memo = SeasonalityMemo.forOneSeries();
    if (sideBySide && SideBySide.applies(n) && models.size() > 1) {
      // a long series: one model per processor ({@link SideBySide}), the same runs as in turn
      List<Future<OriginRuns>> runs = new ArrayList<>();
      for (Forecaster f : models) {
        runs.add(
            SideBySide.submit(
                () -> memo.use(() -> evaluate(f, y, m, trainLengths, actual, scale, view))));
      }
      for (Future<OriginRuns> r : runs) {
        raws.add(SideBySide.await(r, runs));
      }
    } else {
      for (Forecaster f : models) {
        raws.add(memo.use(() -> evaluate(f, y, m, trainLengths, actual, scale, view)));
      }
    }
    // Reference for the overfitting ratio: naive, which has no parameters to overfit.
    OriginRuns naiveRef =
        reference(raws, i -> i.baseline() && i.basis() == Basis.LAST_VALUE)
            .orElseGet(() -> evaluate(new Naive(), y, m, trainLengths, actual, scale, view));
    // Reference of the OWA: the M4 benchmark naive2, if it was selected.
    OriginRuns naive2 = reference(raws, ModelInfo::owaReference).orElse(null);

    List<ModelScore> scores = new ArrayList<>();
    for (OriginRuns r : raws) {
      scores.add(r.score(naiveRef, naive2, squaredScale));
    }

    double meanMae = meanMae(raws, y, m, trainLengths, actual, scale);
    List<Integer> lengths = new ArrayList<>();
    for (int t : trainLengths) {
      lengths.add(t);
    }
    return BacktestComparison.compare(
        scores, meanMae, horizon, k, n, origins, minTrain, lengths, m, notes);
  }

  /** The first model that did not fail whose registered metadata pass {@code test}. */
  private static Optional<OriginRuns> reference(List<OriginRuns> raws, Predicate<ModelInfo> test) {
    return raws.stream()
        .filter(r -> r.failure == null && test.test(ModelRegistry.info(r.name)))
        .findFirst();
  }

  /**
   * The result with one more model scored on the same origins (e.g. the best covariate model,
   * {@code arx}): best candidate, skill, significance, skill by step and predictability are worked
   * out again with it among the candidates. An incomparable model (other origins, or skipped) is
   * added to the table only.
   */
  public static BacktestResult withModel(BacktestResult r, ModelScore extra) {
    return BacktestComparison.withModel(r, extra);
  }

  /** MAE of the mean forecast averaged over origins, running it if it was not selected. */
  private double meanMae(
      List<OriginRuns> raws,
      double[] y,
      int m,
      int[] trainLengths,
      double[][] actual,
      double[] scale) {
    OriginRuns mean =
        reference(raws, i -> i.baseline() && i.basis() == Basis.MEAN)
            .orElseGet(
                () -> evaluate(new MeanForecaster(), y, m, trainLengths, actual, scale, null));
    if (mean.failure != null) {
      return Double.NaN;
    }
    double mae = 0;
    for (int o = 0; o < mean.forecasts.length; o++) {
      mae += Metrics.mae(actual[o], mean.forecasts[o]);
    }
    return mae / mean.forecasts.length;
  }

  private static boolean allPositive(double[] v) {
    for (double x : v) {
      if (!(x > 0)) {
        return false;
      }
    }
    return true;
  }

  private OriginRuns evaluate(
      Forecaster model,
      double[] y,
      int m,
      int[] trainLengths,
      double[][] actual,
      double[] scale,
      TrainingView view) {
    String name = model.name();
    model = model.forOrigins();
    int k = trainLengths.length;
    double[][] forecasts = new double[k][];
    double[] inSample = new double[k];
    String description = "";
    for (int o = 0; o < k; o++) {
      double[] train;
      int tail = 0;
      if (view == null) {
        train = Arrays.copyOf(y, trainLengths[o]);
      } else {
        Training t = view.at(trainLengths[o]);
        train = t.values();
        tail = t.unknownTail();
        if (train.length < minimumTrainingLength(m)) {
          return OriginRuns.failed(
              name,
              failureAt(
                  o,
                  trainLengths[o],
                  "only " + train.length + " values had been recorded by this origin"));
        }
      }
      double[] fc;
      Fitted fitted;
      try {
        fitted = model.fit(train, m);
        fc = fitted.forecast(horizon + tail);
        if (fc != null && tail > 0 && fc.length == horizon + tail) {
          fc = Arrays.copyOfRange(fc, tail, tail + horizon);
        }
      } catch (ModelFailure e) {
        return OriginRuns.failed(name, failureAt(o, trainLengths[o], e.getMessage()));
      } catch (RuntimeException e) {
        return OriginRuns.failed(
            name, failureAt(o, trainLengths[o], "internal error in the model: " + e));
      }
      if (fc == null || fc.length != horizon) {
        return OriginRuns.failed(
            name,
            failureAt(
                o,
                trainLengths[o],
                "returned "
                    + (fc == null ? "no" : fc.length)
                    + " forecasts instead of "
                    + horizon));
      }
      for (double v : fc) {
        if (!Double.isFinite(v)) {
          return OriginRuns.failed(
              name, failureAt(o, trainLengths[o], "produced a non-finite forecast"));
        }
      }
      forecasts[o] = fc.clone();
      inSample[o] = inSampleMase(train, fitted, scale[o]);
      if (o == k - 1) {
        try {
          description = fitted.description();
        } catch (RuntimeException e) {
          description = "";
        }
      }
    }
    return new OriginRuns(
        name, null, description, forecasts, inSample, trainLengths, actual, scale, horizon);
  }

  private static String failureAt(int origin, int trainingLength, String message) {
    return String.format(
        Locale.ROOT,
        "failed at origin %d (training length %d): %s",
        origin + 1,
        trainingLength,
        message);
  }

  private static double inSampleMase(double[] train, Fitted fitted, double scale) {
    double[] f;
    try {
      f = fitted.fitted();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
    if (f == null || f.length != train.length || !(scale > 0)) {
      return Double.NaN;
    }
    double s = 0;
    int c = 0;
    for (int t = 0; t < f.length; t++) {
      if (Double.isFinite(f[t])) {
        s += Math.abs(train[t] - f[t]);
        c++;
      }
    }
    return c == 0 ? Double.NaN : s / c / scale;
  }
}
