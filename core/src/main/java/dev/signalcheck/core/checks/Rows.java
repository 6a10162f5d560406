package dev.signalcheck.core.checks;

import java.util.ArrayList;
import java.util.List;

/** Collects the first few row numbers of a finding, and its count. */
final class Rows {
  static final int EXAMPLES = 5;
  private final List<Long> first = new ArrayList<>(EXAMPLES);
  private long count;

  void add(long row) {
    if (first.size() < EXAMPLES) {
      first.add(row);
    }
    count++;
  }

  long count() {
    return count;
  }

  List<Long> first() {
    return first;
  }
}
