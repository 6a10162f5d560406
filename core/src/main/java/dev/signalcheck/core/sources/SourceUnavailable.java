package dev.signalcheck.core.sources;

import static dev.signalcheck.core.sources.SourceChecks.instant;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.text.Prose;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code source.unavailable}: a pull whose every attempt failed. */
final class SourceUnavailable {
  private SourceUnavailable() {}

  /**
   * {@code source.unavailable}: every attempt of this pull failed.
   *
   * @param reason the last attempt's failure, one line, without secrets
   * @param attempts attempts made in this pull
   * @param failingSince the first failed pull since the last success (this pull when it is the
   *     first)
   * @param failedPulls failed pulls in a row, this one included
   * @param previous the last good snapshot, or null when there is none
   * @param now when this pull gave up
   */
  static Finding check(
      String source,
      String reason,
      int attempts,
      Instant failingSince,
      int failedPulls,
      Snapshot previous,
      Instant now) {
    String kept =
        previous == null
            ? "there is no earlier snapshot"
            : "the previous snapshot ("
                + instant(previous.fetchedAt())
                + ", "
                + Prose.count(previous.rows(), "row")
                + ") is kept";
    String since =
        failedPulls <= 1
            ? "failing since this pull"
            : "failing since "
                + instant(failingSince)
                + " ("
                + Prose.count(failedPulls, "pull")
                + " in a row)";
    String msg =
        String.format(
            Locale.ROOT,
            "source '%s' is unavailable: %s failed (last: %s); %s; not evaluated, %s",
            source,
            attempts == 1 ? "the only attempt" : "all " + attempts + " attempts",
            reason,
            since,
            kept);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", source);
    d.put("evaluated", false);
    d.put("reason", reason);
    d.put("attempts", attempts);
    d.put("failingSince", instant(failingSince));
    d.put("failedPulls", failedPulls);
    if (previous != null) {
      d.put("previousSnapshot", instant(previous.fetchedAt()));
    }
    return new Finding(
        CheckType.SOURCE_UNAVAILABLE.id(),
        Severity.CRITICAL,
        Category.EXTERNAL_DEPENDENCY,
        msg,
        failedPulls,
        List.of(new Interval(instant(failingSince), instant(now), failedPulls)),
        List.of(),
        d);
  }
}
