package dev.signalcheck.core.stats;

import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

/**
 * Sums of lagged products s(k) = Σ_t d[t]·d[t+k], k = 0 … lags, the core of every autocovariance.
 * Direct summation (R's order of operations, so results match R's {@code acf} to the last bits)
 * while n·(lags+1) is at most {@link #DIRECT_LIMIT}; beyond that, through the FFT (Wiener–Khinchin,
 * zero-padded to avoid wrap-around) in O(n log n), with a relative error of order 1e-13 — so a
 * million-point series with a daily season of 17,280 steps costs milliseconds, not minutes.
 *
 * <p>When only lags far below n are wanted, the series is cut into blocks and each block's products
 * with the block and the {@code lags} points after it are summed in the frequency domain
 * (overlap-save): transforms of a few times the number of lags instead of twice the series, one per
 * block (the block and its extension packed as the real and imaginary parts of one complex
 * transform) and one inverse at the end. The same sums, with the same order of rounding error, in
 * fewer operations and within the processor's caches.
 */
public final class LaggedProducts {
  private LaggedProducts() {}

  /** Work (multiply-adds) above which the FFT is used. */
  public static final long DIRECT_LIMIT = 20_000_000L;

  /**
   * @param d the (already centred) data
   * @param lags the largest lag, cut to {@code d.length - 1}
   */
  public static double[] of(double[] d, int lags) {
    int n = d.length;
    int last = Math.min(Math.max(lags, 0), n - 1);
    if ((long) n * (last + 1) <= DIRECT_LIMIT) {
      return direct(d, last);
    }
    return viaFft(d, last);
  }

  /**
   * The direct sums, eight (then four) lags per pass over the data: each lag's sum is still one
   * accumulator adding its products in the order of t (so every sum is bit for bit the single
   * loop's), but the chains of additions are independent, and the processor overlaps them instead
   * of waiting for each addition before the next.
   */
  static double[] direct(double[] d, int last) {
    int n = d.length;
    double[] s = new double[last + 1];
    int k = 0;
    for (; k + 7 <= last; k += 8) {
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      double a4 = 0;
      double a5 = 0;
      double a6 = 0;
      double a7 = 0;
      int common = n - k - 7; // t < common: all eight products exist
      int t = 0;
      for (; t < common; t++) {
        double x = d[t];
        int b = t + k;
        a0 += x * d[b];
        a1 += x * d[b + 1];
        a2 += x * d[b + 2];
        a3 += x * d[b + 3];
        a4 += x * d[b + 4];
        a5 += x * d[b + 5];
        a6 += x * d[b + 6];
        a7 += x * d[b + 7];
      }
      double[] acc = {a0, a1, a2, a3, a4, a5, a6, a7};
      // the last few t, where the longer lags have run out
      for (; t + k < n; t++) {
        double x = d[t];
        for (int j = 0; j < 7 && t + k + j < n; j++) {
          acc[j] += x * d[t + k + j];
        }
      }
      System.arraycopy(acc, 0, s, k, 8);
    }
    for (; k + 3 <= last; k += 4) {
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      int common = n - k - 3; // t < common: all four products exist
      int t = 0;
      for (; t < common; t++) {
        double x = d[t];
        a0 += x * d[t + k];
        a1 += x * d[t + k + 1];
        a2 += x * d[t + k + 2];
        a3 += x * d[t + k + 3];
      }
      // the last few t, where the longer lags have run out
      for (; t + k < n; t++) {
        double x = d[t];
        a0 += x * d[t + k];
        if (t + k + 1 < n) {
          a1 += x * d[t + k + 1];
        }
        if (t + k + 2 < n) {
          a2 += x * d[t + k + 2];
        }
      }
      s[k] = a0;
      s[k + 1] = a1;
      s[k + 2] = a2;
      s[k + 3] = a3;
    }
    for (; k <= last; k++) {
      double acc = 0;
      for (int t = 0; t + k < n; t++) {
        acc += d[t] * d[t + k];
      }
      s[k] = acc;
    }
    return s;
  }

  static double[] viaFft(double[] d, int last) {
    int n = d.length;
    int size = ceilPow2(2 * n - 1);
    int block = blockSize(n, last, size);
    if (block < size) {
      return blocked(d, last, block);
    }
    return whole(d, last, size);
  }

  /** The smallest power of two at least {@code x} (and at least 1). */
  static int ceilPow2(int x) {
    int p = Integer.highestOneBit(Math.max(1, x));
    return p < x ? p << 1 : p;
  }

  /**
   * The transform size of the cheapest blocked computation (about (blocks + 1)·S·log S operations
   * against 2·size·log size for the whole series), or {@code size} when the whole series is
   * cheaper.
   */
  static int blockSize(int n, int last, int size) {
    double best = 2.0 * size * log2(size);
    int choice = size;
    for (int s = ceilPow2(2 * (last + 1)); s < size; s <<= 1) {
      long blocks = (n + (long) (s - last) - 1) / (s - last);
      double cost = (blocks + 1.0) * s * log2(s);
      if (cost < best) {
        best = cost;
        choice = s;
      }
    }
    return choice;
  }

  private static double log2(int s) {
    return Math.max(1, Integer.numberOfTrailingZeros(s));
  }

  /**
   * Overlap-save with transform size {@code s} (a power of two above 2·last): block j holds a =
   * d[jB, jB + B) and b = d[jB, jB + B + last), B = s − last, so that Σ_t a[t]·b[t + k] for k ≤
   * last never wraps around; the spectra conj(A)·B of all blocks are summed and inverted once.
   */
  static double[] blocked(double[] d, int last, int s) {
    int n = d.length;
    int b = s - last;
    double[] re = new double[s];
    double[] im = new double[s];
    double[] accRe = new double[s];
    double[] accIm = new double[s];
    double[][] data = {re, im};
    int mask = s - 1;
    for (int start = 0; start < n; start += b) {
      int aLen = Math.min(b, n - start);
      int bLen = Math.min(b + last, n - start);
      System.arraycopy(d, start, re, 0, aLen);
      java.util.Arrays.fill(re, aLen, s, 0);
      System.arraycopy(d, start, im, 0, bLen);
      java.util.Arrays.fill(im, bLen, s, 0);
      FastFourierTransformer.transformInPlace(
          data, DftNormalization.STANDARD, TransformType.FORWARD);
      for (int k = 0; k < s; k++) {
        int j = (s - k) & mask;
        // Z = A + iB for the real sequences a (re) and b (im): A = (Z_k + conj Z_j) / 2,
        // B = (Z_k − conj Z_j) / 2i
        double ar = 0.5 * (re[k] + re[j]);
        double ai = 0.5 * (im[k] - im[j]);
        double br = 0.5 * (im[k] + im[j]);
        double bi = -0.5 * (re[k] - re[j]);
        accRe[k] += ar * br + ai * bi;
        accIm[k] += ar * bi - ai * br;
      }
    }
    double[][] acc = {accRe, accIm};
    FastFourierTransformer.transformInPlace(acc, DftNormalization.STANDARD, TransformType.INVERSE);
    double[] out = new double[last + 1];
    System.arraycopy(accRe, 0, out, 0, last + 1);
    return out;
  }

  /** The whole series at once, zero-padded to {@code size} ≥ 2n − 1. */
  static double[] whole(double[] d, int last, int size) {
    int n = d.length;
    double[] re = new double[size];
    double[] im = new double[size];
    System.arraycopy(d, 0, re, 0, n);
    double[][] data = {re, im};
    FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
    for (int i = 0; i < size; i++) {
      double a = re[i];
      double b = im[i];
      re[i] = a * a + b * b;
      im[i] = 0;
    }
    FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.INVERSE);
    double[] s = new double[last + 1];
    System.arraycopy(re, 0, s, 0, last + 1);
    return s;
  }
}
