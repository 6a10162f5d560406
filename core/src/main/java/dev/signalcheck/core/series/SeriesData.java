package dev.signalcheck.core.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series as read from the input, in file order, before any cleaning: for every data row its row
 * number, parsed time ({@link TimeParser#UNPARSEABLE} when it did not parse), value (NaN when
 * missing or not a number) and the state of the value. Filled by a reader through {@link #add}; not
 * thread-safe while being filled, read-only afterwards.
 */
public final class SeriesData {

  /** State of a value cell. */
  public static final byte OK = 0;

  public static final byte MISSING = 1;
  public static final byte NON_NUMERIC = 2;

  private final String id;
  private final String target;
  private final TimeFormat timeFormat;
  private long[] rows = new long[64];
  private long[] times = new long[64];
  private double[] values = new double[64];
  private byte[] states = new byte[64];
  private long[] recordedAt;
  private int size;
  private final Map<String, Long> nonNumericTokens = new LinkedHashMap<>();
  private final List<String> unparseableExamples = new ArrayList<>();
  private final LinkedHashMap<String, double[]> covariates = new LinkedHashMap<>();

  public SeriesData(String id, String target, TimeFormat timeFormat) {
    this.id = id;
    this.target = target;
    this.timeFormat = timeFormat;
  }

  public String id() {
    return id;
  }

  public String target() {
    return target;
  }

  public TimeFormat timeFormat() {
    return timeFormat;
  }

  public int size() {
    return size;
  }

  /**
   * Appends a row.
   *
   * @param row 1-based data row number in the input
   * @param time parsed time or {@link TimeParser#UNPARSEABLE}
   * @param rawTime the time text as written (kept only for the first few unparseable ones)
   * @param value the value (NaN unless {@code state} is {@link #OK})
   * @param state {@link #OK}, {@link #MISSING} or {@link #NON_NUMERIC}
   * @param rawValue the value text (kept only when non-numeric)
   */
  public void add(long row, long time, String rawTime, double value, byte state, String rawValue) {
    if (size == rows.length) {
      int cap = size * 2;
      rows = Arrays.copyOf(rows, cap);
      times = Arrays.copyOf(times, cap);
      values = Arrays.copyOf(values, cap);
      states = Arrays.copyOf(states, cap);
      if (recordedAt != null) {
        recordedAt = Arrays.copyOf(recordedAt, cap);
      }
      for (Map.Entry<String, double[]> e : covariates.entrySet()) {
        e.setValue(Arrays.copyOf(e.getValue(), cap));
      }
    }
    rows[size] = row;
    times[size] = time;
    values[size] = state == OK ? value : Double.NaN;
    states[size] = state;
    if (time == TimeParser.UNPARSEABLE && unparseableExamples.size() < 5) {
      unparseableExamples.add(rawTime == null ? "" : rawTime);
    }
    if (state == NON_NUMERIC && rawValue != null) {
      String token = rawValue.length() > 40 ? rawValue.substring(0, 40) + "…" : rawValue;
      if (nonNumericTokens.size() < 1000 || nonNumericTokens.containsKey(token)) {
        nonNumericTokens.merge(token, 1L, Long::sum);
      }
    }
    size++;
  }

  /** Sets the recorded-at time of the last added row. */
  public void setRecordedAt(long t) {
    if (recordedAt == null) {
      recordedAt = new long[rows.length];
      Arrays.fill(recordedAt, TimeParser.UNPARSEABLE);
    }
    recordedAt[size - 1] = t;
  }

  /** Sets a covariate value of the last added row (NaN when missing). */
  public void setCovariate(String name, double v) {
    double[] a =
        covariates.computeIfAbsent(
            name,
            k -> {
              double[] arr = new double[rows.length];
              Arrays.fill(arr, Double.NaN);
              return arr;
            });
    a[size - 1] = v;
  }

  public long row(int i) {
    return rows[i];
  }

  public long time(int i) {
    return times[i];
  }

  public double value(int i) {
    return values[i];
  }

  public byte state(int i) {
    return states[i];
  }

  public boolean hasRecordedAt() {
    return recordedAt != null;
  }

  public long recordedAt(int i) {
    return recordedAt == null ? TimeParser.UNPARSEABLE : recordedAt[i];
  }

  public Map<String, Long> nonNumericTokens() {
    return nonNumericTokens;
  }

  public List<String> unparseableExamples() {
    return unparseableExamples;
  }

  /** Covariate columns, each aligned with the rows (trimmed to {@link #size()}). */
  public Map<String, double[]> covariates() {
    Map<String, double[]> out = new LinkedHashMap<>();
    covariates.forEach((k, v) -> out.put(k, Arrays.copyOf(v, size)));
    return out;
  }
}
