package dev.signalcheck.cli;

import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import java.io.PrintWriter;
import java.util.Locale;

/** A progress bar on standard error, drawn only when a terminal watches a run of several series. */
final class Progress implements ResultSink {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean on;
  private final long total;
  private long done;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private Progress(PrintWriter err, boolean on, long total) {
    this.err = err;
    this.on = on && total > 1;
    this.total = total;
  }

  /**
   * @param on whether a terminal watches
   * @param total series expected (no bar for one)
   */
  static Progress start(PrintWriter err, boolean on, long total) {
    return new Progress(err, on, total);
  }

  /** Counts a finished series and redraws at most five times a second. */
  @Override
  public void series(SeriesResult r) {
    tick(++done);
  }

  void tick(long done) {
    if (!on) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 200_000_000L && done < total) {
      return;
    }
    lastDraw = now;
    double secs = (now - start) / 1e9;
    double rate = done / Math.max(secs, 1e-9);
    int filled = (int) Math.min(WIDTH, WIDTH * done / Math.max(1, total));
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    long left = rate > 0 ? Math.round((total - done) / rate) : 0;
    err.printf(
        Locale.ROOT, "\r[%s] %,d/%,d series  %.0f/s  %d s left ", bar, done, total, rate, left);
    err.flush();
    drawn = true;
  }

  void done() {
    if (on && drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
