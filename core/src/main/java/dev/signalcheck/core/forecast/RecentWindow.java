package dev.signalcheck.core.forecast;

import java.util.Arrays;

/**
 * A forecaster estimated on the most recent part of a very long training window: at most {@link
 * #points} = max({@link #LONG_WINDOW}, 3m) points. The exponential smoothers (ses, holt, damped,
 * automatic ETS) run their whole recursion at every step of their optimiser; on windows of hundreds
 * of thousands of points (a backtest of a series of five-second readings, whose horizon is a day of
 * 17,280 steps) that is most of an audit's time, while the estimate changes little: the smallest
 * smoothing weight, α = 10⁻⁴, forgets over some 10,000 steps, so 50,000 points are five of its
 * memories, and a level or trend is then the same whether it is smoothed from the last 50,000
 * points or from 200,000. Shorter windows are fitted whole and bit for bit as before (every series
 * of M3, M4, the NAB corpus and the R parity tests is far below the limit).
 *
 * <p>The fit's in-sample values are NaN before the part it was estimated on (the in-sample error is
 * measured where the model ran). What is fitted is decided by the window's length alone, so a
 * series gets the same fit however it is read. Over a backtest's origins ({@link #forOrigins()}) a
 * long window's part starts later at each origin, so a warm start from the previous optimum is only
 * a starting point there: its initial states belong to an earlier time, and the optimiser moves
 * them.
 */
public final class RecentWindow implements Forecaster {
  /**
   * Windows longer than this (and longer than three seasons) are estimated on their latest part.
   */
  public static final int LONG_WINDOW = 50_000;

  private final Forecaster inner;

  private RecentWindow(Forecaster inner) {
    this.inner = inner;
  }

  /** {@code inner}, estimated on at most {@link #points} recent points. */
  public static RecentWindow of(Forecaster inner) {
    return new RecentWindow(inner);
  }

  /** The most points a window of a series with season {@code m} is estimated on. */
  public static int points(int m) {
    return (int) Math.max(LONG_WINDOW, 3L * Math.max(1, m));
  }

  /** The model this one estimates. */
  public Forecaster inner() {
    return inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public Forecaster forOrigins() {
    Forecaster in = inner.forOrigins();
    return in == inner ? this : new RecentWindow(in);
  }

  @Override
  public Fitted fit(double[] y, int m) {
    int keep = points(m);
    if (y.length <= keep) {
      return inner.fit(y, m);
    }
    int skip = y.length - keep;
    Fitted f = inner.fit(Arrays.copyOfRange(y, skip, y.length), m);
    return new Tail(f, skip);
  }

  /** A fit on the latest part of the window; its in-sample values padded in front with NaN. */
  static final class Tail implements Fitted {
    private final Fitted inner;
    private final int skip;

    Tail(Fitted inner, int skip) {
      this.inner = inner;
      this.skip = skip;
    }

    @Override
    public double[] forecast(int h) {
      return inner.forecast(h);
    }

    @Override
    public double[] fitted() {
      double[] f = inner.fitted();
      double[] out = new double[skip + f.length];
      Arrays.fill(out, 0, skip, Double.NaN);
      System.arraycopy(f, 0, out, skip, f.length);
      return out;
    }

    @Override
    public String description() {
      return inner.description();
    }
  }
}
