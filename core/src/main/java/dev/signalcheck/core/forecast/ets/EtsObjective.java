package dev.signalcheck.core.forecast.ets;

/**
 * forecast's {@code etsTargetFunction}: parameter checks, implied last seasonal state, criterion.
 */
final class EtsObjective implements NelderMead.Objective {
  private final EtsRecursion rec;
  private final EtsSpec spec;
  private final Ets.Criterion crit;
  private final int m;
  private final int nsmooth;
  private final boolean trend;
  private final boolean damped;
  private final boolean seasonal;
  private final boolean multSeason;
  private final boolean multError;
  private final double[] s;
  private final double[] work;
  private final int n;

  EtsObjective(double[] y, int m, EtsSpec spec, Ets.Criterion crit, int nsmooth) {
    this.rec = new EtsRecursion(y, m, spec);
    this.spec = spec;
    this.crit = crit;
    this.m = m;
    this.nsmooth = nsmooth;
    this.trend = spec.hasTrend();
    this.damped = spec.damped();
    this.seasonal = spec.seasonal();
    this.multSeason = spec.season() == EtsSpec.SeasonType.MULTIPLICATIVE;
    this.multError = spec.error() == EtsSpec.ErrorType.MULTIPLICATIVE;
    this.s = new double[seasonal ? m : 0];
    this.work = new double[2 * (m + 2)];
    this.n = y.length;
  }

  /** All m seasonal states from the m − 1 free ones starting at {@code from}. */
  double[] seasonStates(double[] par, int from) {
    if (!seasonal) {
      return new double[0];
    }
    double[] out = new double[m];
    fillSeason(par, from, out);
    return out;
  }

  private void fillSeason(double[] par, int from, double[] out) {
    double sum = 0;
    for (int k = 0; k < m - 1; k++) {
      out[k] = par[from + k];
      sum += out[k];
    }
    out[m - 1] = (multSeason ? m : 0) - sum;
  }

  @Override
  public double value(double[] par) {
    return evaluate(par, Double.POSITIVE_INFINITY);
  }

  /**
   * With additive errors the criterion only grows with the sum of squares: n·log(Σe²) for the
   * likelihood, Σe²/n for the MSE. The recursion may therefore stop once the partial sum gives a
   * criterion of at least {@code cutoff}; the value returned is then that partial criterion, at
   * least {@code cutoff} and at most the full one. Below the cutoff it is the full value, bit for
   * bit (the sum is the same sum, only possibly cut short).
   */
  @Override
  public double value(double[] par, double cutoff) {
    if (multError || !(cutoff > -1e10 && cutoff < 1e300)) {
      return value(par);
    }
    double stop = crit == Ets.Criterion.MSE ? mseStop(cutoff) : likStop(cutoff);
    return Double.isNaN(stop) ? value(par) : evaluate(par, stop);
  }

  /** The smallest sum of squares whose n·log(sum), as computed, is at least the cutoff; or NaN. */
  private double likStop(double cutoff) {
    double stop = Math.exp(cutoff / n);
    for (int k = 0; k < 4 && n * Math.log(stop) < cutoff; k++) {
      stop = Math.nextUp(stop);
    }
    return stop > 0 && n * Math.log(stop) >= cutoff ? stop : Double.NaN;
  }

  /**
   * A sum of squares whose sum/n, as computed, is at least the cutoff; or NaN. Division by n is
   * monotone, so every partial sum at or above it also gives at least the cutoff.
   */
  private double mseStop(double cutoff) {
    double stop = cutoff * n;
    for (int k = 0; k < 4 && stop / n < cutoff; k++) {
      stop = Math.nextUp(stop);
    }
    return stop > 0 && stop / n >= cutoff ? stop : Double.NaN;
  }

  private double evaluate(double[] par, double sseStop) {
    int j = 0;
    double alpha = par[j++];
    double beta = trend ? par[j++] : 0;
    double gamma = seasonal ? par[j++] : 0;
    double phi = damped ? par[j++] : 1;
    if (!Admissibility.usual(
        alpha, beta, gamma, phi, trend, seasonal, damped, Ets.LOWER, Ets.UPPER)) {
      return Double.POSITIVE_INFINITY;
    }
    if (!Admissibility.admissible(alpha, beta, gamma, phi, seasonal, m, work)) {
      return Double.POSITIVE_INFINITY;
    }
    double l0 = par[j++];
    double b0 = trend ? par[j++] : 0;
    if (seasonal) {
      fillSeason(par, j, s);
      if (multSeason) {
        for (int k = 0; k < m; k++) {
          if (s[k] < 0) {
            return Double.POSITIVE_INFINITY;
          }
        }
      }
    }
    rec.run(alpha, beta, gamma, phi, l0, b0, s, null, sseStop);
    if (crit == Ets.Criterion.MSE) {
      return rec.ssd / n;
    }
    double lik = rec.lik();
    if (lik < -1e10) {
      lik = -1e10;
    }
    if (Double.isNaN(lik)) {
      lik = Double.POSITIVE_INFINITY;
    }
    return lik;
  }

  @Override
  public String toString() {
    return spec + " objective (" + nsmooth + " smoothing parameters)";
  }
}
