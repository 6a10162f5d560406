package dev.signalcheck.core.finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data-quality finding (analyses.md §1).
 *
 * @param check the check id, e.g. {@code time.gap}
 * @param rows 1-based data row numbers of the input (first 5 examples)
 * @param details extra check-specific fields written beside the standard ones (e.g. {@code value}
 *     for a sentinel, {@code covariate}); keys are camelCase
 */
public record Finding(
    String check,
    Severity severity,
    Category category,
    String message,
    long count,
    List<Interval> intervals,
    List<Long> rows,
    Map<String, Object> details) {

  public Finding {
    intervals = intervals == null ? List.of() : List.copyOf(intervals);
    rows = rows == null ? List.of() : List.copyOf(rows);
    // insertion order where the caller chose one; otherwise (Map.of has none) sorted, so reports
    // are stable
    details =
        details == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(
                details instanceof LinkedHashMap || details instanceof java.util.SortedMap
                    ? new LinkedHashMap<>(details)
                    : new LinkedHashMap<>(new java.util.TreeMap<>(details)));
  }

  public static Finding of(
      String check, Severity severity, Category category, String message, long count) {
    return new Finding(check, severity, category, message, count, List.of(), List.of(), Map.of());
  }

  public Finding withDetail(String key, Object value) {
    Map<String, Object> d = new LinkedHashMap<>(details);
    d.put(key, value);
    return new Finding(check, severity, category, message, count, intervals, rows, d);
  }
}
