package dev.signalcheck.core.series;

import static dev.signalcheck.core.series.TimeFields.isInteger;
import static dev.signalcheck.core.series.TimeFields.quarter;
import static dev.signalcheck.core.series.TimeParser.UNPARSEABLE;

import dev.signalcheck.core.series.TimeParser.IntegerMode;
import dev.signalcheck.core.series.TimeParser.Order;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Format detection: which {@link TimeParser} reads a column, decided once from a sample of its
 * values. The rules, in the order they win: a forced {@code --time-format}; all integers
 * (four-digit years 1000–2999, else epoch milliseconds from 10^11, epoch seconds from 10^8, else
 * period indices); quarters; year-months without a time; offsets (or a zone) make instants; a time
 * of day makes local date-times; otherwise dates. The field order of numeric dates is year first
 * when a year leads, else day first when a first field exceeds 12, month first when a second one
 * does, and day first when nothing tells.
 */
final class TimeSniffer {
  private TimeSniffer() {}

  /** See {@link TimeParser#sniff}. */
  static TimeParser sniff(List<String> sample, String format, ZoneId zone) {
    String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    IntegerMode forcedInt = null;
    Order forcedOrder = null;
    switch (f) {
      case "":
        break;
      case "epoch-s":
        forcedInt = IntegerMode.EPOCH_SECONDS;
        break;
      case "epoch-ms":
        forcedInt = IntegerMode.EPOCH_MILLIS;
        break;
      case "index":
        forcedInt = IntegerMode.INDEX;
        break;
      case "year":
        forcedInt = IntegerMode.YEAR;
        break;
      case "ymd":
        forcedOrder = Order.YMD;
        break;
      case "dmy":
        forcedOrder = Order.DMY;
        break;
      case "mdy":
        forcedOrder = Order.MDY;
        break;
      default:
        throw new IllegalArgumentException(
            "unknown time format '"
                + format
                + "'; use one of epoch-s, epoch-ms, index, year, ymd, dmy, mdy");
    }
    int integers = 0;
    long minInt = Long.MAX_VALUE;
    long maxInt = Long.MIN_VALUE;
    boolean allFourDigit = true;
    int others = 0;
    boolean anyTime = false;
    boolean anyOffset = false;
    boolean anyQuarter = false;
    boolean anyMonthOnly = false;
    boolean yearFirst = false;
    boolean firstOver12 = false;
    boolean secondOver12 = false;
    ZoneOffset firstOffset = null;
    for (String raw : sample) {
      if (raw == null) {
        continue;
      }
      String s = raw.trim();
      if (s.isEmpty()) {
        continue;
      }
      if (isInteger(s)) {
        integers++;
        long v = Long.parseLong(s);
        minInt = Math.min(minInt, v);
        maxInt = Math.max(maxInt, v);
        if (s.replace("-", "").length() != 4) {
          allFourDigit = false;
        }
        continue;
      }
      if (quarter(s) != UNPARSEABLE) {
        anyQuarter = true;
        others++;
        continue;
      }
      TimeFields fl = TimeFields.scan(s);
      if (fl == null) {
        continue;
      }
      others++;
      if (fl.count == 2 && fl.len[0] == 4) {
        anyMonthOnly = true;
        continue;
      }
      if (fl.len[0] == 4) {
        yearFirst = true;
      } else {
        if (fl.v[0] > 12) {
          firstOver12 = true;
        }
        if (fl.count > 1 && fl.v[1] > 12) {
          secondOver12 = true;
        }
      }
      if (fl.count > 3) {
        anyTime = true;
      }
      if (fl.offsetSeconds != Integer.MIN_VALUE) {
        anyOffset = true;
        if (firstOffset == null) {
          firstOffset = ZoneOffset.ofTotalSeconds(fl.offsetSeconds);
        }
      }
    }
    if (forcedInt != null || (integers > 0 && others == 0)) {
      IntegerMode mode = forcedInt;
      if (mode == null) {
        if (integers == 0) {
          return null;
        }
        if (allFourDigit && minInt >= 1000 && maxInt <= 2999) {
          mode = IntegerMode.YEAR;
        } else if (minInt >= 100_000_000_000L) {
          mode = IntegerMode.EPOCH_MILLIS;
        } else if (minInt >= 100_000_000L) {
          mode = IntegerMode.EPOCH_SECONDS;
        } else {
          mode = IntegerMode.INDEX;
        }
      }
      switch (mode) {
        case INDEX:
          return new TimeParser(TimeKind.INDEX, Order.YMD, mode, null, null);
        case YEAR:
          return new TimeParser(TimeKind.YEAR, Order.YMD, mode, null, null);
        default:
          return new TimeParser(
              TimeKind.OFFSET_DATETIME, Order.YMD, mode, ZoneOffset.UTC, ZoneOffset.UTC);
      }
    }
    if (others == 0) {
      return null;
    }
    Order ord = forcedOrder;
    if (ord == null) {
      if (yearFirst) {
        ord = Order.YMD;
      } else if (firstOver12) {
        ord = Order.DMY;
      } else if (secondOver12) {
        ord = Order.MDY;
      } else {
        ord = Order.DMY;
      }
    }
    TimeKind k;
    ZoneId display = null;
    if (anyQuarter) {
      k = TimeKind.QUARTER;
    } else if (anyMonthOnly && !anyTime) {
      k = TimeKind.MONTH;
    } else if (anyOffset) {
      k = TimeKind.OFFSET_DATETIME;
      display = zone != null ? zone : firstOffset;
    } else if (zone != null && anyTime) {
      k = TimeKind.OFFSET_DATETIME;
      display = zone;
    } else if (anyTime) {
      k = TimeKind.LOCAL_DATETIME;
    } else {
      k = TimeKind.DATE;
    }
    return new TimeParser(k, ord, IntegerMode.INDEX, zone, display);
  }
}
