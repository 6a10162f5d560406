package dev.signalcheck.core.forecast.ets;

/**
 * Parameter-space tests of forecast's ETS estimation: the "usual" bounds (0 < β < α < 1, 0 < γ < 1
 * − α, φ in its interval) and the "admissible" region where the model is forecastable, i.e. the
 * characteristic polynomial has all roots in the unit disc (forecast's {@code admissible}).
 */
final class Admissibility {

  private Admissibility() {}

  /** Usual bounds: the box from {@code lower}/{@code upper} plus β ≤ α and γ ≤ 1 − α. */
  static boolean usual(
      double alpha,
      double beta,
      double gamma,
      double phi,
      boolean trend,
      boolean season,
      boolean damped,
      double[] lower,
      double[] upper) {
    if (alpha < lower[0] || alpha > upper[0]) {
      return false;
    }
    if (trend && (beta < lower[1] || beta > alpha || beta > upper[1])) {
      return false;
    }
    if (damped && (phi < lower[3] || phi > upper[3])) {
      return false;
    }
    return !season || !(gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2]);
  }

  /**
   * The admissible region. {@code phi} is 1 for undamped models, {@code beta} 0 without trend;
   * {@code m} is 1 for non-seasonal models.
   *
   * @param work scratch space of at least 2·(m + 2) doubles
   */
  static boolean admissible(
      double alpha, double beta, double gamma, double phi, boolean season, int m, double[] work) {
    if (phi < 0 || phi > 1 + 1e-8) {
      return false;
    }
    if (!season) {
      if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
        return false;
      }
      return !(beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha));
    }
    if (m <= 1) {
      return true;
    }
    double d = 1 - 1 / phi - alpha;
    if (gamma < Math.max(d, 0) || gamma > 1 + 1 / phi - alpha) {
      return false;
    }
    if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
      return false;
    }
    if (beta < -(1 - phi) * (gamma / m + alpha)) {
      return false;
    }
    characteristic(alpha, beta, gamma, phi, m, work);
    return rootsWithin(work, m + 1, 1 + 1e-10);
  }

  /**
   * The characteristic polynomial of a seasonal form (m ≥ 2): its coefficients of z^0 .. z^(m+1)
   * into {@code c[0..m+1]}.
   */
  static void characteristic(
      double alpha, double beta, double gamma, double phi, int m, double[] c) {
    c[0] = phi * (1 - alpha - gamma);
    c[1] = alpha + beta - alpha * phi + gamma - 1;
    for (int k = 2; k <= m - 1; k++) {
      c[k] = alpha + beta - alpha * phi;
    }
    c[m] = alpha + beta - phi;
    c[m + 1] = 1;
  }

  /**
   * Whether all roots of Σ c[k] z^k (degree {@code deg}, c[deg] ≠ 0) have modulus below {@code
   * radius}, by the Schur–Cohn recursion on the polynomial rescaled to the unit disc. Uses {@code
   * c} from index 0 and deg + 1 further scratch entries after it; overwrites both.
   */
  static boolean rootsWithin(double[] c, int deg, double radius) {
    int off = 0;
    int other = deg + 1;
    double r = 1;
    for (int k = 0; k <= deg; k++) {
      c[k] *= r;
      r *= radius;
    }
    int d = deg;
    while (d > 0) {
      double a0 = c[off];
      double ad = c[off + d];
      if (!(Math.abs(a0) < Math.abs(ad))) {
        return false;
      }
      // T p(z) = (a_d p(z) - a_0 p*(z)) / z, normalised by its leading coefficient a_d^2 - a_0^2.
      // One division per step, not per coefficient: the scaling only keeps the coefficients in
      // range (the test compares moduli within one polynomial, which a common factor leaves alone).
      double inv = 1 / (ad * ad - a0 * a0);
      double sa = ad * inv;
      double sb = a0 * inv;
      for (int k = 0; k < d; k++) {
        c[other + k] = sa * c[off + k + 1] - sb * c[off + d - 1 - k];
      }
      int t = off;
      off = other;
      other = t;
      d--;
    }
    return true;
  }
}
