package dev.signalcheck.core.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceChecksTest {

  static final Instant T0 = Instant.parse("2026-03-02T00:10:00Z");
  static final long HOUR = 3_600_000L;

  static Snapshot snap(Instant at, long lastMillis, List<Snapshot.Column> cols) {
    return new Snapshot(
        at, "h", cols, 10, 1, "PT1H", "2026-03-01T00:00:00", "x" + lastMillis, lastMillis);
  }

  /** Pulls every hour; the newest reading of pull k is lastHours[k] hours after T0 - 1 h. */
  static List<Snapshot> pulls(int... lastHours) {
    List<Snapshot> out = new ArrayList<>();
    long base = T0.toEpochMilli() - 600_000 - HOUR;
    for (int k = 0; k < lastHours.length; k++) {
      out.add(snap(T0.plusSeconds(3600L * k), base + lastHours[k] * HOUR, List.of()));
    }
    return out;
  }

  @Test
  void aSteadyFeedArrivesRegularly() {
    assertThat(SourceChecks.irregularArrival(pulls(0, 1, 2, 3, 4, 5, 6, 7))).isNull();
  }

  @Test
  void aDailyBatchOfHourlyDataIsARhythmNotAnIrregularity() {
    int[] h = new int[50];
    for (int k = 0; k < h.length; k++) {
      h[k] = (k / 24) * 24;
    }
    assertThat(SourceChecks.irregularArrival(pulls(h))).isNull();
  }

  @Test
  void stallsAndCatchUpsAreIrregular() {
    Finding f = SourceChecks.irregularArrival(pulls(0, 1, 2, 3, 3, 3, 3, 3, 8, 9));
    assertThat(f).isNotNull();
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.count()).isEqualTo(10);
  }

  @Test
  void fewPullsAreNotJudged() {
    assertThat(SourceChecks.irregularArrival(pulls(0, 0, 0, 9))).isNull();
  }

  @Test
  void stalenessCountsWholeStepsOfTheSeriesOwnCadence() {
    long last = Instant.parse("2026-03-01T05:00:00Z").toEpochMilli();
    Instant fetched = Instant.parse("2026-03-01T12:10:00Z");
    SeriesEnd e = new SeriesEnd("v", last, "2026-03-01T05:00:00", Step.parse("PT1H"));
    Finding f = SourceChecks.stale(List.of(e), fetched, null);
    assertThat(f.message()).startsWith("the last reading is 7 steps late: hourly data");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    // two steps behind is normal publication delay
    assertThat(SourceChecks.stale(List.of(e), Instant.parse("2026-03-01T07:59:00Z"), null))
        .isNull();
    // a day and more behind hourly data is critical
    assertThat(SourceChecks.stale(List.of(e), fetched.plusSeconds(86_400), null).severity())
        .isEqualTo(Severity.CRITICAL);
    // daily data read at noon the next day is on time; three days later it is not
    SeriesEnd d = new SeriesEnd("d", last, "2026-03-01", Step.parse("P1D"));
    assertThat(SourceChecks.stale(List.of(d), fetched.plusSeconds(86_400), null)).isNull();
    assertThat(SourceChecks.stale(List.of(d), fetched.plusSeconds(3 * 86_400), null)).isNotNull();
    // --max-delay replaces the rule
    assertThat(SourceChecks.stale(List.of(e), fetched, Duration.ofHours(8))).isNull();
    assertThat(SourceChecks.stale(List.of(e), fetched, Duration.ofHours(2))).isNotNull();
  }

  @Test
  void schemaChangesNameRenamesRetypesAndAffectedColumns() {
    List<Snapshot.Column> a =
        List.of(
            new Snapshot.Column("time", "TIMESTAMP"),
            new Snapshot.Column("Temperature", "DOUBLE"),
            new Snapshot.Column("station", "VARCHAR"),
            new Snapshot.Column("flag", "BIGINT"));
    List<Snapshot.Column> b =
        List.of(
            new Snapshot.Column("time", "VARCHAR"),
            new Snapshot.Column("temperature_c", "DOUBLE"),
            new Snapshot.Column("flag", "BIGINT"),
            new Snapshot.Column("humidity", "DOUBLE"));
    Finding f = SourceChecks.schemaChanged(snap(T0, 0, a), snap(T0, 0, b), Set.of("time"));
    assertThat(f.message())
        .contains("'Temperature' is gone (renamed to 'temperature_c'?)")
        .contains("removed 'station'")
        .contains("added 'humidity'")
        .contains("'time' retyped TIMESTAMP → VARCHAR")
        .contains("columns this audit reads are affected");
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(SourceChecks.schemaChanged(snap(T0, 0, a), snap(T0, 0, a), Set.of())).isNull();
  }

  @Test
  void unavailableSaysSinceWhenAndWhatIsKept() {
    Snapshot prev = snap(Instant.parse("2026-03-01T00:00:00Z"), 0, List.of());
    Finding f =
        SourceChecks.unavailable(
            "feed", "HTTP 503 Service Unavailable", 5, T0, 3, prev, T0.plusSeconds(7200));
    assertThat(f.message())
        .isEqualTo(
            "source 'feed' is unavailable: all 5 attempts failed (last: HTTP 503 Service"
                + " Unavailable); failing since 2026-03-02T00:10:00Z (3 pulls in a row); not"
                + " evaluated, the previous snapshot (2026-03-01T00:00:00Z, 10 rows) is kept");
    assertThat(f.intervals().get(0).from()).isEqualTo("2026-03-02T00:10:00Z");
    assertThat(f.details()).containsEntry("evaluated", false);
  }
}
