package dev.signalcheck.core.covariates;

import dev.signalcheck.core.forecast.ArYuleWalker;
import dev.signalcheck.core.forecast.ModelFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code arx}: an autoregression on the target with lagged covariates, fitted by least squares on
 * the training window only and forecast recursively.
 *
 * <p><b>Terms.</b> An intercept; the target at lags 1…p, p the order R's {@code ar()} picks by AIC
 * on the training data (at most a quarter of it); the target one season back when the season is
 * longer than p and the training data cover three seasons; each covariate at its lags (1…{@link
 * #COVARIATE_LAGS} by default, and lag 0 as well for a covariate whose future values are known when
 * forecasting). Rows of the training window where any term is missing are left out of the fit.
 *
 * <p><b>Forecasting without look-ahead.</b> Step s from an origin (s = 1 is the first value after
 * the training data) uses the target's own forecasts for target lags below s. A covariate at lag k
 * enters step s with its value k steps before: when k ≥ s that value was observed at or before the
 * origin and is used as is. When k &lt; s it lies after the origin; for a covariate declared known
 * ahead (calendar, planned promotions) the future value is used; any other covariate is forecast
 * from the values observed at or before the origin by its own autoregression ({@link ArYuleWalker},
 * R's {@code ar()}, gaps filled by the last earlier value), and that forecast enters the term.
 * Keeping the term rather than dropping it lets one model serve every step; forecasting the
 * covariate by its own past (rather than by persistence) makes a white-noise covariate fade to its
 * mean and keeps a cycling one (temperature over a day) cycling, so the term never adds error that
 * the covariate's own past could have avoided. A value missing at or before the origin is likewise
 * replaced by the last earlier value seen, or by the training mean when there is none. A covariate
 * that is not known ahead is given to {@link #fit} only up to the origin, so it cannot be read
 * beyond it.
 */
public final class Arx {
  public static final String NAME = "arx";

  /** Covariate lags 1…L used by default. */
  public static final int COVARIATE_LAGS = 3;

  private Arx() {}

  /**
   * One covariate in a model.
   *
   * @param values its values from the first training point on: exactly the training length when the
   *     future is not known, longer (through the forecast window) when it is
   * @param futureKnown whether values after the origin may be used
   * @param lags the lags at which it enters (0 allowed only when {@code futureKnown})
   */
  public record Input(String name, double[] values, boolean futureKnown, int[] lags) {}

  /** The lags a covariate enters with: 1…L, with lag 0 first when its future is known. */
  public static int[] lags(boolean lagZero) {
    int[] l = new int[COVARIATE_LAGS + (lagZero ? 1 : 0)];
    for (int i = 0; i < l.length; i++) {
      l[i] = lagZero ? i : i + 1;
    }
    return l;
  }

  /**
   * Fits the model.
   *
   * @param y the target's training data, complete (no NaN)
   * @param m the season (1 for none)
   * @throws ModelFailure when the training data are too short or constant
   */
  public static Fit fit(double[] y, int m, List<Input> inputs) {
    int n = y.length;
    if (n < 10) {
      throw new ModelFailure("arx needs at least 10 training points, got " + n);
    }
    for (Input in : inputs) {
      if (!in.futureKnown() && in.values().length != n) {
        throw new IllegalArgumentException("covariate " + in.name() + " must end at the origin");
      }
      if (in.values().length < n) {
        throw new IllegalArgumentException(
            "covariate " + in.name() + " is shorter than the training data");
      }
      for (int k : in.lags()) {
        if (k < 0 || (k == 0 && !in.futureKnown())) {
          throw new IllegalArgumentException("lag " + k + " of " + in.name() + " is not allowed");
        }
      }
    }
    int p = Math.min(ArYuleWalker.selectedOrder(y), n / 4);
    List<Integer> targetLags = new ArrayList<>();
    for (int l = 1; l <= p; l++) {
      targetLags.add(l);
    }
    if (m > 1 && m > p && n >= 3 * m) {
      targetLags.add(m);
    }
    int maxLag = targetLags.isEmpty() ? 0 : targetLags.get(targetLags.size() - 1);
    for (Input in : inputs) {
      for (int k : in.lags()) {
        maxLag = Math.max(maxLag, k);
      }
    }
    int terms = targetLags.size();
    for (Input in : inputs) {
      terms += in.lags().length;
    }
    if (n - maxLag < terms + 5) {
      throw new ModelFailure(
          String.format(
              Locale.ROOT, "arx has %d terms but only %d training rows", terms + 1, n - maxLag));
    }
    double[][] x = new double[terms][n];
    boolean[] use = new boolean[n];
    for (int t = maxLag; t < n; t++) {
      use[t] = true;
    }
    int c = 0;
    for (int l : targetLags) {
      for (int t = maxLag; t < n; t++) {
        x[c][t] = y[t - l];
      }
      c++;
    }
    for (Input in : inputs) {
      double[] v = in.values();
      for (int k : in.lags()) {
        for (int t = maxLag; t < n; t++) {
          double val = v[t - k];
          x[c][t] = val;
          if (!Double.isFinite(val)) {
            use[t] = false;
            x[c][t] = 0;
          }
        }
        c++;
      }
    }
    LeastSquares.Fit f = LeastSquares.fit(y, x, use);
    if (f.rows() < terms + 5) {
      throw new ModelFailure(
          String.format(
              Locale.ROOT,
              "arx has %d terms but only %d complete training rows",
              terms + 1,
              f.rows()));
    }
    double[] means = new double[inputs.size()];
    for (int j = 0; j < inputs.size(); j++) {
      double s = 0;
      int cnt = 0;
      double[] v = inputs.get(j).values();
      for (int t = 0; t < n; t++) {
        if (Double.isFinite(v[t])) {
          s += v[t];
          cnt++;
        }
      }
      means[j] = cnt == 0 ? 0 : s / cnt;
    }
    return new Fit(y.clone(), inputs, targetLags, f.intercept(), f.coefficients(), means, p, m);
  }

  /** A fitted arx model, ready to forecast from the end of its training data. */
  public static final class Fit {
    private final double[] y;
    private final List<Input> inputs;
    private final List<Integer> targetLags;
    private final double intercept;
    private final double[] coef;
    private final double[] means;
    private final int order;
    private final int season;
    private final double[][] own;
    private final boolean[] ownFailed;

    Fit(
        double[] y,
        List<Input> inputs,
        List<Integer> targetLags,
        double intercept,
        double[] coef,
        double[] means,
        int order,
        int season) {
      this.season = Math.max(1, season);
      this.own = new double[inputs.size()][];
      this.ownFailed = new boolean[inputs.size()];
      this.y = y;
      this.inputs = List.copyOf(inputs);
      this.targetLags = List.copyOf(targetLags);
      this.intercept = intercept;
      this.coef = coef;
      this.means = means;
      this.order = order;
    }

    /** The value of input j at index i as the forecast may see it (see the class comment). */
    private double seen(int j, int i) {
      Input in = inputs.get(j);
      double[] v = in.values();
      int n = y.length;
      int last;
      if (in.futureKnown()) {
        last = Math.min(i, v.length - 1);
      } else if (i < n) {
        last = i;
      } else {
        double[] f = ownForecast(j, i - n + 1);
        if (f != null) {
          return f[i - n];
        }
        last = n - 1;
      }
      for (int t = last; t >= 0; t--) {
        if (Double.isFinite(v[t])) {
          return v[t];
        }
      }
      return means[j];
    }

    /**
     * The covariate's own AR forecast from the origin, at least {@code h} steps; null when it
     * cannot be fitted.
     */
    private double[] ownForecast(int j, int h) {
      if (own[j] != null && own[j].length >= h) {
        return own[j];
      }
      if (ownFailed[j]) {
        return null;
      }
      double[] v = inputs.get(j).values();
      int n = y.length;
      double[] filled = new double[n];
      double prev = means[j];
      for (int t = 0; t < n; t++) {
        if (Double.isFinite(v[t])) {
          prev = v[t];
        }
        filled[t] = prev;
      }
      try {
        own[j] = new ArYuleWalker().fit(filled, 1).forecast(Math.max(h, 2 * Math.max(1, season)));
        return own[j];
      } catch (RuntimeException e) {
        ownFailed[j] = true;
        return null;
      }
    }

    public double[] forecast(int h) {
      int n = y.length;
      for (int j = 0; j < inputs.size(); j++) {
        if (!inputs.get(j).futureKnown()) {
          ownForecast(j, h);
        }
      }
      double[] z = java.util.Arrays.copyOf(y, n + h);
      double[] f = new double[h];
      for (int s = 0; s < h; s++) {
        int t = n + s;
        double v = intercept;
        int c = 0;
        for (int l : targetLags) {
          v += coef[c++] * z[t - l];
        }
        for (int j = 0; j < inputs.size(); j++) {
          for (int k : inputs.get(j).lags()) {
            v += coef[c++] * seen(j, t - k);
          }
        }
        z[t] = v;
        f[s] = v;
      }
      return f;
    }

    public String description() {
      StringBuilder b = new StringBuilder("ARX(" + order);
      if (targetLags.size() > order) {
        b.append(", season lag ").append(targetLags.get(targetLags.size() - 1));
      }
      for (Input in : inputs) {
        int[] l = in.lags();
        b.append("; ")
            .append(in.name())
            .append(" lags ")
            .append(l[0])
            .append('-')
            .append(l[l.length - 1]);
      }
      return b.append(')').toString();
    }
  }
}
