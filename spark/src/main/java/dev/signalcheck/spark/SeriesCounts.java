package dev.signalcheck.spark;

import java.io.Serializable;

/**
 * Counts over every row of one series, as a mergeable state (the pattern of deequ's analyzers):
 * each partition adds the rows it holds, states merge in any order, and the merged state equals the
 * state of all rows at once. Fed with one cell per distinct time stamp of the series ({@link
 * #addCell}: how many rows share that time, how many of them have a missing or non-numeric value),
 * so that duplicates are exact; rows whose time did not parse come as one cell with {@code
 * parsed=false}.
 */
public final class SeriesCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  private long rows;
  private long distinctTimes;
  private long duplicateRows;
  private long unparseableTimes;
  private long missingValues;
  private long nonNumericValues;
  private long firstTime = Long.MAX_VALUE;
  private long lastTime = Long.MIN_VALUE;

  /**
   * Adds the rows of one time stamp.
   *
   * @param parsed whether {@code time} is a time (false: the rows' time did not parse)
   * @param count rows with this time
   * @param missing of them, rows whose value is missing
   * @param nonNumeric of them, rows whose value is not a number
   */
  public SeriesCounts addCell(
      boolean parsed, long time, long count, long missing, long nonNumeric) {
    rows += count;
    missingValues += missing;
    nonNumericValues += nonNumeric;
    if (parsed) {
      distinctTimes++;
      duplicateRows += count - 1;
      firstTime = Math.min(firstTime, time);
      lastTime = Math.max(lastTime, time);
    } else {
      unparseableTimes += count;
    }
    return this;
  }

  /** Adds another part's counts (cells of distinct time stamps: no time in both parts). */
  public SeriesCounts merge(SeriesCounts o) {
    rows += o.rows;
    distinctTimes += o.distinctTimes;
    duplicateRows += o.duplicateRows;
    unparseableTimes += o.unparseableTimes;
    missingValues += o.missingValues;
    nonNumericValues += o.nonNumericValues;
    firstTime = Math.min(firstTime, o.firstTime);
    lastTime = Math.max(lastTime, o.lastTime);
    return this;
  }

  /** Rows of the series. */
  public long rows() {
    return rows;
  }

  /** Distinct parsed time stamps. */
  public long distinctTimes() {
    return distinctTimes;
  }

  /** Rows whose time stamp an earlier row of the series already has. */
  public long duplicateRows() {
    return duplicateRows;
  }

  public long unparseableTimes() {
    return unparseableTimes;
  }

  public long missingValues() {
    return missingValues;
  }

  public long nonNumericValues() {
    return nonNumericValues;
  }

  /** The earliest parsed time, or null when no time parsed. */
  public Long firstTime() {
    return distinctTimes == 0 ? null : firstTime;
  }

  /** The latest parsed time, or null when no time parsed. */
  public Long lastTime() {
    return distinctTimes == 0 ? null : lastTime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeriesCounts c
        && rows == c.rows
        && distinctTimes == c.distinctTimes
        && duplicateRows == c.duplicateRows
        && unparseableTimes == c.unparseableTimes
        && missingValues == c.missingValues
        && nonNumericValues == c.nonNumericValues
        && java.util.Objects.equals(firstTime(), c.firstTime())
        && java.util.Objects.equals(lastTime(), c.lastTime());
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(rows, distinctTimes, duplicateRows, firstTime(), lastTime());
  }

  @Override
  public String toString() {
    return "SeriesCounts[rows="
        + rows
        + ", distinct="
        + distinctTimes
        + ", duplicates="
        + duplicateRows
        + ", unparseable="
        + unparseableTimes
        + ", missing="
        + missingValues
        + ", nonNumeric="
        + nonNumericValues
        + "]";
  }
}
