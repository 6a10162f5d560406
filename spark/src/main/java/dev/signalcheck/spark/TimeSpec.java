package dev.signalcheck.spark;

import dev.signalcheck.core.series.TimeParser;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;

/**
 * How to read a time column, in a form that travels to executors: the sample the reader chose its
 * parser from, the forced format and the zone. Every executor sniffs the same parser from it.
 *
 * @param sample the first non-empty time texts of the input, in row order (at most 2,000)
 * @param format null, or a {@code --time-format} value
 * @param zone a {@code --timezone} zone id, or null
 */
record TimeSpec(List<String> sample, String format, String zone) implements Serializable {
  private static final long serialVersionUID = 1L;

  TimeSpec {
    sample = List.copyOf(sample);
  }

  /** The parser, or null when no value of the sample reads as a time. */
  TimeParser parser() {
    return TimeParser.sniff(sample, format, zone == null ? null : ZoneId.of(zone));
  }
}
