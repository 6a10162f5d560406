package dev.signalcheck.core.forecast;

import java.util.Locale;

/**
 * The M4 competition's seasonal adjustment around any forecaster. When m &gt; 1, the training data
 * have at least 3m points and the lag-m autocorrelation is significant at 90% ({@link
 * #isSeasonal}), the data are divided by the seasonal indices of a classical multiplicative
 * decomposition ({@link ClassicalDecomposition}, R {@code decompose}), the inner model is fitted to
 * the adjusted series, and its forecasts are multiplied back with the last m indices repeated; its
 * fitted values are multiplied back with the in-sample indices. When the data are not all positive
 * the additive form is used instead (subtract, then add back). Otherwise the inner model runs on
 * the data unchanged.
 */
public final class M4SeasonalAdjustment implements Forecaster {
  /** One-sided 90% normal quantile used by the M4 organisers. */
  static final double CRITICAL_VALUE = 1.645;

  private final String name;
  private final Forecaster inner;

  /**
   * @param name the name of the adjusted model (e.g. {@code naive2}, or {@code ses} for the M4
   *     protocol's adjusted SES)
   * @param inner the model that forecasts the adjusted series
   */
  public M4SeasonalAdjustment(String name, Forecaster inner) {
    this.name = name;
    this.inner = inner;
  }

  /** Wraps {@code inner} under its own name. */
  public static M4SeasonalAdjustment of(Forecaster inner) {
    return new M4SeasonalAdjustment(inner.name(), inner);
  }

  @Override
  public String name() {
    return name;
  }

  public Forecaster inner() {
    return inner;
  }

  /**
   * The M4 organisers' seasonality test: with r the autocorrelations of x (R {@code acf}, lag.max =
   * max(m, 10·log10 n)), x is seasonal when m &gt; 1, n ≥ 3m and |r_m| &gt; 1.645 · sqrt((1 + 2
   * Σ_{k&lt;m} r_k²) / n).
   */
  public static boolean isSeasonal(double[] x, int m) {
    int n = x.length;
    if (m <= 1 || n < 3 * m) {
      return false;
    }
    double[] r = Autocorrelation.acf(x, m);
    double cum = 1;
    for (int k = 1; k < m; k++) {
      cum += 2 * r[k] * r[k];
    }
    double limit = CRITICAL_VALUE / Math.sqrt(n) * Math.sqrt(cum);
    return Math.abs(r[m]) > limit;
  }

  /** The inner model's own way over a backtest's origins ({@link Forecaster#forOrigins()}). */
  @Override
  public Forecaster forOrigins() {
    Forecaster in = inner.forOrigins();
    return in == inner ? this : new M4SeasonalAdjustment(name, in);
  }

  @Override
  public Fitted fit(double[] y, int m) {
    if (!SeasonalityMemo.isSeasonal(y, m)) {
      Fitted f = inner.fit(y, m);
      return new Adjusted(f, null, y.length);
    }
    boolean allPositive = true;
    for (double v : y) {
      if (!(v > 0)) {
        allPositive = false;
        break;
      }
    }
    ClassicalDecomposition d = SeasonalityMemo.decomposition(y, m, allPositive);
    Fitted f = inner.fit(d.adjust(y), m);
    return new Adjusted(f, d, y.length);
  }

  /** A fit of the inner model, with the seasonal indices put back. */
  public static final class Adjusted implements Fitted {
    private final Fitted inner;
    private final ClassicalDecomposition decomposition;
    private final int n;

    Adjusted(Fitted inner, ClassicalDecomposition decomposition, int n) {
      this.inner = inner;
      this.decomposition = decomposition;
      this.n = n;
    }

    /** Whether the seasonality test fired and the data were adjusted. */
    public boolean seasonallyAdjusted() {
      return decomposition != null;
    }

    /** Whether the multiplicative form was used (false for additive or no adjustment). */
    public boolean multiplicative() {
      return decomposition != null && decomposition.multiplicative();
    }

    @Override
    public double[] forecast(int h) {
      double[] f = inner.forecast(h);
      if (decomposition == null) {
        return f;
      }
      double[] s = decomposition.futureIndices(f.length);
      return putBack(f, s);
    }

    @Override
    public double[] fitted() {
      double[] f = inner.fitted();
      if (decomposition == null) {
        return f;
      }
      double[] s = decomposition.seasonal();
      if (f.length != n) {
        throw new IllegalStateException("fitted values of the inner model have the wrong length");
      }
      return putBack(f, s);
    }

    private double[] putBack(double[] f, double[] s) {
      double[] out = new double[f.length];
      boolean mult = decomposition.multiplicative();
      for (int i = 0; i < f.length; i++) {
        out[i] = mult ? f[i] * s[i] : f[i] + s[i];
      }
      return out;
    }

    @Override
    public String description() {
      String d = inner.description();
      if (decomposition == null) {
        return d;
      }
      return String.format(
          Locale.ROOT,
          "%s on %s seasonally adjusted data (m=%d)",
          d.isEmpty() ? "model" : d,
          decomposition.multiplicative() ? "multiplicatively" : "additively",
          decomposition.figure().length);
    }
  }
}
