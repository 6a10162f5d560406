package dev.signalcheck.report;

import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.TimeKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The x axis of a series' charts: seconds since the epoch for calendar times (local times as if
 * they were UTC, so the page shows them as written), the plain number for an integer period index.
 * Reads back the times that findings carry in the form the input used.
 */
final class TimeAxis {
  private final RegularSeries series;
  private final TimeKind kind;

  TimeAxis(RegularSeries series) {
    this.series = series;
    this.kind = series.format().kind();
  }

  /** Whether x is a time (seconds) rather than an index. */
  boolean isTime() {
    return kind != TimeKind.INDEX;
  }

  TimeKind kind() {
    return kind;
  }

  /** x of grid position k. */
  double x(int k) {
    return fromMillisOrIndex(series.timeAt(k));
  }

  private double fromMillisOrIndex(long t) {
    return kind == TimeKind.INDEX ? t : t / 1000.0;
  }

  /**
   * x of a time written as the report writes it ({@link dev.signalcheck.core.series.TimeFormat}),
   * or null when it does not read.
   */
  Double parse(Object formatted) {
    if (formatted == null) {
      return null;
    }
    if (formatted instanceof Number) {
      long v = ((Number) formatted).longValue();
      return kind == TimeKind.INDEX ? (double) v : null;
    }
    String s = formatted.toString().trim();
    try {
      long ms;
      switch (kind) {
        case INDEX:
          return (double) Long.parseLong(s);
        case OFFSET_DATETIME:
          ms = OffsetDateTime.parse(s).toInstant().toEpochMilli();
          break;
        case LOCAL_DATETIME:
          LocalDateTime l = LocalDateTime.parse(s);
          ms = l.toInstant(ZoneOffset.UTC).toEpochMilli();
          break;
        case DATE:
          ms = LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
          break;
        case MONTH:
          ms = YearMonth.parse(s).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
          break;
        case QUARTER:
          int q = s.indexOf("-Q");
          if (q < 0) {
            return null;
          }
          int year = Integer.parseInt(s.substring(0, q));
          int quarter = Integer.parseInt(s.substring(q + 2));
          ms =
              LocalDate.of(year, (quarter - 1) * 3 + 1, 1)
                  .atStartOfDay()
                  .toInstant(ZoneOffset.UTC)
                  .toEpochMilli();
          break;
        case YEAR:
          ms = Year.parse(s).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
          break;
        default:
          return null;
      }
      return ms / 1000.0;
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }
}
