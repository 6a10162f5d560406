package dev.signalcheck.core.backtest;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The work of one long series done side by side: its backtest's models, and its profile beside its
 * backtest. A series of at least {@link #FROM} observations is audited alone (its rows fill the
 * budget of series in flight), so without this one processor would do all of its work while the
 * others wait. Shorter series do their parts one after another; there the audit keeps every
 * processor busy with other series. Each part computes the same on any thread, so the results do
 * not change. Tasks here never wait for each other, only their callers wait.
 */
public final class SideBySide {
  private SideBySide() {}

  /** Observations from which a series' parts run side by side. */
  public static final int FROM = 100_000;

  /** Whether a series of {@code n} observations runs its parts side by side. */
  public static boolean applies(int n) {
    return n >= FROM && Runtime.getRuntime().availableProcessors() > 1;
  }

  /**
   * {@link #applies(int)}, for an audit allowed {@code threads} threads: with one, a series' parts
   * run in turn on it.
   */
  public static boolean applies(int n, int threads) {
    return threads > 1 && applies(n);
  }

  /** Daemon threads, one per processor, created on first use. */
  private static final class Threads {
    static final ExecutorService POOL =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            r -> {
              Thread t = new Thread(r, "signalcheck-side-by-side");
              t.setDaemon(true);
              return t;
            });
  }

  /** Work over the positions {@code [from, to)} of a series. */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to);
  }

  /**
   * How work over the {@code n} positions of a series is divided among threads. Each position is
   * computed by the same code whichever way it is divided, so the results do not depend on it.
   */
  @FunctionalInterface
  public interface Split {
    void over(int n, Range body);
  }

  /** All positions in one piece, on the calling thread. */
  public static final Split IN_TURN = (n, body) -> body.run(0, n);

  /**
   * For an audit allowed {@code threads} threads: a series of at least {@link #FROM} positions in
   * two halves side by side ({@link #applies(int, int)}), shorter ones in turn.
   */
  public static Split split(int threads) {
    return threads > 1 && Runtime.getRuntime().availableProcessors() > 1
        ? SideBySide::halves
        : IN_TURN;
  }

  /** Whether {@code split} may use more than the calling thread for {@code n} positions. */
  public static boolean parallel(Split split, int n) {
    return split != IN_TURN && n >= FROM;
  }

  /**
   * The first half on a side-by-side thread, the second on the caller; the caller runs the first
   * too if no thread has taken it by then, so this never waits on a busy pool.
   */
  private static void halves(int n, Range body) {
    if (n < FROM) {
      body.run(0, n);
      return;
    }
    int mid = n >>> 1;
    FutureTask<Void> first =
        new FutureTask<>(
            () -> {
              body.run(0, mid);
              return null;
            });
    STARTED.incrementAndGet();
    Threads.POOL.execute(first);
    try {
      body.run(mid, n);
    } catch (RuntimeException | Error e) {
      first.cancel(false);
      throw e;
    }
    first.run(); // a no-op once a pool thread has started it
    await(first, List.of(first));
  }

  private static final java.util.concurrent.atomic.AtomicLong STARTED =
      new java.util.concurrent.atomic.AtomicLong();

  /** Starts {@code task} on the side-by-side threads. */
  public static <T> Future<T> submit(Callable<T> task) {
    STARTED.incrementAndGet();
    return Threads.POOL.submit(task);
  }

  /** Tasks started so far in this process (for tests and diagnostics). */
  public static long started() {
    return STARTED.get();
  }

  /**
   * The result of {@code run}; what the task threw is thrown here, and an interrupt (or a failure)
   * cancels {@code all} that are still running.
   */
  public static <T> T await(Future<T> run, List<? extends Future<?>> all) {
    try {
      return run.get();
    } catch (InterruptedException e) {
      all.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    } catch (ExecutionException e) {
      all.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
