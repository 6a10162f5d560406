package dev.signalcheck.spark;

import dev.signalcheck.core.audit.ReadStatistics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rejected rows of an input as a mergeable state: how many per reason and the first five
 * examples, in the order the file reader meets them (by series id, rows without an id last, then by
 * row number), so that the report names the same rows as the command line does. Partitions add
 * their rejected rows; states merge in any order to the state of the whole input.
 */
public final class RowAccounting implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int EXAMPLES = 5;

  private long noTimeNoValue;
  private long noId;
  private final ArrayList<Example> examples = new ArrayList<>();

  /** A rejected row with the texts of its id columns (null where the cell was null). */
  record Example(List<String> ids, long row) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The reader's order: id columns one by one (nulls last), then the row number. */
  static final Comparator<Example> ORDER =
      (a, b) -> {
        int n = Math.min(a.ids().size(), b.ids().size());
        for (int i = 0; i < n; i++) {
          String x = a.ids().get(i);
          String y = b.ids().get(i);
          if (x == null || y == null) {
            if (x != y) {
              return x == null ? 1 : -1;
            }
            continue;
          }
          int c = x.compareTo(y);
          if (c != 0) {
            return c;
          }
        }
        return Long.compare(a.row(), b.row());
      };

  /** Adds a rejected row. */
  public RowAccounting add(String reason, List<String> ids, long row) {
    if (RowRules.NO_ID.equals(reason)) {
      noId++;
    } else {
      noTimeNoValue++;
    }
    offer(new Example(ids == null ? List.of() : new ArrayList<>(ids), row));
    return this;
  }

  private void offer(Example e) {
    if (examples.size() < EXAMPLES) {
      examples.add(e);
      examples.sort(ORDER);
    } else if (ORDER.compare(e, examples.get(EXAMPLES - 1)) < 0) {
      examples.set(EXAMPLES - 1, e);
      examples.sort(ORDER);
    }
  }

  public RowAccounting merge(RowAccounting o) {
    noTimeNoValue += o.noTimeNoValue;
    noId += o.noId;
    for (Example e : o.examples) {
      offer(e);
    }
    return this;
  }

  public long rejected() {
    return noTimeNoValue + noId;
  }

  /** The read statistics of an input of {@code rows} data rows with these rows rejected. */
  public ReadStatistics statistics(long rows) {
    Map<String, Long> reasons = new LinkedHashMap<>();
    if (noTimeNoValue > 0) {
      reasons.put(RowRules.NO_TIME_NO_VALUE, noTimeNoValue);
    }
    if (noId > 0) {
      reasons.put(RowRules.NO_ID, noId);
    }
    List<Long> rowsOut = new ArrayList<>();
    for (Example e : examples) {
      rowsOut.add(e.row());
    }
    return new ReadStatistics(rows, rejected(), reasons, rowsOut);
  }
}
