package dev.signalcheck.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress indicator on standard error, drawn only when a terminal watches. */
final class Progress {
  private final PrintWriter err;
  private final boolean on;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private Progress(PrintWriter err, boolean on) {
    this.err = err;
    this.on = on;
  }

  static Progress start(PrintWriter err, boolean on) {
    return new Progress(err, on);
  }

  void tick(long done) {
    if (!on) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 200_000_000L) {
      return;
    }
    lastDraw = now;
    double secs = (now - start) / 1e9;
    String spinner = "|/-\\".substring((int) (done % 4), (int) (done % 4) + 1);
    err.printf(Locale.ROOT, "\r%s %,d series audited  %.0f series/s  %.1f s ", spinner, done, done / Math.max(secs, 1e-9), secs);
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
