package dev.signalcheck.core.profile;

/**
 * Decomposition as forecast 8.20 {@code mstl(x)} does it for a plain {@code ts} with one frequency
 * and no Box–Cox transform.
 *
 * <ul>
 *   <li>m > 1: a single {@link Stl} pass ({@code iterate} is forced to 1 for a {@code ts}) with
 *       {@code s.window = 11} (the first of mstl's {@code 7 + 4·(1..6)}) and R's other defaults
 *       ({@code robust = FALSE}); R stops when {@code n <= 2m}.
 *   <li>m = 1: trend = {@link SuperSmoother} of y against 1..n ({@code supsmu(seq_len(n), x)}), no
 *       seasonal component.
 * </ul>
 *
 * Remainder = y − seasonal − trend in both cases.
 */
public final class Mstl {
  /** mstl's seasonal window for its first (here: only) seasonal period. */
  public static final int S_WINDOW = 11;

  private Mstl() {}

  /**
   * A decomposition; {@code seasonal} is null for a non-seasonal fit.
   *
   * @param trend trend component
   * @param seasonal seasonal component or null
   * @param remainder y − seasonal − trend
   */
  public record Result(double[] trend, double[] seasonal, double[] remainder) {}

  /** Whether a seasonal (STL) decomposition is possible: m ≥ 2 and n > 2m. */
  public static boolean seasonalPossible(int n, int m) {
    return m >= 2 && n > 2L * m;
  }

  /**
   * Decomposes y. With m ≥ 2 this requires n > 2m; with m ≤ 1 it uses the super smoother (n ≥ 5).
   */
  public static Result decompose(double[] y, int m) {
    if (m >= 2) {
      Stl.Decomposition d = Stl.decompose(y, Stl.defaults(m, S_WINDOW));
      return new Result(d.trend(), d.seasonal(), d.remainder());
    }
    double[] trend = SuperSmoother.smoothIndex(y);
    double[] rem = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      rem[i] = y[i] - trend[i];
    }
    return new Result(trend, null, rem);
  }

  /**
   * Strength of a component as tsfeatures {@code stl_features}: {@code max(0, 1 - var(R) / var(C +
   * R))}; null when {@code var(C + R)} is zero.
   */
  public static Double strength(double[] component, double[] remainder) {
    int n = remainder.length;
    double mr = 0;
    double mc = 0;
    for (int i = 0; i < n; i++) {
      mr += remainder[i];
      mc += component[i] + remainder[i];
    }
    mr /= n;
    mc /= n;
    double vr = 0;
    double vc = 0;
    for (int i = 0; i < n; i++) {
      double dr = remainder[i] - mr;
      double dc = component[i] + remainder[i] - mc;
      vr += dr * dr;
      vc += dc * dc;
    }
    if (!(vc > 0)) {
      return null;
    }
    return Math.max(0.0, 1.0 - vr / vc);
  }
}
