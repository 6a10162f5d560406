package dev.signalcheck.core.forecast;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The answers of {@link M4SeasonalAdjustment#isSeasonal} for the training windows of one series,
 * per thread. A backtest fits every seasonally adjusted model (naive2, ses, theta, holt, damped) on
 * the same growing prefixes of one series, and each asks the same question of the same window: an
 * autocorrelation to lag m, which for a long window with a long season (an FFT over tens of
 * thousands of points) cost a quarter of a whole audit. The memo keeps one copy of the longest
 * window seen and the answer per (prefix length, m); a window that is not a prefix of it starts
 * afresh. A hit needs the window equal to the kept prefix value for value, so the answer is always
 * the one the test would give.
 */
final class SeasonalityMemo {

  /** Windows longer than this are not kept (their copy would cost more memory than it saves). */
  static final int MAX_KEPT = 4_000_000;

  private static final ThreadLocal<SeasonalityMemo> PER_THREAD =
      ThreadLocal.withInitial(SeasonalityMemo::new);

  private double[] kept = new double[0];
  private int keptLength;
  private final Map<Long, Boolean> answers = new HashMap<>();
  private final Map<Long, ClassicalDecomposition> decompositions = new HashMap<>();

  private SeasonalityMemo() {}

  /** {@link M4SeasonalAdjustment#isSeasonal}{@code (x, m)}, remembered for this thread. */
  static boolean isSeasonal(double[] x, int m) {
    int n = x.length;
    if (m <= 1 || n < 3 * m || n > MAX_KEPT) {
      return M4SeasonalAdjustment.isSeasonal(x, m);
    }
    return PER_THREAD.get().answer(x, m);
  }

  /**
   * The classical decomposition of {@code x} with period m ({@link ClassicalDecomposition#of}),
   * remembered for this thread like the answers: the seasonally adjusted models of a backtest
   * (naive2, ses, theta, holt, damped) adjust the same training windows with the same indices.
   */
  static ClassicalDecomposition decomposition(double[] x, int m, boolean multiplicative) {
    int n = x.length;
    if (m < 2 || n < 2 * m || n > MAX_KEPT) {
      return ClassicalDecomposition.of(x, m, multiplicative);
    }
    SeasonalityMemo memo = PER_THREAD.get();
    memo.keep(x);
    long key = ((long) n << 32) | ((long) m << 1) | (multiplicative ? 1 : 0);
    return memo.decompositions.computeIfAbsent(
        key, k -> ClassicalDecomposition.of(x, m, multiplicative));
  }

  /** Makes {@code x} a prefix of the kept window, forgetting everything when it is not one. */
  private void keep(double[] x) {
    int n = x.length;
    int common = Math.min(n, keptLength);
    if (!Arrays.equals(x, 0, common, kept, 0, common)) {
      answers.clear();
      decompositions.clear();
      keptLength = 0;
    }
    if (n > keptLength) {
      if (kept.length < n) {
        kept = Arrays.copyOf(kept, Math.max(n, Math.min(MAX_KEPT, 2 * kept.length)));
      }
      System.arraycopy(x, keptLength, kept, keptLength, n - keptLength);
      keptLength = n;
    }
  }

  private boolean answer(double[] x, int m) {
    keep(x);
    long key = ((long) x.length << 32) | (m & 0xffffffffL);
    Boolean known = answers.get(key);
    if (known == null) {
      known = M4SeasonalAdjustment.isSeasonal(x, m);
      answers.put(key, known);
    }
    return known;
  }
}
