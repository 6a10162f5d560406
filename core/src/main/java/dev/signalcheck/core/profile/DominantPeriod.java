package dev.signalcheck.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Detects the dominant seasonal period of a series from the data, to set beside the configured one.
 *
 * <p>Method (no R counterpart; thresholds chosen to avoid false alarms on white noise and random
 * walks):
 *
 * <ol>
 *   <li>Strength of a period p: the lag-p autocorrelation {@code r_p} of {@code z = y − MA_p(y)},
 *       the series minus its centred moving average of order p (a 2×p average for even p, as R's
 *       {@code decompose}). The moving average removes any trend or random-walk level and leaves a
 *       period-p pattern intact.
 *   <li>Candidates: the three highest positive local maxima, over {@code 3 ≤ p ≤ n/3} (at least
 *       three full cycles), of the autocorrelation of y minus a long centred moving average
 *       (2⌊n/3⌋+1 points, truncated at the ends), each with its two neighbours, and the configured
 *       period m. One O(n²/3) pass, then O(n) per candidate.
 *   <li>Significance: Bartlett's bound {@code r_p > z · sqrt((1 + 2 Σ_{k<p} r_k²) / n_z)} (the
 *       variance under the hypothesis that z has no correlation at lag p and beyond, the M4
 *       seasonality test's form), with z = 2.576 (99%) for a dominant period and z = 1.645 (90%,
 *       the M4 level) for the configured one. A dominant period must in addition have {@code r_p ≥
 *       0.3} and exceed the white-noise level {@code z' / sqrt(n_z)}, z' the Bonferroni-corrected
 *       normal quantile for a family-wise 1% error over all scanned periods (about 3.4 for n = 100,
 *       3.9 for n = 1000). Bartlett's bound keeps random walks and smooth autocorrelated series
 *       from producing "cycles"; the white-noise bound keeps the scan over many periods honest.
 *   <li>The dominant period is the significant candidate with the greatest strength. It is replaced
 *       by the configured m when m is significant with at least 90% of that strength (a broad peak
 *       at 25 for a 24-hour cycle is reported as 24), otherwise by a significant divisor with at
 *       least 90% of it (a multiple of a shorter cycle is not reported as the cycle).
 * </ol>
 *
 * <p>Bartlett's bound is conservative for long periods with few cycles: a clear weekly cycle in
 * hourly data (a weekend drop of 4 noise standard deviations) is called with about 8 weeks of data
 * but not with 5. In exchange, fewer than 1% of white-noise, random-walk and AR(1) series of 40 to
 * 1,000 points get a period at all.
 *
 * <p>{@code disagrees} is true when a dominant period was found, it differs from m, and m itself
 * shows no significant seasonality (or m ≤ 1): e.g. hourly data with a weekly cycle (168) but no
 * daily one, configured as m = 24. When m is significant and another period dominates (daily and
 * weekly cycles, m = 24, dominant 168) there is no disagreement, only an additional cycle.
 */
public final class DominantPeriod {
  static final double FAMILY_ALPHA = 0.01;
  static final double Z_DOMINANT = 2.576;
  static final int MIN_PERIOD = 3;
  static final double Z_CONFIGURED = 1.645;
  static final double MIN_STRENGTH = 0.3;
  static final double HARMONIC_SHARE = 0.9;
  private static final int TOP = 3;

  private DominantPeriod() {}

  /**
   * Detected period beside the configured one.
   *
   * @param period dominant period in points, null when no candidate is significant
   * @param source which detector proposed it: {@code acf} (a peak of the autocorrelation function)
   *     or {@code configured} (the configured season, tested because it was given); {@code none}
   *     when no period was found
   * @param strength lag-period autocorrelation of the series minus its moving average, or null
   * @param configuredPeriod the configured season m
   * @param configuredStrength the same strength at m, null when m ≤ 1 or the series has fewer than
   *     3m points
   * @param disagrees whether the data's dominant period contradicts the configured season
   */
  public record Result(
      Integer period,
      String source,
      Double strength,
      int configuredPeriod,
      Double configuredStrength,
      boolean disagrees) {}

  /** Smallest series length for which {@link #detect} looks for periods (3 cycles of period 3). */
  public static final int MIN_LENGTH = 9;

  /**
   * Detects the dominant period.
   *
   * @param y series, at least {@link #MIN_LENGTH} points, not constant
   * @param m configured seasonal period (1 for none)
   */
  public static Result detect(double[] y, int m) {
    int n = y.length;
    if (n < MIN_LENGTH) {
      throw new IllegalArgumentException("needs at least " + MIN_LENGTH + " points, has " + n);
    }
    int maxPeriod = n / 3;
    // candidate periods: peaks of the autocorrelation of y minus a long (edge-truncated) moving
    // average, one O(n·n/3) pass; then the exact strength at each peak and its neighbours
    double[] acf = autocorrelations(longMaResidual(y, maxPeriod), maxPeriod + 1);
    List<Candidate> cands = new ArrayList<>();
    for (int k : topPeaks(acf, MIN_PERIOD, maxPeriod, TOP)) {
      for (int q = Math.max(MIN_PERIOD, k - 1); q <= Math.min(maxPeriod, k + 1); q++) {
        add(cands, q, "acf", maxPeriod);
      }
    }
    int scanned = Math.max(1, maxPeriod - MIN_PERIOD + 1);
    double zScan =
        new NormalDistribution().inverseCumulativeProbability(1 - FAMILY_ALPHA / scanned);
    Double configuredStrength = null;
    boolean configuredSignificant = false;
    if (m >= 2 && m <= maxPeriod) {
      Candidate c = add(cands, m, "configured", maxPeriod);
      evaluate(y, c);
      configuredStrength = c.strength;
      configuredSignificant = significant(c, Z_CONFIGURED, Double.NEGATIVE_INFINITY);
    }
    for (Candidate c : cands) {
      evaluate(y, c);
    }
    cands.sort((a, b) -> Double.compare(b.strength, a.strength));
    Candidate best = null;
    for (Candidate c : cands) {
      if (dominantSignificant(c, zScan)) {
        best = c;
        break;
      }
    }
    if (best == null) {
      return new Result(null, "none", null, m, configuredStrength, false);
    }
    Candidate chosen = best;
    Candidate configured = find(cands, m);
    if (configured != null
        && configured != best
        && configuredSignificant
        && configured.strength >= HARMONIC_SHARE * best.strength) {
      // the configured season explains the data about as well: report it
      chosen = configured;
    }
    for (Candidate c : cands) {
      if (chosen == best
          && c.period < chosen.period
          && best.period % c.period == 0
          && c.strength >= HARMONIC_SHARE * best.strength
          && dominantSignificant(c, zScan)) {
        chosen = c;
      }
    }
    boolean disagrees = chosen.period != m && !configuredSignificant;
    return new Result(
        chosen.period, chosen.source(), chosen.strength, m, configuredStrength, disagrees);
  }

  private static final class Candidate {
    final int period;
    boolean fromAcf;
    double strength = Double.NaN;
    double[] z;
    double bartlettSum = Double.NaN;

    Candidate(int period) {
      this.period = period;
    }

    String source() {
      return fromAcf ? "acf" : "configured";
    }
  }

  private static Candidate find(List<Candidate> cands, int p) {
    for (Candidate c : cands) {
      if (c.period == p) {
        return c;
      }
    }
    return null;
  }

  private static Candidate add(List<Candidate> cands, int p, String source, int maxPeriod) {
    if (p < 2 || p > maxPeriod) {
      return null;
    }
    Candidate c = null;
    for (Candidate e : cands) {
      if (e.period == p) {
        c = e;
      }
    }
    if (c == null) {
      c = new Candidate(p);
      cands.add(c);
    }
    if ("acf".equals(source)) {
      c.fromAcf = true;
    }
    return c;
  }

  /** Indices of the {@code top} largest positive local maxima of {@code v} in [lo, hi]. */
  private static int[] topPeaks(double[] v, int lo, int hi, int top) {
    int[] best = new int[top];
    Arrays.fill(best, -1);
    for (int k = Math.max(lo, 1); k <= hi && k + 1 < v.length; k++) {
      if (v[k] > v[k - 1] && v[k] >= v[k + 1] && v[k] > 0) {
        int pos = top;
        while (pos > 0 && (best[pos - 1] < 0 || v[best[pos - 1]] < v[k])) {
          pos--;
        }
        if (pos < top) {
          System.arraycopy(best, pos, best, pos + 1, top - pos - 1);
          best[pos] = k;
        }
      }
    }
    return Arrays.stream(best).filter(k -> k >= 0).toArray();
  }

  /** y minus its centred moving average over 2w+1 points, the window truncated at both ends. */
  static double[] longMaResidual(double[] y, int w) {
    int n = y.length;
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + y[i];
    }
    double[] z = new double[n];
    for (int t = 0; t < n; t++) {
      int lo = Math.max(0, t - w);
      int hi = Math.min(n - 1, t + w);
      z[t] = y[t] - (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
    }
    return z;
  }

  /** Computes z = y − MA_p(y) on the interior and its lag-p autocorrelation. */
  private static void evaluate(double[] y, Candidate c) {
    if (!Double.isNaN(c.strength)) {
      return;
    }
    double[] z = new double[y.length];
    int len = maResidual(y, c.period, z);
    c.z = Arrays.copyOf(z, len);
    c.strength = lagCorrelation(z, len, c.period);
  }

  /**
   * Writes {@code y − MA_p(y)} for the interior points into {@code z[0..len)} and returns len. Odd
   * p: centred average of p points; even p: the 2×p average (half weight at both ends), as R's
   * {@code decompose}.
   */
  static int maResidual(double[] y, int p, double[] z) {
    int n = y.length;
    int h = p / 2;
    boolean odd = p % 2 == 1;
    double s = 0;
    for (int i = 0; i <= 2 * h; i++) {
      s += y[i];
    }
    for (int t = h; t < n - h; t++) {
      if (t > h) {
        s += y[t + h] - y[t - h - 1];
      }
      double ma = odd ? s / p : (s - 0.5 * (y[t - h] + y[t + h])) / p;
      z[t - h] = y[t] - ma;
    }
    return n - 2 * h;
  }

  /** Lag-p autocorrelation (mean removed, denominator the lag-0 sum) of {@code z[0..len)}. */
  static double lagCorrelation(double[] z, int len, int p) {
    double mean = 0;
    for (int t = 0; t < len; t++) {
      mean += z[t];
    }
    mean /= len;
    double c0 = 0;
    double cp = 0;
    for (int t = 0; t < len; t++) {
      double d = z[t] - mean;
      c0 += d * d;
      if (t + p < len) {
        cp += d * (z[t + p] - mean);
      }
    }
    return c0 > 0 ? cp / c0 : 0;
  }

  /**
   * Dominant-period test: strength at least {@link #MIN_STRENGTH}, above the white-noise level
   * corrected for the number of scanned periods, and above Bartlett's bound at 99%.
   */
  private static boolean dominantSignificant(Candidate c, double zScan) {
    return c.strength >= MIN_STRENGTH
        && c.strength > zScan / Math.sqrt(c.z.length)
        && significant(c, Z_DOMINANT, MIN_STRENGTH);
  }

  private static boolean significant(Candidate c, double zCrit, double minStrength) {
    if (!(c.strength >= minStrength) || !(c.strength > 0)) {
      return false;
    }
    if (Double.isNaN(c.bartlettSum)) {
      double[] r = autocorrelations(c.z, c.period);
      double sum = 1;
      for (int k = 1; k < c.period; k++) {
        sum += 2 * r[k] * r[k];
      }
      c.bartlettSum = sum;
    }
    return c.strength > zCrit * Math.sqrt(c.bartlettSum / c.z.length);
  }

  /** Autocorrelations r_0..r_maxLag of z (mean removed, denominator n), direct sums. */
  static double[] autocorrelations(double[] z, int maxLag) {
    int n = z.length;
    double mean = Acf.mean(z);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = z[i] - mean;
    }
    int last = Math.min(maxLag, n - 1);
    double[] r = new double[maxLag + 1];
    double c0 = 0;
    for (double v : d) {
      c0 += v * v;
    }
    if (!(c0 > 0)) {
      return r;
    }
    double[] sums = dev.signalcheck.core.stats.LaggedProducts.of(d, last);
    for (int k = 0; k <= last; k++) {
      r[k] = sums[k] / c0;
    }
    return r;
  }
}
