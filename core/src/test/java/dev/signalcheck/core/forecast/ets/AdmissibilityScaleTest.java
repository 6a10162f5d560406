package dev.signalcheck.core.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * {@link Admissibility#rootsWithin} normalises each Schur–Cohn step by a power of two instead of
 * dividing by the leading coefficient; it must decide as the division does, on random parameters
 * and on parameters a bisection has put next to the boundary of the stable region, wherever the
 * decision is not within rounding of the boundary (the division's own answer does not change when
 * the radius moves by 1e-9).
 */
class AdmissibilityScaleTest {

  private static final double RADIUS = 1 + 1e-10;

  /** The Schur–Cohn recursion with a division by the leading coefficient at each step. */
  private static boolean byDivision(double[] c0, int deg, double radius) {
    double[] c = new double[2 * (deg + 1)];
    System.arraycopy(c0, 0, c, 0, deg + 1);
    int off = 0;
    int other = deg + 1;
    double r = 1;
    for (int k = 0; k <= deg; k++) {
      c[k] *= r;
      r *= radius;
    }
    for (int d = deg; d > 0; d--) {
      double a0 = c[off];
      double ad = c[off + d];
      if (!(Math.abs(a0) < Math.abs(ad))) {
        return false;
      }
      double lead = ad * ad - a0 * a0;
      for (int k = 0; k < d; k++) {
        c[other + k] = (ad * c[off + k + 1] - a0 * c[off + d - 1 - k]) / lead;
      }
      int t = off;
      off = other;
      other = t;
    }
    return true;
  }

  private static double[] poly(double alpha, double beta, double gamma, double phi, int m) {
    double[] c = new double[2 * (m + 2)];
    Admissibility.characteristic(alpha, beta, gamma, phi, m, c);
    return c;
  }

  private static void assertSameDecision(double[] c, int deg) {
    boolean ref = byDivision(c, deg, RADIUS);
    boolean settled =
        byDivision(c, deg, RADIUS * (1 + 1e-9)) == ref
            && byDivision(c, deg, RADIUS * (1 - 1e-9)) == ref;
    boolean scaled = Admissibility.rootsWithin(c.clone(), deg, RADIUS);
    if (settled) {
      assertThat(scaled).isEqualTo(ref);
    }
  }

  @Property(tries = 1000)
  void decidesAsTheDivisionOnRandomParameters(
      @ForAll @DoubleRange(min = -0.5, max = 1.5) @Scale(9) double alpha,
      @ForAll @DoubleRange(min = -0.5, max = 1.5) @Scale(9) double beta,
      @ForAll @DoubleRange(min = -0.5, max = 1.5) @Scale(9) double gamma,
      @ForAll @DoubleRange(min = 0.5, max = 1.05) @Scale(9) double phi,
      @ForAll @IntRange(min = 2, max = 52) int m) {
    assertSameDecision(poly(alpha, beta, gamma, phi, m), m + 1);
  }

  @Property(tries = 300)
  void decidesAsTheDivisionNextToTheBoundary(
      @ForAll @DoubleRange(min = 0.0001, max = 0.9999) @Scale(9) double alpha,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(9) double betaShare,
      @ForAll @DoubleRange(min = 0.8, max = 1) @Scale(9) double phi,
      @ForAll @IntRange(min = 2, max = 52) int m,
      @ForAll @DoubleRange(min = -1e-6, max = 1e-6) @Scale(15) double offset) {
    double beta = betaShare * alpha;
    // γ = 0 is inside for these parameters or not at all; γ = 3 is outside
    double lo = 0;
    double hi = 3;
    if (!byDivision(poly(alpha, beta, lo, phi, m), m + 1, RADIUS)) {
      assertSameDecision(poly(alpha, beta, lo, phi, m), m + 1);
      return;
    }
    for (int i = 0; i < 60; i++) {
      double mid = 0.5 * (lo + hi);
      if (byDivision(poly(alpha, beta, mid, phi, m), m + 1, RADIUS)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    assertSameDecision(poly(alpha, beta, lo, phi, m), m + 1);
    assertSameDecision(poly(alpha, beta, hi, phi, m), m + 1);
    assertSameDecision(poly(alpha, beta, lo + offset, phi, m), m + 1);
  }
}
