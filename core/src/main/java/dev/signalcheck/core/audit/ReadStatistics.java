package dev.signalcheck.core.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link SeriesSource} accounted for the input's rows: every row is used or rejected with a
 * reason, never dropped silently.
 *
 * @param rows data rows in the input
 * @param rejected rows that could not be used at all
 * @param reasons rejected rows per reason, e.g. {@code no time and no value}
 * @param examples 1-based data row numbers of the first rejected rows (at most 5)
 */
public record ReadStatistics(
    long rows, long rejected, Map<String, Long> reasons, List<Long> examples) {

  public ReadStatistics {
    reasons =
        reasons == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    examples = examples == null ? List.of() : List.copyOf(examples);
  }

  /** Nothing rejected. */
  public static ReadStatistics clean(long rows) {
    return new ReadStatistics(rows, 0, Map.of(), List.of());
  }
}
