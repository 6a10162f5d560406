package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.SeriesAuditor;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.core.verdict.Signal;
import dev.signalcheck.core.verdict.Withheld;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Input that cannot be what the user meant: said as a critical finding, verdict withheld. */
class InputMistakesTest {

  private static final TimeFormat LOCAL = new TimeFormat(TimeKind.LOCAL_DATETIME, null);
  private static final long HOUR = 3_600_000L;
  private static final long T0 =
      LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

  private static Optional<Finding> find(List<Finding> fs, String check) {
    return fs.stream().filter(f -> f.check().equals(check)).findFirst();
  }

  /** An hourly daily-cycle series with noise. */
  private static double value(Random rnd, int i) {
    return 20 + 5 * Math.sin(2 * Math.PI * i / 24) + rnd.nextGaussian();
  }

  @Test
  void longDataWithoutIdIsCriticalNamesTheKeyAndWithholdsTheVerdict() {
    // 20 series of 200 hourly points read as one: 95% of rows repeat a stamp
    Random rnd = new Random(1);
    SeriesData d = new SeriesData("value", "value", LOCAL);
    long row = 1;
    for (int s = 0; s < 20; s++) {
      for (int i = 0; i < 200; i++) {
        d.add(row++, T0 + i * HOUR, null, 10 * s + value(rnd, i), SeriesData.OK, null);
      }
    }
    InputHints hints = new InputHints(List.of("series_id"), null, null);
    SeriesResult r = new SeriesAuditor(AuditSettings.defaults()).audit(d, hints);
    Finding dup = find(r.findings(), CheckType.TIME_DUPLICATE.id()).orElseThrow();
    assertThat(dup.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(dup.message()).contains("--id series_id").contains("3800 extra rows");
    assertThat(r.verdict().signal()).isEqualTo(Signal.INSUFFICIENT_DATA);
    assertThat(Withheld.is(r.verdict())).isTrue();
    assertThat(r.verdict().headline()).contains("--id series_id");
  }

  @Test
  void aFewDuplicatesStayAWarningAndKeepTheVerdict() {
    Random rnd = new Random(2);
    SeriesData d = new SeriesData("value", "value", LOCAL);
    for (int i = 0; i < 600; i++) {
      d.add(i + 1, T0 + (i % 590) * HOUR, null, value(rnd, i % 590), SeriesData.OK, null);
    }
    SeriesResult r = new SeriesAuditor(AuditSettings.defaults()).audit(d, InputHints.NONE);
    Finding dup = find(r.findings(), CheckType.TIME_DUPLICATE.id()).orElseThrow();
    assertThat(dup.severity()).isEqualTo(Severity.WARNING);
    assertThat(dup.message()).startsWith("10 extra rows repeat 10 time stamps");
    assertThat(Withheld.is(r.verdict())).isFalse();
  }

  @Test
  void forgottenTimeOfDayColumnIsNamed() {
    String fix = DuplicateStamps.duplicateFix(new InputHints(List.of(), "Time", "Date"), 24.0);
    assertThat(fix).contains("repeats about 24 times").contains("--time Date,Time");
  }

  @Test
  void mostlyUnparseableTimesSuggestTheFormatThatReadsThem() {
    // day-first dates read as month-first: days above 12 do not parse
    Random rnd = new Random(3);
    SeriesData d = new SeriesData("sales", "sales", new TimeFormat(TimeKind.DATE, null));
    long day = 86_400_000L;
    int unparsed = 0;
    for (int i = 0; i < 365; i++) {
      LocalDateTime t = LocalDateTime.of(2023, 1, 1, 0, 0).plusDays(i);
      String text = String.format("%02d/%02d/%d", t.getDayOfMonth(), t.getMonthValue(), 2023);
      boolean bad = t.getDayOfMonth() > 12;
      unparsed += bad ? 1 : 0;
      long time = bad ? TimeParser.UNPARSEABLE : T0 + i * day;
      d.add(i + 1, time, bad ? text : null, value(rnd, i), SeriesData.OK, null);
    }
    assertThat(unparsed / 365.0).isGreaterThan(0.5);
    SeriesResult r = new SeriesAuditor(AuditSettings.defaults()).audit(d);
    Finding f = find(r.findings(), CheckType.TIME_UNPARSEABLE.id()).orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.message()).contains("--time-format dmy");
    assertThat(Withheld.is(r.verdict())).isTrue();
  }

  @Test
  void gapsLeftByUnparseableRowsAreNotCollectionGaps() {
    // 200 hourly rows, 7 of them with a broken stamp (one run of 4, three single ones), one real
    // hole of 5 hours
    Random rnd = new Random(4);
    SeriesData d = new SeriesData("v", "v", LOCAL);
    java.util.Set<Integer> broken = java.util.Set.of(50, 51, 52, 53, 90, 120, 160);
    long row = 1;
    for (int i = 0; i < 205; i++) {
      if (i >= 100 && i < 105) {
        continue;
      }
      boolean bad = broken.contains(i);
      d.add(
          row++,
          bad ? TimeParser.UNPARSEABLE : T0 + i * HOUR,
          bad ? "2024-01-0?" : null,
          value(rnd, i),
          SeriesData.OK,
          null);
    }
    Alignment.Result r = Alignment.align(d, null);
    Finding gap = find(r.findings(), CheckType.TIME_GAP.id()).orElseThrow();
    assertThat(gap.count()).isEqualTo(1);
    assertThat(gap.details().get("missingStamps")).isEqualTo(5L);
    Finding unp = find(r.findings(), CheckType.TIME_UNPARSEABLE.id()).orElseThrow();
    assertThat(unp.message()).contains("7 time stamps of the grid are empty only because of them");
    assertThat(r.withheld()).isNull();
  }

  @Test
  void missingShareCountsValuesNotRuns() {
    SeriesData d = new SeriesData("v", "v", LOCAL);
    for (int i = 0; i < 100; i++) {
      boolean hole = i >= 40 && i < 58;
      d.add(
          i + 1,
          T0 + i * HOUR,
          null,
          hole ? Double.NaN : i,
          hole ? SeriesData.MISSING : SeriesData.OK,
          null);
    }
    Finding f = find(Alignment.align(d, null).findings(), "value.missing").orElseThrow();
    assertThat(f.message()).startsWith("18 of 100 values (18.0%) are missing, in 1 run");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void allMissingIsAllOfTheValues() {
    SeriesData d = new SeriesData("v", "v", LOCAL);
    for (int i = 0; i < 100; i++) {
      d.add(i + 1, T0 + i * HOUR, null, Double.NaN, SeriesData.MISSING, null);
    }
    Finding f = find(Alignment.align(d, null).findings(), "value.missing").orElseThrow();
    assertThat(f.message()).startsWith("100 of 100 values (100.0%) are missing");
  }

  @Test
  void aCodeCoveringNinetyPercentIsCritical() {
    Random rnd = new Random(5);
    SeriesData d = new SeriesData("v", "v", LOCAL);
    for (int i = 0; i < 500; i++) {
      double v = i % 10 == 0 ? value(rnd, i) : -200;
      d.add(i + 1, T0 + i * HOUR, null, v, SeriesData.OK, null);
    }
    SeriesResult r = new SeriesAuditor(AuditSettings.defaults()).audit(d);
    Finding f = find(r.findings(), CheckType.VALUE_SENTINEL.id()).orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.message()).contains("90.0% of the readings");
  }

  @Test
  void aZeroOneFlagHasNoCode() {
    Random rnd = new Random(6);
    SeriesData d = new SeriesData("anomaly", "anomaly", LOCAL);
    for (int i = 0; i < 1000; i++) {
      double v = (i > 300 && i < 340) || rnd.nextDouble() < 0.01 ? 1 : 0;
      d.add(i + 1, T0 + i * HOUR, null, v, SeriesData.OK, null);
    }
    SeriesResult r = new SeriesAuditor(AuditSettings.defaults()).audit(d);
    assertThat(find(r.findings(), CheckType.VALUE_SENTINEL.id())).isEmpty();
  }
}
