package dev.signalcheck.core.profile;

/**
 * Demand-pattern measures of Syntetos, Boylan and Croston (2005).
 *
 * <ul>
 *   <li>{@code zeroShare} = share of exact zeros;
 *   <li>{@code ADI} = n / (number of non-zero values), the average inter-demand interval;
 *   <li>{@code CV²} = (σ/μ)² of the non-zero values, σ the population standard deviation
 *       (denominator count, not count − 1).
 * </ul>
 *
 * The class is {@code smooth} (ADI ≤ 1.32, CV² ≤ 0.49), {@code erratic} (ADI ≤ 1.32, CV² > 0.49),
 * {@code intermittent} (ADI > 1.32, CV² ≤ 0.49) or {@code lumpy} (ADI > 1.32, CV² > 0.49).
 */
public final class Intermittency {
  /** ADI cut-off between regular and intermittent demand. */
  public static final double ADI_CUTOFF = 1.32;

  /** CV² cut-off between stable and variable demand sizes. */
  public static final double CV2_CUTOFF = 0.49;

  private Intermittency() {}

  /**
   * Intermittency of one series. Fields that cannot be computed are null: {@code adi} when every
   * value is zero, {@code cv2} (and so {@code sbcClass}) with fewer than two non-zero values or a
   * zero mean of the non-zero values.
   *
   * @param zeroShare share of exact zeros, in [0, 1]
   * @param adi average inter-demand interval, ≥ 1
   * @param cv2 squared coefficient of variation of the non-zero values
   * @param sbcClass {@code smooth}, {@code erratic}, {@code intermittent} or {@code lumpy}; written
   *     as {@code class} in reports
   */
  public record Result(double zeroShare, Double adi, Double cv2, String sbcClass) {}

  /**
   * Computes the measures. Scale-free: multiplying the series by a positive constant leaves every
   * field unchanged.
   *
   * @param y series with at least one value
   */
  public static Result of(double[] y) {
    int n = y.length;
    int nz = 0;
    double max = 0;
    for (double v : y) {
      if (v != 0) {
        nz++;
        max = Math.max(max, Math.abs(v));
      }
    }
    double zeroShare = (double) (n - nz) / n;
    if (nz == 0) {
      return new Result(zeroShare, null, null, null);
    }
    double adi = (double) n / nz;
    Double cv2 = null;
    if (nz > 1) {
      // scale by a power of two (exact) so that squares cannot overflow
      double scale = Math.scalb(1.0, -Math.getExponent(max));
      double mean = 0;
      for (double v : y) {
        if (v != 0) {
          mean += v * scale;
        }
      }
      mean /= nz;
      double ss = 0;
      for (double v : y) {
        if (v != 0) {
          double d = v * scale - mean;
          ss += d * d;
        }
      }
      double sd = Math.sqrt(ss / nz);
      if (mean != 0) {
        double cv = sd / mean;
        cv2 = cv * cv;
      }
    }
    return new Result(zeroShare, adi, cv2, cv2 == null ? null : classify(adi, cv2));
  }

  /** Syntetos–Boylan–Croston class for the given ADI and CV². */
  public static String classify(double adi, double cv2) {
    boolean regular = adi <= ADI_CUTOFF;
    boolean stable = cv2 <= CV2_CUTOFF;
    if (regular) {
      return stable ? "smooth" : "erratic";
    }
    return stable ? "intermittent" : "lumpy";
  }
}
