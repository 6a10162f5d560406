package dev.signalcheck.core.series;

import static dev.signalcheck.core.series.TimeParser.UNPARSEABLE;

/**
 * The lexical and calendar layer under {@link TimeParser} and {@link TimeSniffer}: the numeric
 * fields of a date-time string with an optional trailing UTC offset ({@link #scan}), the fast path
 * for the most common ISO form, integers and quarters, and proleptic Gregorian arithmetic. No
 * decision about a column is made here.
 */
final class TimeFields {
  final long[] v = new long[7];
  final int[] len = new int[7];
  int count;
  int offsetSeconds = Integer.MIN_VALUE;

  static TimeFields scan(String s) {
    TimeFields f = new TimeFields();
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

  /**
   * {@code YYYY-MM-DD HH:MM:SS} or with {@code T}; the most common form, read without allocation.
   */
  static long fastIso(String s) {
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

  static long fractionMillis(long v, int len) {
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
  static long epochMillis(long y, long mo, long d, long h, long mi, long s, long ms) {
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
}
