package dev.signalcheck.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each source of a watch list is due: a source never pulled is due at once, else its last pull
 * plus its interval. Pure bookkeeping (the caller brings the clock and does the waiting), so a
 * bounded run can be tested without sleeping.
 */
public final class WatchSchedule {

  private final Map<String, Duration> every = new LinkedHashMap<>();
  private final Map<String, Instant> last = new LinkedHashMap<>();

  /**
   * @param every each source's interval, in the list's order
   * @param lastPulls when each source was last pulled (from the ledger); absent: never
   */
  public WatchSchedule(Map<String, Duration> every, Map<String, Instant> lastPulls) {
    for (Map.Entry<String, Duration> e : every.entrySet()) {
      if (e.getValue().isNegative() || e.getValue().isZero()) {
        throw new IllegalArgumentException("the interval of " + e.getKey() + " must be positive");
      }
      this.every.put(e.getKey(), e.getValue());
    }
    this.last.putAll(lastPulls);
  }

  /** When a source is next due. */
  public Instant due(String name, Instant now) {
    Instant l = last.get(name);
    return l == null ? now : l.plus(every.get(name));
  }

  /** The sources due at {@code now}, in the list's order. */
  public List<String> dueAt(Instant now) {
    List<String> out = new ArrayList<>();
    for (String name : every.keySet()) {
      if (!due(name, now).isAfter(now)) {
        out.add(name);
      }
    }
    return out;
  }

  /** Notes a pull (whatever its outcome: a failing source waits its interval too). */
  public void pulled(String name, Instant at) {
    last.put(name, at);
  }

  /** The earliest moment a source is due. */
  public Instant next(Instant now) {
    Instant next = null;
    for (String name : every.keySet()) {
      Instant d = due(name, now);
      if (next == null || d.isBefore(next)) {
        next = d;
      }
    }
    return next == null ? now : next;
  }
}
