package dev.signalcheck.server;

import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.Usage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API calls' usage events, written in batches: one ledger transaction every {@link
 * #FLUSH_MILLIS} ms for all calls since the last, instead of one write per call (on SQLite every
 * write takes the database's single write lock, so a write per read request made reads queue behind
 * each other under load). Each event keeps the time of its call. Whoever reads usage flushes first,
 * and a stop flushes what is left, so no event is lost on a clean stop; a crash loses at most the
 * last {@link #FLUSH_MILLIS} ms of events.
 */
final class UsageBuffer implements AutoCloseable {
  static final long FLUSH_MILLIS = 200;
  private static final Logger LOG = Logger.getLogger(UsageBuffer.class.getName());

  private record Stamped(Usage.Event event, Instant at) {}

  private final LedgerPool pool;
  private final LedgerVersion version;
  private final ConcurrentLinkedQueue<Stamped> pending = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService flusher;

  /**
   * @param version where the events are written when it is tracked, so that they do not make the
   *     kept answers stale (none depends on them); else they go to a ledger of the pool
   */
  UsageBuffer(LedgerPool pool, LedgerVersion version) {
    this.pool = pool;
    this.version = version;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "signalcheck-usage");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(
        this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  void add(Usage.Event e) {
    pending.add(new Stamped(e, Instant.now()));
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException ex) {
      LOG.log(Level.WARNING, "usage events not recorded: " + ex.getMessage());
    }
  }

  /** Writes every pending event in one transaction. */
  synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Stamped> batch = new ArrayList<>();
    for (Stamped s; (s = pending.poll()) != null; ) {
      batch.add(s);
    }
    if (!version.writeUnseen(l -> write(l, batch))) {
      pool.with(
          l -> {
            write(l, batch);
            return null;
          });
    }
  }

  private static void write(Ledger l, List<Stamped> batch) {
    Connection c = l.connection();
    try {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        for (Stamped s : batch) {
          Usage.record(l, s.event(), s.at());
        }
        c.commit();
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write usage events: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly();
  }
}
