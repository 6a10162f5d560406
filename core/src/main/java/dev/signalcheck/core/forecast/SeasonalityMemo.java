package dev.signalcheck.core.forecast;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The answers of {@link M4SeasonalAdjustment#isSeasonal} and the classical decompositions for the
 * training windows of one series. A backtest fits every seasonally adjusted model (naive2, ses,
 * theta, holt, damped) on the same growing prefixes of one series, and each asks the same question
 * of the same window: an autocorrelation to lag m, which for a long window with a long season (an
 * FFT over tens of thousands of points) cost a quarter of a whole audit. The memo keeps one copy of
 * the longest window seen and the answer per (prefix length, m); a window that is not a prefix of
 * it starts afresh. A hit needs the window equal to the kept prefix value for value, so the answer
 * is always the one the test would give.
 *
 * <p>A backtest shares one memo among the threads that run its models side by side ({@link #use}):
 * each answer is then computed once, by the first thread to ask, and the others wait for it.
 * Outside a backtest every thread has a memo of its own.
 */
public final class SeasonalityMemo {

  /** Windows longer than this are not kept (their copy would cost more memory than it saves). */
  static final int MAX_KEPT = 4_000_000;

  private static final ThreadLocal<SeasonalityMemo> PER_THREAD =
      ThreadLocal.withInitial(SeasonalityMemo::new);

  /** The memo {@link #use} installed on this thread, or null. */
  private static final ThreadLocal<SeasonalityMemo> IN_USE = new ThreadLocal<>();

  // guarded by this
  private double[] kept = new double[0];
  private int keptLength;
  private final Map<Long, CompletableFuture<Boolean>> answers = new HashMap<>();
  private final Map<Long, CompletableFuture<ClassicalDecomposition>> decompositions =
      new HashMap<>();

  private SeasonalityMemo() {}

  /** A memo for the backtest of one series, to be shared by its threads ({@link #use}). */
  public static SeasonalityMemo forOneSeries() {
    return new SeasonalityMemo();
  }

  /** Runs {@code task} on this thread with this memo answering its questions. */
  public <T> T use(Supplier<T> task) {
    SeasonalityMemo before = IN_USE.get();
    IN_USE.set(this);
    try {
      return task.get();
    } finally {
      if (before == null) {
        IN_USE.remove();
      } else {
        IN_USE.set(before);
      }
    }
  }

  private static SeasonalityMemo current() {
    SeasonalityMemo m = IN_USE.get();
    return m != null ? m : PER_THREAD.get();
  }

  /** {@link M4SeasonalAdjustment#isSeasonal}{@code (x, m)}, remembered. */
  static boolean isSeasonal(double[] x, int m) {
    int n = x.length;
    if (m <= 1 || n < 3 * m || n > MAX_KEPT) {
      return M4SeasonalAdjustment.isSeasonal(x, m);
    }
    long key = ((long) n << 32) | (m & 0xffffffffL);
    SeasonalityMemo memo = current();
    return memo.remembered(
        x,
        memo.answers,
        key,
        () -> {
          TESTED.incrementAndGet();
          return M4SeasonalAdjustment.isSeasonal(x, m);
        });
  }

  private static final java.util.concurrent.atomic.AtomicLong TESTED =
      new java.util.concurrent.atomic.AtomicLong();

  /** Seasonality tests the memos ran so far in this process, hits not counted (for tests). */
  static long tested() {
    return TESTED.get();
  }

  /**
   * The classical decomposition of {@code x} with period m ({@link ClassicalDecomposition#of}),
   * remembered like the answers: the seasonally adjusted models of a backtest (naive2, ses, theta,
   * holt, damped) adjust the same training windows with the same indices.
   */
  static ClassicalDecomposition decomposition(double[] x, int m, boolean multiplicative) {
    int n = x.length;
    if (m < 2 || n < 2 * m || n > MAX_KEPT) {
      return ClassicalDecomposition.of(x, m, multiplicative);
    }
    long key = ((long) n << 32) | ((long) m << 1) | (multiplicative ? 1 : 0);
    SeasonalityMemo memo = current();
    return memo.remembered(
        x, memo.decompositions, key, () -> ClassicalDecomposition.of(x, m, multiplicative));
  }

  /**
   * The value for {@code key} of window {@code x}: the one known, the one another thread is
   * computing (waited for), or computed here, outside the lock.
   */
  private <T> T remembered(
      double[] x, Map<Long, CompletableFuture<T>> known, long key, Supplier<T> compute) {
    CompletableFuture<T> mine;
    CompletableFuture<T> theirs;
    synchronized (this) {
      keep(x);
      theirs = known.get(key);
      mine = theirs == null ? new CompletableFuture<>() : null;
      if (mine != null) {
        known.put(key, mine);
      }
    }
    if (theirs != null) {
      try {
        return theirs.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
    try {
      T value = compute.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
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
}
