package dev.signalcheck.core.series;

/**
 * What a series' time stamps are. All kinds are held as a {@code long}: epoch milliseconds for
 * calendar kinds (local date-times as if they were UTC, dates at midnight, years on 1 January,
 * quarters and months on their first day) and the plain integer for {@link #INDEX}.
 */
public enum TimeKind {
  /**
   * Date-time with a UTC offset (or converted with {@code --timezone}); value = epoch ms of the
   * instant.
   */
  OFFSET_DATETIME,
  /** Date-time without offset, local time as written. */
  LOCAL_DATETIME,
  DATE,
  /** Year-month, e.g. {@code 2004-03}. */
  MONTH,
  /** Year-quarter, e.g. {@code 1984-Q1}. */
  QUARTER,
  YEAR,
  /** Integer period index 1, 2, 3 … */
  INDEX;

  public boolean isCalendar() {
    return this != INDEX;
  }
}
