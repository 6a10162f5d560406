package dev.signalcheck.core.backtest;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
