package dev.signalcheck.server;

import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerDialect;
import dev.signalcheck.ledger.LedgerLocation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongSupplier;

/**
 * A number that changes whenever the ledger may have changed, so that what was read from it can be
 * kept until then ({@link ReadCache}). On SQLite it is the database's own change counter as seen by
 * a connection of its own that never writes ({@code PRAGMA data_version}: it changes on every
 * commit by any other connection, of this server or of another process such as {@code signalcheck
 * token revoke}), together with a count of changes this server made outside the database (a run's
 * report files, stored after its commit: {@link RunStore#changes()}). On PostgreSQL there is no
 * such counter: {@link #current()} is {@link #UNTRACKED} and nothing is cached.
 */
final class LedgerVersion implements AutoCloseable {
  /** The version when changes cannot be seen: nothing read may be kept. */
  static final long UNTRACKED = Long.MIN_VALUE;

  private final Ledger watcher;
  private final LongSupplier local;
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
   * The version now: equal values mean no commit and no local change in between. Never equal to
   * {@link #UNTRACKED} when tracked.
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

  private synchronized long dataVersion() {
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
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (watcher != null) {
      watcher.close();
    }
  }
}
