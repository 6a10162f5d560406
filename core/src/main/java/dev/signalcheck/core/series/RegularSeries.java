package dev.signalcheck.core.series;

/**
 * A series on its regular time grid: position {@code k} is the time {@code step.advance(start, k)}.
 * Missing positions (gaps, missing values) hold NaN and row 0.
 *
 * @param values one value per grid position, NaN where missing
 * @param rows the 1-based input row number behind each position, 0 where none
 */
public record RegularSeries(
    long start, Step step, double[] values, long[] rows, TimeFormat format) {

  public int length() {
    return values.length;
  }

  public long timeAt(int k) {
    return step.advance(start, k);
  }

  public Object formattedTime(int k) {
    return format.format(timeAt(k));
  }
}
