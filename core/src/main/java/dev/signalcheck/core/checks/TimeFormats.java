package dev.signalcheck.core.checks;

import dev.signalcheck.core.series.TimeParser;
import java.util.List;

/** Which {@code --time-format} would read time stamps that did not parse. */
final class TimeFormats {

  /** The formats tried, in this order: day-first dates are the most common misreading. */
  static final List<String> TRIED = List.of("dmy", "mdy", "ymd", "epoch-s", "epoch-ms");

  private TimeFormats() {}

  /**
   * The first format that reads every one of {@code examples}, or null when none does (or there are
   * no examples).
   */
  static String reading(List<String> examples) {
    List<String> present = examples.stream().filter(s -> s != null && !s.isBlank()).toList();
    if (present.isEmpty()) {
      return null;
    }
    for (String f : TRIED) {
      TimeParser p;
      try {
        p = TimeParser.sniff(present, f, null);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (p != null && present.stream().allMatch(s -> p.parse(s) != TimeParser.UNPARSEABLE)) {
        return f;
      }
    }
    return null;
  }
}
