package dev.signalcheck.server;

import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A few open ledgers shared by the request threads: a {@link Ledger} is one connection and not
 * thread-safe, so each request borrows one, uses it alone, and gives it back. The first is opened
 * (and the schema migrated) at start; the others when first needed.
 */
final class LedgerPool implements AutoCloseable {
  private final LedgerLocation location;
  private final BlockingQueue<Ledger> idle;
  private final List<Ledger> all = new ArrayList<>();
  private final int size;
  private boolean closed;

  LedgerPool(LedgerLocation location, int size) {
    this.location = location;
    this.size = size;
    this.idle = new ArrayBlockingQueue<>(size);
    Ledger first = Ledger.open(location);
    all.add(first);
    idle.add(first);
  }

  LedgerLocation location() {
    return location;
  }

  <T> T with(Function<Ledger, T> work) {
    Ledger l = borrow();
    boolean broken = false;
    try {
      return work.apply(l);
    } catch (RuntimeException e) {
      broken = isBroken(l);
      throw e;
    } finally {
      giveBack(l, broken);
    }
  }

  private Ledger borrow() {
    Ledger l = idle.poll();
    if (l != null) {
      return l;
    }
    synchronized (this) {
      if (closed) {
        throw new OutputException("the server is stopping");
      }
      if (all.size() < size) {
        Ledger n = Ledger.open(location);
        all.add(n);
        return n;
      }
    }
    try {
      l = idle.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutputException("interrupted while waiting for the ledger", e);
    }
    if (l == null) {
      throw new OutputException("the ledger is busy; try again");
    }
    return l;
  }

  private static boolean isBroken(Ledger l) {
    try {
      return l.connection().isClosed() || !l.connection().isValid(2);
    } catch (java.sql.SQLException e) {
      return true;
    }
  }

  private synchronized void giveBack(Ledger l, boolean broken) {
    if (broken || closed) {
      all.remove(l);
      l.close();
      return;
    }
    idle.offer(l);
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (Ledger l : all) {
      l.close();
    }
    all.clear();
    idle.clear();
  }
}
