package dev.signalcheck.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TimeParserTest {

  private static long utc(int y, int mo, int d, int h, int mi, int s) {
    return LocalDateTime.of(y, mo, d, h, mi, s).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @Test
  void isoDateTimesWithoutOffsetAreLocal() {
    TimeParser p =
        TimeParser.sniff(List.of("2014-02-19 15:25:00", "2014-02-19T15:30:00"), null, null);
    assertThat(p.kind()).isEqualTo(TimeKind.LOCAL_DATETIME);
    assertThat(p.parse("2014-02-19 15:25:00")).isEqualTo(utc(2014, 2, 19, 15, 25, 0));
    assertThat(p.parse("2014-02-19T15:25")).isEqualTo(utc(2014, 2, 19, 15, 25, 0));
    assertThat(p.parse("2014-02-19 15:25:00.250")).isEqualTo(utc(2014, 2, 19, 15, 25, 0) + 250);
    assertThat(p.format().format(utc(2014, 2, 19, 15, 25, 0))).isEqualTo("2014-02-19T15:25:00");
  }

  @Test
  void offsetsGiveInstantsAndAreWrittenBack() {
    TimeParser p = TimeParser.sniff(List.of("2014-02-19T15:25:00+01:00"), null, null);
    assertThat(p.kind()).isEqualTo(TimeKind.OFFSET_DATETIME);
    assertThat(p.parse("2014-02-19T15:25:00+01:00")).isEqualTo(utc(2014, 2, 19, 14, 25, 0));
    assertThat(p.parse("2014-02-19T14:25:00Z")).isEqualTo(utc(2014, 2, 19, 14, 25, 0));
    assertThat(p.parse("2014-02-19T10:25:00-0400")).isEqualTo(utc(2014, 2, 19, 14, 25, 0));
    assertThat(p.format().text(utc(2014, 2, 19, 14, 25, 0))).isEqualTo("2014-02-19T15:25:00+01:00");
  }

  @Test
  void timezoneTurnsLocalTimesIntoInstants() {
    TimeParser p = TimeParser.sniff(List.of("2024-07-01 12:00:00"), null, ZoneId.of("Europe/Rome"));
    assertThat(p.kind()).isEqualTo(TimeKind.OFFSET_DATETIME);
    long t = p.parse("2024-07-01 12:00:00");
    assertThat(Instant.ofEpochMilli(t)).isEqualTo(Instant.parse("2024-07-01T10:00:00Z"));
    assertThat(p.format().text(t)).isEqualTo("2024-07-01T12:00:00+02:00");
  }

  @Test
  void dayFirstDatesWithDottedTimes() {
    TimeParser p =
        TimeParser.sniff(List.of("10/03/2004 18.00.00", "13/03/2004 0.00.00"), null, null);
    assertThat(p.order()).isEqualTo(TimeParser.Order.DMY);
    assertThat(p.parse("10/03/2004 18.00.00")).isEqualTo(utc(2004, 3, 10, 18, 0, 0));
    assertThat(p.parse("13/03/2004 0.00.00")).isEqualTo(utc(2004, 3, 13, 0, 0, 0));
  }

  @Test
  void monthFirstWhenTheSecondFieldIsOver12() {
    TimeParser p = TimeParser.sniff(List.of("03/25/2004", "03/26/2004"), null, null);
    assertThat(p.order()).isEqualTo(TimeParser.Order.MDY);
    assertThat(p.kind()).isEqualTo(TimeKind.DATE);
    assertThat(p.parse("03/25/2004")).isEqualTo(utc(2004, 3, 25, 0, 0, 0));
  }

  @Test
  void yearsQuartersMonthsAndIndices() {
    TimeParser y = TimeParser.sniff(List.of("1975", "1976"), null, null);
    assertThat(y.kind()).isEqualTo(TimeKind.YEAR);
    assertThat(y.format().format(y.parse("1975"))).isEqualTo("1975");
    TimeParser q = TimeParser.sniff(List.of("1984-Q1", "1984-Q2"), null, null);
    assertThat(q.kind()).isEqualTo(TimeKind.QUARTER);
    assertThat(q.format().format(q.parse("1984-Q3"))).isEqualTo("1984-Q3");
    TimeParser m = TimeParser.sniff(List.of("2004-03", "2004-04"), null, null);
    assertThat(m.kind()).isEqualTo(TimeKind.MONTH);
    assertThat(m.format().format(m.parse("2004-12"))).isEqualTo("2004-12");
    TimeParser i = TimeParser.sniff(List.of("1", "2", "3"), null, null);
    assertThat(i.kind()).isEqualTo(TimeKind.INDEX);
    assertThat(i.format().format(i.parse("17"))).isEqualTo(17L);
  }

  @Test
  void epochSecondsAndMilliseconds() {
    TimeParser s = TimeParser.sniff(List.of("1700000000"), null, null);
    assertThat(s.integerMode()).isEqualTo(TimeParser.IntegerMode.EPOCH_SECONDS);
    assertThat(s.parse("1700000000")).isEqualTo(1_700_000_000_000L);
    TimeParser ms = TimeParser.sniff(List.of("1700000000000"), null, null);
    assertThat(ms.integerMode()).isEqualTo(TimeParser.IntegerMode.EPOCH_MILLIS);
    assertThat(ms.parse("1700000000123")).isEqualTo(1_700_000_000_123L);
    TimeParser forced = TimeParser.sniff(List.of("5"), "epoch-s", null);
    assertThat(forced.parse("5")).isEqualTo(5000L);
  }

  @Test
  void garbageDoesNotParse() {
    TimeParser p = TimeParser.sniff(List.of("2014-02-19 15:25:00"), null, null);
    assertThat(p.parse("31/02/2024 25:00")).isEqualTo(TimeParser.UNPARSEABLE);
    assertThat(p.parse("2014-02-30 10:00:00")).isEqualTo(TimeParser.UNPARSEABLE);
    assertThat(p.parse("hello")).isEqualTo(TimeParser.UNPARSEABLE);
    assertThat(p.parse("")).isEqualTo(TimeParser.UNPARSEABLE);
    assertThat(p.parse(null)).isEqualTo(TimeParser.UNPARSEABLE);
    assertThat(TimeParser.sniff(List.of("abc", "def"), null, null)).isNull();
    assertThatThrownBy(() -> TimeParser.sniff(List.of("1"), "weird", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("epoch-s");
  }

  @Property
  void isoRoundTrips(
      @ForAll @IntRange(min = 1900, max = 2100) int y,
      @ForAll @IntRange(min = 1, max = 12) int mo,
      @ForAll @IntRange(min = 1, max = 28) int d,
      @ForAll @IntRange(min = 0, max = 23) int h,
      @ForAll @IntRange(min = 0, max = 59) int mi) {
    TimeParser p = TimeParser.sniff(List.of("2000-01-01 00:00:00"), null, null);
    String text = String.format("%04d-%02d-%02dT%02d:%02d:00", y, mo, d, h, mi);
    long t = p.parse(text);
    assertThat(t).isEqualTo(utc(y, mo, d, h, mi, 0));
    assertThat(p.format().format(t)).isEqualTo(text);
  }

  @Property
  void neverThrowsOnArbitraryText(@ForAll String s) {
    TimeParser p = TimeParser.sniff(List.of("10/03/2004 18.00.00"), null, null);
    p.parse(s);
  }
}
