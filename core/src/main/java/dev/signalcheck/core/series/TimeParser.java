// Over 400 lines on purpose: one grammar of time stamps (formats, detection, ambiguity rules) whose
// rules must be read together to see which wins.
package dev.signalcheck.core.series;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
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
 * time-of-day separator may be {@code :} or {@code .}.
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

  private TimeParser(
      TimeKind kind, Order order, IntegerMode integerMode, ZoneId zone, ZoneId displayZone) {
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
      Fields fl = Fields.scan(s);
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
    Fields f = Fields.scan(s);
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
   * {@code YYYY-MM-DD HH:MM:SS} or with {@code T}; the most common form, read without allocation.
   */
  private static long fastIso(String s) {
    if (s.length() != 19) {
      return UNPARSEABLE;
    }
    char c10 = s.charAt(10);
    if (s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (c10 != ' ' && c10 != 'T')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return UNPARSEABLE;
    }
    int y = digits(s, 0, 4);
    int mo = digits(s, 5, 2);
    int d = digits(s, 8, 2);
    int h = digits(s, 11, 2);
    int mi = digits(s, 14, 2);
    int se = digits(s, 17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0 || h > 24 || mi > 59 || se > 60) {
      return UNPARSEABLE;
    }
    return epochMillis(y, mo, d, h, mi, se, 0);
  }

  private static int digits(String s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static long fractionMillis(long v, int len) {
    double frac = v / Math.pow(10, len);
    return Math.round(frac * 1000);
  }

  static boolean isInteger(String s) {
    int n = s.length();
    if (n == 0 || n > 18) {
      return false;
    }
    int i = s.charAt(0) == '-' ? 1 : 0;
    if (i == n) {
      return false;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static final java.util.regex.Pattern QUARTER =
      java.util.regex.Pattern.compile(
          "(?i)(\\d{4})\\s*[-/ ]?\\s*Q([1-4])|Q([1-4])\\s*[-/ ]?\\s*(\\d{4})");

  static long quarter(String s) {
    if (s.indexOf('Q') < 0 && s.indexOf('q') < 0) {
      return UNPARSEABLE;
    }
    java.util.regex.Matcher m = QUARTER.matcher(s);
    if (!m.matches()) {
      return UNPARSEABLE;
    }
    long y = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(4));
    int q = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
    return epochMillis(y, 3L * (q - 1) + 1, 1, 0, 0, 0, 0);
  }

  /**
   * Epoch milliseconds of a proleptic Gregorian date-time as if in UTC; UNPARSEABLE when invalid.
   */
  public static long epochMillis(long y, long mo, long d, long h, long mi, long s, long ms) {
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, (int) mo) || y < -9999 || y > 99999) {
      return UNPARSEABLE;
    }
    long days = daysFromCivil(y, mo, d);
    return ((days * 24 + h) * 60 + mi) * 60_000L + s * 1000L + ms;
  }

  static int daysInMonth(long y, int m) {
    switch (m) {
      case 2:
        boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-from-days inverse). */
  static long daysFromCivil(long y, long m, long d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /** Numeric fields of a date-time string plus an optional trailing UTC offset. */
  static final class Fields {
    final long[] v = new long[7];
    final int[] len = new int[7];
    int count;
    int offsetSeconds = Integer.MIN_VALUE;

    static Fields scan(String s) {
      Fields f = new Fields();
      int n = s.length();
      int end = n;
      // a trailing Z / UTC / +hh[:mm] offset, only after a time part
      if (s.endsWith("Z") || s.endsWith("z")) {
        end = n - 1;
        f.offsetSeconds = 0;
      } else if (s.endsWith(" UTC") || s.endsWith(" GMT")) {
        end = n - 4;
        f.offsetSeconds = 0;
      } else {
        int p = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        if (p >= 13) {
          String off = s.substring(p + 1);
          int sign = s.charAt(p) == '-' ? -1 : 1;
          int oh = -1;
          int om = 0;
          if (off.matches("\\d{2}")) {
            oh = Integer.parseInt(off);
          } else if (off.matches("\\d{2}:?\\d{2}")) {
            oh = Integer.parseInt(off.substring(0, 2));
            om = Integer.parseInt(off.substring(off.length() - 2));
          }
          if (oh >= 0 && oh <= 18 && om < 60) {
            end = p;
            f.offsetSeconds = sign * (oh * 3600 + om * 60);
          }
        }
      }
      int i = 0;
      while (i < end) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          if (f.count == 7) {
            return null;
          }
          long val = 0;
          int start = i;
          while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 18) {
            val = val * 10 + (s.charAt(i) - '0');
            i++;
          }
          f.v[f.count] = val;
          f.len[f.count] = i - start;
          f.count++;
        } else if (c == '-' || c == '/' || c == '.' || c == ':' || c == ' ' || c == 'T' || c == ','
            || c == 't') {
          i++;
        } else {
          return null;
        }
      }
      if (f.count < 2) {
        return null;
      }
      if (f.count == 2 && f.len[0] != 4) {
        return null;
      }
      if (f.count < 3 && f.offsetSeconds != Integer.MIN_VALUE) {
        return null;
      }
      if (f.count >= 3) {
        // a date needs a 4-digit year first or last, or a 2-digit year last
        boolean ymd = f.len[0] == 4;
        boolean yLast = f.len[2] == 4 || f.len[2] == 2;
        if (!ymd && !(yLast && f.len[0] <= 2 && f.len[1] <= 2)) {
          return null;
        }
        if (ymd && (f.len[1] > 2 || f.len[2] > 2)) {
          return null;
        }
      }
      if (f.count == 4) {
        return null;
      }
      return f;
    }
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
