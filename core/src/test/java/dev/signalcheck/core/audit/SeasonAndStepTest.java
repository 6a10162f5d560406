package dev.signalcheck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.checks.Alignment;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.core.series.TimeParser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Defaults that fit the data: the season a short history can show, multi-unit steps. */
class SeasonAndStepTest {

  private static final TimeFormat LOCAL = new TimeFormat(TimeKind.LOCAL_DATETIME, null);

  private static RegularSeries perSecond(double[] v) {
    return new RegularSeries(0L, Step.millis(1000), v, new long[v.length], LOCAL);
  }

  @Test
  void oneSecondDataWithAMinuteCycleUseTheCycle() {
    Random rnd = new Random(1);
    double[] v = new double[1200];
    for (int i = 0; i < v.length; i++) {
      v[i] = 3 * Math.sin(2 * Math.PI * i / 60) + rnd.nextGaussian();
    }
    SeasonChoice c = SeasonChoice.choose(null, perSecond(v));
    assertThat(c.calendar()).isEqualTo(86_400);
    // the dominant-cycle search finds the peak to within a few steps (a broad autocorrelation peak)
    assertThat(c.season()).isBetween(57, 63);
    assertThat(c.reason()).contains("86,400 steps").contains("dominant cycle, " + c.season());
  }

  @Test
  void oneSecondNoiseGetsNoSeasonAndIsNotTooShort() {
    Random rnd = new Random(2);
    SeriesData d = new SeriesData("v", "v", LOCAL);
    for (int i = 0; i < 1200; i++) {
      d.add(i + 1, 1_000L * i, null, rnd.nextGaussian(), SeriesData.OK, null);
    }
    SeriesResult r = new SeriesAuditor(AuditSettings.defaults()).audit(d);
    assertThat(r.frequency().season()).isEqualTo(1);
    assertThat(r.findings()).noneMatch(f -> f.check().equals("series.too-short"));
    assertThat(r.findings()).anyMatch(f -> f.check().equals("series.season-from-data"));
  }

  @Test
  void aLongEnoughHistoryKeepsTheCalendarSeason() {
    double[] v = new double[24 * 30];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.sin(2 * Math.PI * i / 24);
    }
    RegularSeries hourly =
        new RegularSeries(0L, Step.millis(3_600_000L), v, new long[v.length], LOCAL);
    SeasonChoice c = SeasonChoice.choose(null, hourly);
    assertThat(c.season()).isEqualTo(24);
    assertThat(c.reason()).isNull();
    assertThat(SeasonChoice.choose(5, perSecond(v)).season()).isEqualTo(5);
  }

  private static SeriesData dated(TimeKind kind, int n, int monthsApart) {
    SeriesData d = new SeriesData("v", "v", new TimeFormat(kind, null));
    LocalDate start = LocalDate.of(1790, 1, 1);
    for (int i = 0; i < n; i++) {
      long t =
          start
              .plusMonths((long) i * monthsApart)
              .atStartOfDay()
              .toInstant(ZoneOffset.UTC)
              .toEpochMilli();
      d.add(i + 1, t, null, 1000 + i * i, SeriesData.OK, null);
    }
    return d;
  }

  @Test
  void decennialYearsStepTenYearsWithNothingMissing() {
    Alignment.Result r = Alignment.align(dated(TimeKind.YEAR, 24, 120), null);
    assertThat(r.step()).isEqualTo(Step.months(120));
    assertThat(r.step().iso()).isEqualTo("P10Y");
    assertThat(r.regular().length()).isEqualTo(24);
    assertThat(r.findings()).noneMatch(f -> f.check().equals("time.gap"));
  }

  @Test
  void multiMonthAndMultiDayDatesStepTheirMostCommonSpacing() {
    assertThat(Alignment.align(dated(TimeKind.DATE, 30, 120), null).step())
        .isEqualTo(Step.months(120));
    assertThat(Alignment.align(dated(TimeKind.DATE, 30, 2), null).step()).isEqualTo(Step.months(2));
    assertThat(Alignment.align(dated(TimeKind.DATE, 30, 3), null).step()).isEqualTo(Step.months(3));
    SeriesData fortnightly = new SeriesData("v", "v", new TimeFormat(TimeKind.DATE, null));
    for (int i = 0; i < 30; i++) {
      fortnightly.add(i + 1, i * 14 * 86_400_000L, null, i, SeriesData.OK, null);
    }
    Alignment.Result r = Alignment.align(fortnightly, null);
    assertThat(r.step().iso()).isEqualTo("P2W");
    assertThat(r.findings()).noneMatch(f -> f.check().equals("time.gap"));
    assertThat(TimeParser.UNPARSEABLE).isNotZero();
  }
}
