package dev.signalcheck.core.sources;

import static dev.signalcheck.core.sources.SourceChecks.cadence;
import static dev.signalcheck.core.sources.SourceChecks.instant;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.text.Prose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code source.stale}: series whose newest reading is late for their own step. */
final class SourceStale {
  private SourceStale() {}

  /**
   * {@code source.stale}: series whose newest reading is older than their own step allows: at least
   * {@link SourceChecks#STALE_STEPS} whole steps before the pull, or older than {@code maxDelay}
   * when it is given. Series on an integer index have no calendar and are skipped.
   *
   * @return the finding, or null when no series is late
   */
  static Finding check(List<SeriesEnd> ends, Instant fetchedAt, Duration maxDelay) {
    long now = fetchedAt.toEpochMilli();
    List<Map<String, Object>> late = new ArrayList<>();
    List<Interval> intervals = new ArrayList<>();
    SeriesEnd worst = null;
    long worstSteps = -1;
    boolean critical = false;
    for (SeriesEnd e : ends) {
      if (e.step() == null || e.step().kind() == Step.Kind.INDEX || e.lastMillis() > now) {
        continue;
      }
      long steps = (long) Math.floor(e.step().position(e.lastMillis(), now) + 1e-9);
      long delay = now - e.lastMillis();
      boolean isLate =
          maxDelay != null ? delay > maxDelay.toMillis() : steps >= SourceChecks.STALE_STEPS;
      if (!isLate) {
        continue;
      }
      if (steps > Math.max(SourceChecks.STALE_STEPS, e.step().defaultSeason())) {
        critical = true;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("series", e.id());
      m.put("newest", e.lastText());
      m.put("stepsLate", steps);
      m.put("delaySeconds", delay / 1000);
      late.add(m);
      if (intervals.size() < 200) {
        intervals.add(new Interval(e.lastText(), instant(fetchedAt), steps));
      }
      if (steps > worstSteps) {
        worstSteps = steps;
        worst = e;
      }
    }
    if (worst == null) {
      return null;
    }
    String what =
        String.format(
            Locale.ROOT,
            "%s late: %s data, newest %s, fetched %s",
            Prose.count(worstSteps, "step"),
            cadence(worst.step()),
            worst.lastText(),
            instant(fetchedAt));
    String limit =
        maxDelay == null
            ? String.format(Locale.ROOT, "%d steps or more is stale", SourceChecks.STALE_STEPS)
            : "allowed delay " + duration(maxDelay) + " (--max-delay)";
    String msg =
        late.size() == 1 && ends.size() == 1
            ? "the last reading is " + what + " (" + limit + ")"
            : String.format(
                Locale.ROOT,
                "%d of %d series are late; the worst, '%s', is %s (%s)",
                late.size(),
                ends.size(),
                worst.id(),
                what,
                limit);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("stepsLate", worstSteps);
    d.put("step", worst.step().iso());
    d.put("fetchedAt", instant(fetchedAt));
    if (maxDelay != null) {
      d.put("maxDelaySeconds", maxDelay.toSeconds());
    }
    d.put("series", late.size() > 20 ? late.subList(0, 20) : late);
    return new Finding(
        CheckType.SOURCE_STALE.id(),
        critical ? Severity.CRITICAL : Severity.WARNING,
        Category.EXTERNAL_DEPENDENCY,
        msg,
        late.size(),
        intervals,
        List.of(),
        d);
  }

  private static String duration(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
