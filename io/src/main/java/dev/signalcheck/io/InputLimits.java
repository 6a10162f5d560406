package dev.signalcheck.io;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import java.util.Locale;

/**
 * The two input limits decided before any series is read: how many value columns an audit reads
 * without {@code --target}, and whether the largest series fits in the Java heap.
 */
final class InputLimits {
  private InputLimits() {}

  /**
   * The most value columns audited without {@code --target}: each is a series with its own
   * backtests, so a file of thousands of sensors would run for hours (docs/benchmarks.md).
   */
  static final int MAX_COLUMNS = 500;

  /**
   * Java heap an audit needs per time step of the series it holds, measured: one series of
   * 2,000,000 rows is audited within -Xmx512m, one of 3,000,000 is not (docs/benchmarks.md, "Huge
   * inputs").
   */
  static final long HEAP_BYTES_PER_ROW = 200;

  /**
   * Refuses a file wider than {@link #MAX_COLUMNS} value columns when no targets were chosen.
   *
   * @param displayName the input's name in the message
   * @param columnCount the columns of the file (the columns the options name included)
   */
  static void checkWidth(InputSpec spec, String displayName, long columnCount) {
    long candidates =
        columnCount - 1L - spec.ids().size() - spec.covariates().size() - spec.time().size();
    if (spec.targets().isEmpty() && candidates > MAX_COLUMNS) {
      throw new UsageException(
          String.format(
              Locale.ROOT,
              "%s has %,d columns, more than the %,d value columns an audit reads without"
                  + " --target; choose the series with --target COL[,COL...] (and the explanatory"
                  + " columns with --covariates COL[,COL...])",
              displayName,
              columnCount,
              MAX_COLUMNS));
    }
  }

  /**
   * Refuses, before any series is read, an input whose largest series alone cannot fit in the heap
   * (the answer would otherwise be an out-of-memory error after minutes of reading).
   */
  static void checkMemory(String displayName, long largestRows) {
    String message = memoryRefusal(displayName, largestRows, Runtime.getRuntime().maxMemory());
    if (message != null) {
      throw new InputException(message);
    }
  }

  /**
   * The refusal for a largest series of this many rows under this heap limit; null when it fits.
   */
  static String memoryRefusal(String name, long largestRows, long maxHeapBytes) {
    long need = largestRows * HEAP_BYTES_PER_ROW;
    if (need <= maxHeapBytes) {
      return null;
    }
    long mb = 1024L * 1024;
    long gb = 1024 * mb;
    long suggest = Math.max(1, (need + need / 2 + gb - 1) / gb);
    return String.format(
        Locale.ROOT,
        "%s: its largest series has %,d rows, which needs about %,d MB of memory to audit, more"
            + " than the %,d MB Java may use here (its -Xmx limit); raise it, e.g."
            + " SIGNALCHECK_JAVA_OPTS=-Xmx%dg, or audit a shorter extract (fewer rows or a coarser"
            + " step)",
        name,
        largestRows,
        need / mb,
        maxHeapBytes / mb,
        suggest);
  }
}
