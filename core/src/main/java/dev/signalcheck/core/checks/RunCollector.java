package dev.signalcheck.core.checks;

import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.List;

/** Collects the runs of grid positions a value check flags: intervals (capped), rows, counts. */
final class RunCollector {
  private final RegularSeries s;
  final List<Interval> intervals = new ArrayList<>();
  final Rows rows = new Rows();
  long runs;
  long points;
  int longestFrom = -1;
  int longestTo = -1;

  RunCollector(RegularSeries s) {
    this.s = s;
  }

  /**
   * Adds the run of positions {@code from..to} (inclusive); {@code count} flagged readings in it.
   */
  void add(int from, int to, long count) {
    runs++;
    points += count;
    if (intervals.size() < Alignment.MAX_INTERVALS) {
      intervals.add(new Interval(s.formattedTime(from), s.formattedTime(to), count));
    }
    for (int k = from; k <= to && rows.first().size() < Rows.EXAMPLES; k++) {
      if (s.rows()[k] > 0) {
        rows.add(s.rows()[k]);
      }
    }
    if (longestFrom < 0 || to - from > longestTo - longestFrom) {
      longestFrom = from;
      longestTo = to;
    }
  }

  /** "the longest, N readings from A to B" for messages. */
  String longest() {
    if (longestFrom < 0) {
      return "";
    }
    return "the longest, "
        + Prose.count(longestTo - longestFrom + 1, "reading")
        + ", from "
        + s.formattedTime(longestFrom)
        + " to "
        + s.formattedTime(longestTo);
  }
}
