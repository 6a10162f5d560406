package dev.signalcheck.core.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes the {@link Profile} of a cleaned, regular series (analyses.md §2).
 *
 * <p>The series is first multiplied by a power of two so that its largest magnitude is near 1: this
 * is exact in floating point, leaves every measure unchanged (all are scale-free) and keeps sums of
 * squares finite for values as large as 1e300. Each measure then checks its own preconditions; one
 * that cannot be computed is left null with a plain reason, never NaN and never an exception.
 */
public final class Profiler {
  /** Points needed for the autocorrelation-based measures, entropies and KPSS. */
  public static final int MIN_POINTS = 3;

  /** Points needed for the super-smoother trend of a non-seasonal series. */
  public static final int MIN_POINTS_TREND = 5;

  private Profiler() {}

  /**
   * Profiles the series.
   *
   * @param y values without NaN (the pipeline cleans them first)
   * @param m seasonal period (1 or less for a non-seasonal series)
   */
  public static Profile profile(double[] y, int m) {
    Map<String, String> why = new LinkedHashMap<>();
    int n = y.length;
    for (double v : y) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("series contains a non-finite value");
      }
    }
    double[] x = rescaled(y);
    boolean constant = isConstant(x);
    String tooShort = "needs at least " + MIN_POINTS + " points, has " + n;
    String shortOrConstant = n < MIN_POINTS ? tooShort : (constant ? "series is constant" : null);

    Double acf1 = null;
    LjungBox.Result lb = null;
    LjungBox.Result lbDiff = null;
    Double specEnt = null;
    Double permEnt = null;
    Kpss.Result kpss = null;
    if (shortOrConstant != null) {
      for (String k : new String[] {"acf1", "ljungBox", "ljungBoxDiff", "spectralEntropy"}) {
        why.put(k, shortOrConstant);
      }
    } else {
      acf1 = number("acf1", () -> Acf.acf1(x), why);
      int lag = LjungBox.lagFor(n, m);
      if (lag < 1) {
        why.put("ljungBox", "needs at least 3 points for one lag, has " + n);
      } else {
        lb = test("ljungBox", () -> LjungBox.test(x, lag), why);
      }
      double[] d = diff(x);
      if (lag < 1) {
        why.put("ljungBoxDiff", "needs at least 3 points for one lag, has " + n);
      } else if (isConstant(d)) {
        why.put("ljungBoxDiff", "first differences are constant (a straight line)");
      } else if (lag >= d.length) {
        why.put(
            "ljungBoxDiff",
            "needs more than " + (lag + 1) + " points for lag " + lag + ", has " + n);
      } else {
        lbDiff = test("ljungBoxDiff", () -> LjungBox.test(d, lag), why);
      }
      specEnt = number("spectralEntropy", () -> SpectralEntropy.of(x), why);
    }
    if (n < MIN_POINTS) {
      why.put("permutationEntropy", tooShort);
    } else {
      permEnt = number("permutationEntropy", () -> PermutationEntropy.of(x), why);
    }

    Double trendStrength = null;
    Double seasonalStrength = null;
    if (m >= 2 && !Mstl.seasonalPossible(n, m)) {
      why.put(
          "seasonalStrength",
          "needs more than 2 full seasons (" + (2L * m + 1) + " points), has " + n);
    }
    if (constant) {
      why.put("trendStrength", "series is constant");
      if (m >= 2 && Mstl.seasonalPossible(n, m)) {
        why.put("seasonalStrength", "series is constant");
      }
    } else if (Mstl.seasonalPossible(n, m)) {
      Mstl.Result d = Mstl.decompose(x, m);
      trendStrength = strength(d.trend(), d.remainder(), "trendStrength", why);
      seasonalStrength = strength(d.seasonal(), d.remainder(), "seasonalStrength", why);
    } else if (n < MIN_POINTS_TREND) {
      why.put("trendStrength", "needs at least " + MIN_POINTS_TREND + " points, has " + n);
    } else {
      // non-seasonal, or too short for STL: trend by the super smoother, as mstl for m = 1
      Mstl.Result d = Mstl.decompose(x, 1);
      trendStrength = strength(d.trend(), d.remainder(), "trendStrength", why);
    }

    if (shortOrConstant != null) {
      why.put("kpss", shortOrConstant);
    } else {
      kpss = test("kpss", () -> Kpss.test(x), why);
    }

    Intermittency.Result inter = null;
    if (n == 0) {
      why.put("intermittency", "series is empty");
    } else {
      inter = Intermittency.of(x);
      if (inter.adi() == null) {
        why.put("intermittency.adi", "every value is zero");
      }
      if (inter.cv2() == null) {
        why.put("intermittency.cv2", cv2Reason(x));
      }
    }

    DominantPeriod.Result dom = null;
    if (n < DominantPeriod.MIN_LENGTH) {
      why.put(
          "dominantPeriod", "needs at least " + DominantPeriod.MIN_LENGTH + " points, has " + n);
    } else if (constant) {
      why.put("dominantPeriod", "series is constant");
    } else {
      dom = test("dominantPeriod", () -> DominantPeriod.detect(x, m), why);
    }
    return Profile.builder()
        .acf1(acf1)
        .ljungBox(lb)
        .ljungBoxDiff(lbDiff)
        .spectralEntropy(specEnt)
        .permutationEntropy(permEnt)
        .trendStrength(trendStrength)
        .seasonalStrength(seasonalStrength)
        .kpss(kpss)
        .intermittency(inter)
        .dominantPeriod(dom)
        .notComputable(why)
        .build();
  }

  private static Double strength(
      double[] component, double[] remainder, String name, Map<String, String> why) {
    Double s = Mstl.strength(component, remainder);
    if (s == null) {
      why.put(name, "component plus remainder has no variance");
    } else if (!Double.isFinite(s)) {
      why.put(name, NUMERIC);
      return null;
    }
    return s;
  }

  private static final String NUMERIC =
      "could not be computed: the values are numerically degenerate";

  /**
   * A number that is null, with the reason recorded, when it is not finite or its kernel refuses.
   */
  private static Double number(
      String name, java.util.function.DoubleSupplier f, Map<String, String> why) {
    try {
      double v = f.getAsDouble();
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // fall through: recorded below
    }
    why.put(name, NUMERIC);
    return null;
  }

  /**
   * A test result that is null, with the reason recorded, when any of its numbers is not finite.
   */
  private static <T> T test(
      String name, java.util.function.Supplier<T> f, Map<String, String> why) {
    try {
      T r = f.get();
      if (allFinite(r)) {
        return r;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // fall through: recorded below
    }
    why.put(name, NUMERIC);
    return null;
  }

  private static boolean allFinite(Object r) {
    if (r instanceof LjungBox.Result lb) {
      return Double.isFinite(lb.statistic()) && Double.isFinite(lb.pValue());
    }
    if (r instanceof Kpss.Result k) {
      return Double.isFinite(k.statistic()) && Double.isFinite(k.pValue());
    }
    if (r instanceof DominantPeriod.Result d) {
      return (d.strength() == null || Double.isFinite(d.strength()))
          && (d.configuredStrength() == null || Double.isFinite(d.configuredStrength()));
    }
    return r != null;
  }

  private static String cv2Reason(double[] x) {
    int nz = 0;
    for (double v : x) {
      if (v != 0) {
        nz++;
      }
    }
    return nz < 2
        ? "needs at least 2 non-zero values, has " + nz
        : "mean of the non-zero values is zero";
  }

  /** y times a power of two that brings its largest magnitude into [1, 2) (exact). */
  static double[] rescaled(double[] y) {
    double max = 0;
    for (double v : y) {
      max = Math.max(max, Math.abs(v));
    }
    double[] x = y.clone();
    if (max == 0) {
      return x;
    }
    int e = Math.getExponent(max);
    if (e == 0) {
      return x;
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.scalb(x[i], -e);
    }
    return x;
  }

  /** Constant when every value equals the first, or the spread vanishes against the level. */
  static boolean isConstant(double[] x) {
    if (x.length == 0) {
      return true;
    }
    double min = x[0];
    double max = x[0];
    for (double v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return !(max > min);
  }

  static double[] diff(double[] x) {
    double[] d = new double[Math.max(0, x.length - 1)];
    for (int i = 0; i < d.length; i++) {
      d[i] = x[i + 1] - x[i];
    }
    return d;
  }
}
