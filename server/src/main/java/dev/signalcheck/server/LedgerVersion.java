package dev.signalcheck.server;

import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.LedgerLocation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A number that changes whenever the ledger may have changed, so that what was read from it can be
 * kept until then ({@link ReadCache}). On SQLite it is the database's own change counter as seen by
 * a connection of its own ({@code PRAGMA data_version}: it changes on every commit by any other
 * connection, of this server or of another process such as {@code signalcheck token revoke}),
 * together with a count of changes this server made outside the database (a run's report files,
 * stored after its commit: {@link RunStore#changes()}). On PostgreSQL there is no such counter:
 * {@link #current()} is {@link #UNTRACKED} and nothing is cached.
 *
 * <p>The usage events change nothing that is kept, yet they are written every few hundred ms: they
 * are written on the watching connection itself ({@link #writeUnseen}), whose own commits SQLite
 * does not count as changes. While such a write is under way the version is {@link #UNTRACKED}
 * (everything is read afresh), never a value from before it that could hide another commit.
 */
final class LedgerVersion implements AutoCloseable {
  /** The version when changes cannot be seen: nothing read may be kept. */
  static final long UNTRACKED = Long.MIN_VALUE;

  private final Ledger watcher;
  private final LongSupplier local;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean writing;
  private boolean closed;

  LedgerVersion(LedgerLocation location, LongSupplier localChanges) {
    this.local = localChanges;
    this.watcher = location.dialect() == LedgerDialect.SQLITE ? Ledger.open(location) : null;
  }

  /** Whether changes are seen (SQLite). */
  boolean tracked() {
    return watcher != null;
  }

  /**
   * The version now: equal values mean no commit (but the {@link #writeUnseen} ones) and no local
   * change in between. Never equal to {@link #UNTRACKED} when tracked.
   */
  long current() {
    if (watcher == null) {
      return UNTRACKED;
    }
    long d = dataVersion();
    if (d == UNTRACKED) {
      return UNTRACKED;
    }
    // the database's counter in the high bits, this server's in the low ones
    return (d << 24) ^ (local.getAsLong() & 0xFFFFFF);
  }

  private long dataVersion() {
    // other readers hold the lock for microseconds, a write for longer: then nothing is kept
    while (true) {
      if (writing) {
        return UNTRACKED;
      }
      try {
        if (lock.tryLock(100, TimeUnit.MICROSECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return UNTRACKED;
      }
    }
    try {
      if (closed) {
        return UNTRACKED;
      }
      try (Statement s = watcher.connection().createStatement();
          ResultSet rs = s.executeQuery("PRAGMA data_version")) {
        return rs.next() ? rs.getLong(1) : UNTRACKED;
      } catch (SQLException e) {
        // changes can no longer be seen: read everything afresh
        return UNTRACKED;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes on the watching connection, so that the write does not change the version: only for what
   * nothing kept depends on (usage events).
   *
   * @return false when not tracked or closed (nothing was done: write elsewhere)
   */
  boolean writeUnseen(Consumer<Ledger> work) {
    if (watcher == null) {
      return false;
    }
    lock.lock();
    writing = true;
    try {
      if (closed) {
        return false;
      }
      work.accept(watcher);
      return true;
    } finally {
      writing = false;
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (watcher != null) {
        watcher.close();
      }
    } finally {
      lock.unlock();
    }
  }
}
