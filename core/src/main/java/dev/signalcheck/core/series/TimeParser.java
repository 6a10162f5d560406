package dev.signalcheck.core.series;

import static dev.signalcheck.core.series.TimeFields.fastIso;
import static dev.signalcheck.core.series.TimeFields.fractionMillis;
import static dev.signalcheck.core.series.TimeFields.isInteger;
import static dev.signalcheck.core.series.TimeFields.quarter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Parses time stamps into the {@code long} representation of {@link TimeKind}. A parser is set up
 * once per column from a sample of its values ({@link #sniff}), then applied to every value; values
 * that do not parse give {@link #UNPARSEABLE}. Thread-safe after construction.
 *
 * <p>Accepted forms: ISO 8601 date-times with or without offset ({@code 2014-02-19 15:25:00},
 * {@code 2014-02-19T15:25:00.5+01:00}), dates ({@code 2004-03-10}, {@code 10/03/2004}, {@code
 * 03/10/2004}), year-months ({@code 2004-03}), quarters ({@code 1984-Q1}), years ({@code 1975}),
 * epoch seconds or milliseconds, and integer period indices. Hours need not be zero-padded; the
 * time-of-day separator may be {@code :} or {@code .}. Which form a column is in is decided by
 * {@link TimeSniffer}; the fields and the calendar arithmetic are {@link TimeFields}.
 */
public final class TimeParser {

  /** Marker for a value that does not parse. */
  public static final long UNPARSEABLE = Long.MIN_VALUE;

  /** Field order of numeric dates. */
  public enum Order {
    YMD,
    DMY,
    MDY
  }

  /** How plain integers are read. */
  public enum IntegerMode {
    INDEX,
    YEAR,
    EPOCH_SECONDS,
    EPOCH_MILLIS
  }

  private final TimeKind kind;
  private final Order order;
  private final IntegerMode integerMode;
  private final ZoneId zone;
  private final ZoneId displayZone;

  TimeParser(TimeKind kind, Order order, IntegerMode integerMode, ZoneId zone, ZoneId displayZone) {
    this.kind = kind;
    this.order = order;
    this.integerMode = integerMode;
    this.zone = zone;
    this.displayZone = displayZone;
  }

  public TimeKind kind() {
    return kind;
  }

  /** The zone used to write offset date-times; null for other kinds. */
  public ZoneId displayZone() {
    return displayZone;
  }

  public Order order() {
    return order;
  }

  public IntegerMode integerMode() {
    return integerMode;
  }

  /** A formatter writing times in the form the input used. */
  public TimeFormat format() {
    return new TimeFormat(kind, displayZone);
  }

  /**
   * Chooses how to read a column from a sample of its (non-empty) values.
   *
   * @param format null for automatic, or one of {@code epoch-s}, {@code epoch-ms}, {@code index},
   *     {@code year}, {@code ymd}, {@code dmy}, {@code mdy}
   * @param zone zone of time stamps without offset, or null to keep local time as written
   * @return the parser, or null when no value of the sample parses in any supported form
   */
  public static TimeParser sniff(List<String> sample, String format, ZoneId zone) {
    return TimeSniffer.sniff(sample, format, zone);
  }

  /** Parses one value; {@link #UNPARSEABLE} when it does not parse (including empty values). */
  public long parse(String raw) {
    if (raw == null) {
      return UNPARSEABLE;
    }
    String s = raw.trim();
    if (s.isEmpty()) {
      return UNPARSEABLE;
    }
    switch (kind) {
      case INDEX:
        return isInteger(s) ? Long.parseLong(s) : UNPARSEABLE;
      case YEAR:
        if (!isInteger(s)) {
          return UNPARSEABLE;
        }
        return epochMillis(Long.parseLong(s), 1, 1, 0, 0, 0, 0);
      case QUARTER:
        return quarter(s);
      default:
        break;
    }
    if (integerMode == IntegerMode.EPOCH_SECONDS || integerMode == IntegerMode.EPOCH_MILLIS) {
      if (!isInteger(s)) {
        return UNPARSEABLE;
      }
      long v = Long.parseLong(s);
      return integerMode == IntegerMode.EPOCH_SECONDS ? Math.multiplyExact(v, 1000L) : v;
    }
    long fast = fastIso(s);
    if (fast != UNPARSEABLE && kind == TimeKind.LOCAL_DATETIME) {
      return fast;
    }
    TimeFields f = TimeFields.scan(s);
    if (f == null) {
      return UNPARSEABLE;
    }
    long y;
    long mo;
    long d = 1;
    if (f.count == 2) {
      if (f.len[0] != 4) {
        return UNPARSEABLE;
      }
      y = f.v[0];
      mo = f.v[1];
    } else {
      Order o = f.len[0] == 4 ? Order.YMD : order;
      switch (o) {
        case YMD:
          y = f.v[0];
          mo = f.v[1];
          d = f.v[2];
          break;
        case DMY:
          d = f.v[0];
          mo = f.v[1];
          y = f.v[2];
          break;
        default:
          mo = f.v[0];
          d = f.v[1];
          y = f.v[2];
          break;
      }
      if (o != Order.YMD && f.len[2] == 2) {
        y += y < 70 ? 2000 : 1900;
      }
    }
    long hh = f.count > 3 ? f.v[3] : 0;
    long mi = f.count > 4 ? f.v[4] : 0;
    long ss = f.count > 5 ? f.v[5] : 0;
    long ms = f.count > 6 ? fractionMillis(f.v[6], f.len[6]) : 0;
    if (hh > 24 || mi > 59 || ss > 60 || (hh == 24 && (mi > 0 || ss > 0))) {
      return UNPARSEABLE;
    }
    long local = epochMillis(y, mo, d, hh, mi, ss, ms);
    if (local == UNPARSEABLE) {
      return UNPARSEABLE;
    }
    if (kind != TimeKind.OFFSET_DATETIME) {
      return local;
    }
    if (f.offsetSeconds != Integer.MIN_VALUE) {
      return local - f.offsetSeconds * 1000L;
    }
    if (zone != null) {
      LocalDateTime ldt =
          LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1000), 0, ZoneOffset.UTC);
      return ldt.atZone(zone).toInstant().toEpochMilli() + Math.floorMod(local, 1000);
    }
    return local;
  }

  /**
   * The second reading of a local time in a daylight-saving overlap: {@link #parse} maps a time
   * stamp without offset in the repeated hour to the earlier offset (the first pass); for such an
   * instant this returns the same local time at the later offset (the second pass), otherwise
   * {@code t}. A reader that sees time go backwards into the overlap uses it, so both passes are
   * kept as distinct instants.
   */
  public long laterOffset(long t) {
    if (zone == null || kind != TimeKind.OFFSET_DATETIME || t == UNPARSEABLE) {
      return t;
    }
    java.time.Instant i = java.time.Instant.ofEpochMilli(t);
    java.time.zone.ZoneRules rules = zone.getRules();
    LocalDateTime ldt = LocalDateTime.ofInstant(i, zone);
    List<ZoneOffset> offsets = rules.getValidOffsets(ldt);
    if (offsets.size() < 2 || !rules.getOffset(i).equals(offsets.get(0))) {
      return t;
    }
    return t + (offsets.get(0).getTotalSeconds() - offsets.get(1).getTotalSeconds()) * 1000L;
  }

  /**
   * Epoch milliseconds of a proleptic Gregorian date-time as if in UTC; UNPARSEABLE when invalid.
   */
  public static long epochMillis(long y, long mo, long d, long h, long mi, long s, long ms) {
    return TimeFields.epochMillis(y, mo, d, h, mi, s, ms);
  }

  @Override
  public String toString() {
    return "TimeParser["
        + kind
        + ", "
        + order
        + ", "
        + integerMode
        + ", "
        + Objects.toString(zone)
        + "]";
  }

  /** Used by tests: the instant of an epoch value as text. */
  static String instant(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }
}
