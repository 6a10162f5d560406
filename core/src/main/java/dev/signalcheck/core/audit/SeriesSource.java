package dev.signalcheck.core.audit;

import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.SeriesData;
import java.util.LinkedHashMap;
import java.util.function.Consumer;

/**
 * Where series come from: a file, a database table, a data frame, a Spark group. It says what it
 * reads ({@link #info}), hands over the series one by one in input order ({@link #forEachSeries}),
 * and accounts for every row ({@link #statistics}). Implementations live outside core (readers do
 * I/O); core only consumes them.
 */
public interface SeriesSource extends AutoCloseable {

  /** The input's name and column roles, known before reading. */
  SourceInfo info();

  /** Data rows in the input, or -1 when unknown before reading. */
  default long rowCount() {
    return -1;
  }

  /** Series {@link #forEachSeries} will hand over, or -1 when unknown (for progress). */
  default long seriesCount() {
    return -1;
  }

  /**
   * Hints for messages about input mistakes (a forgotten {@code --id}, a forgotten time-of-day
   * column). Asked at most once, and only when a series needs them (most of its rows repeat a time
   * stamp): from a worker thread, while {@link #forEachSeries} may be handing over series.
   */
  default InputHints inputHints() {
    return InputHints.NONE;
  }

  /** Hands every series to {@code consumer}, in input order, each once. */
  void forEachSeries(Consumer<SeriesData> consumer);

  /** Row accounting; complete once {@link #forEachSeries} has returned. */
  ReadStatistics statistics();

  /**
   * The distinct values of a column with their row counts, most frequent first: for label checks.
   *
   * @param option the option that named the column, for an error message when it does not exist
   * @throws UnsupportedOperationException when this source cannot read single columns
   */
  default LinkedHashMap<String, Long> distinctCounts(String column, String option) {
    throw new UnsupportedOperationException(
        "this input cannot read single columns (" + option + ")");
  }

  @Override
  default void close() {}
}
