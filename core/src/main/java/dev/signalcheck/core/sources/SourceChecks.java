package dev.signalcheck.core.sources;

import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code source.*} checks (category external-dependency): pure functions of the history of
 * pulls of one source, fed with {@link Snapshot} summaries, the newest readings of each series and,
 * for revisions, the series of the previous and the current snapshot. Thresholds and why:
 * docs/checks.md, "External sources". One class per check ({@link SourceUnavailable}, {@link
 * SourceStale}, {@link SchemaChange}, {@link SnapshotComparison}, {@link IrregularArrival}); this
 * class holds their thresholds and is the one entry point.
 */
public final class SourceChecks {
  private SourceChecks() {}

  /** A series whose newest reading is this many steps behind the pull (or more) is stale. */
  public static final int STALE_STEPS = 3;

  /** Pulls needed before arrival times are judged. */
  public static final int MIN_PULLS = 5;

  /** Most recent pulls looked at for arrival times. */
  public static final int ARRIVAL_WINDOW = 30;

  /** Spread of the lag (newest reading to pull), in steps, from which arrival is irregular. */
  public static final double IRREGULAR_SPREAD = 3;

  /** Share of values already seen whose revision makes {@code source.revised} critical. */
  public static final double REVISED_CRITICAL_SHARE = 0.05;

  /** Share of the previous rows whose loss makes {@code source.shrunk} critical. */
  public static final double SHRUNK_CRITICAL_SHARE = 0.10;

  /** {@code source.unavailable}: every attempt of this pull failed ({@link SourceUnavailable}). */
  public static Finding unavailable(
      String source,
      String reason,
      int attempts,
      Instant failingSince,
      int failedPulls,
      Snapshot previous,
      Instant now) {
    return SourceUnavailable.check(
        source, reason, attempts, failingSince, failedPulls, previous, now);
  }

  /**
   * {@code source.stale}: series whose newest reading is older than their step allows ({@link
   * SourceStale}).
   *
   * @return the finding, or null when no series is late
   */
  public static Finding stale(List<SeriesEnd> ends, Instant fetchedAt, Duration maxDelay) {
    return SourceStale.check(ends, fetchedAt, maxDelay);
  }

  /**
   * {@code source.schema-changed}: columns added, removed, renamed or retyped ({@link
   * SchemaChange}).
   *
   * @return the finding, or null when the columns are the same
   */
  public static Finding schemaChanged(Snapshot previous, Snapshot current, Set<String> used) {
    return SchemaChange.check(previous, current, used);
  }

  /**
   * {@code source.revised} and {@code source.shrunk} ({@link SnapshotComparison}).
   *
   * @return zero, one or two findings
   */
  public static List<Finding> compare(
      Map<String, SeriesData> old,
      Map<String, SeriesData> neu,
      Snapshot previous,
      Snapshot current) {
    return SnapshotComparison.check(old, neu, previous, current);
  }

  /**
   * {@code source.irregular-arrival} ({@link IrregularArrival}).
   *
   * @param history the successful pulls, oldest first, this one included
   * @return the finding, or null when arrival is regular or there are too few pulls
   */
  public static Finding irregularArrival(List<Snapshot> history) {
    return IrregularArrival.check(history);
  }

  /** The cadence in words: hourly, daily, … or the ISO step. */
  public static String cadence(Step s) {
    String iso = s.iso();
    switch (iso) {
      case "PT1H":
        return "hourly";
      case "P1D":
        return "daily";
      case "P1W":
        return "weekly";
      case "P1M":
        return "monthly";
      case "P3M":
        return "quarterly";
      case "P1Y":
        return "yearly";
      default:
        return iso + "-step";
    }
  }

  /** An instant to the second, ISO 8601 UTC. */
  public static String instant(Instant t) {
    return t == null ? "unknown" : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Names in single quotes, comma separated. */
  static String quoted(List<String> names) {
    List<String> q = new ArrayList<>();
    for (String n : names) {
      q.add("'" + n + "'");
    }
    return String.join(", ", q);
  }
}
