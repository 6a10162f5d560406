package dev.signalcheck.core.series;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The sampling step of a series: a fixed duration, a number of calendar months, or a number of
 * index units. Positions on the regular grid are counted in steps from the first time stamp.
 */
public record Step(Kind kind, long amount) {

  public enum Kind {
    /** {@code amount} milliseconds. */
    FIXED,
    /** {@code amount} calendar months (P1M, P3M, P1Y = 12). */
    MONTHS,
    /** {@code amount} units of an integer index. */
    INDEX
  }

  public Step {
    if (amount <= 0) {
      throw new IllegalArgumentException("step must be positive");
    }
  }

  public static Step millis(long ms) {
    return new Step(Kind.FIXED, ms);
  }

  public static Step months(long n) {
    return new Step(Kind.MONTHS, n);
  }

  public static Step index(long n) {
    return new Step(Kind.INDEX, n);
  }

  /**
   * Parses {@code --step}: an ISO 8601 duration ({@code PT5M}, {@code P1D}, {@code P1W}, {@code
   * P1M}, {@code P3M}, {@code P1Y}) or a plain positive integer for an index.
   */
  public static Step parse(String text) {
    String s = text.trim().toUpperCase(java.util.Locale.ROOT);
    if (s.matches("\\d+")) {
      return index(Long.parseLong(s));
    }
    java.util.regex.Matcher cal = java.util.regex.Pattern.compile("P(\\d+)([YMWD])").matcher(s);
    if (cal.matches()) {
      long n = Long.parseLong(cal.group(1));
      switch (cal.group(2)) {
        case "Y":
          return months(12 * n);
        case "M":
          return months(n);
        case "W":
          return millis(n * 7 * 86_400_000L);
        default:
          return millis(n * 86_400_000L);
      }
    }
    return millis(Duration.parse(s).toMillis());
  }

  /**
   * ISO 8601 form, e.g. {@code PT5M}, {@code P1D}, {@code P1M}; an index step is written as its
   * number.
   */
  public String iso() {
    switch (kind) {
      case INDEX:
        return Long.toString(amount);
      case MONTHS:
        if (amount % 12 == 0) {
          return "P" + amount / 12 + "Y";
        }
        return "P" + amount + "M";
      default:
        if (amount % (7 * 86_400_000L) == 0) {
          return "P" + amount / (7 * 86_400_000L) + "W";
        }
        if (amount % 86_400_000L == 0) {
          return "P" + amount / 86_400_000L + "D";
        }
        return Duration.ofMillis(amount).toString();
    }
  }

  /**
   * The position of time {@code t} on the grid that starts at {@code t0}, in steps (fractional when
   * {@code t} is off the grid).
   */
  public double position(long t0, long t) {
    switch (kind) {
      case MONTHS:
        return monthsBetween(t0, t) / (double) amount;
      default:
        return (t - t0) / (double) amount;
    }
  }

  /** The time {@code k} steps after {@code t0}. */
  public long advance(long t0, long k) {
    if (kind == Kind.MONTHS) {
      ZonedDateTime z = Instant.ofEpochMilli(t0).atZone(ZoneOffset.UTC);
      return z.plusMonths(k * amount).toInstant().toEpochMilli();
    }
    return t0 + k * amount;
  }

  /** Fractional calendar months from a to b (day-of-month and time as a fraction of 31 days). */
  static double monthsBetween(long a, long b) {
    ZonedDateTime za = Instant.ofEpochMilli(a).atZone(ZoneOffset.UTC);
    ZonedDateTime zb = Instant.ofEpochMilli(b).atZone(ZoneOffset.UTC);
    long whole = (zb.getYear() - za.getYear()) * 12L + (zb.getMonthValue() - za.getMonthValue());
    double fa = (za.getDayOfMonth() - 1) + za.toLocalTime().toSecondOfDay() / 86_400.0;
    double fb = (zb.getDayOfMonth() - 1) + zb.toLocalTime().toSecondOfDay() / 86_400.0;
    return whole + (fb - fa) / 31.0;
  }

  /** The default seasonal period for this step (contract.md). */
  public int defaultSeason() {
    switch (kind) {
      case INDEX:
        return 1;
      case MONTHS:
        if (amount == 1) {
          return 12;
        }
        if (amount == 3) {
          return 4;
        }
        return 1;
      default:
        long day = 86_400_000L;
        if (amount == 7 * day) {
          return 52;
        }
        if (amount == day) {
          return 7;
        }
        if (amount < day && day % amount == 0) {
          return (int) (day / amount);
        }
        return 1;
    }
  }

  /** The default horizon (contract.md): the M4 horizons, otherwise one season within [6, n/5]. */
  public int defaultHorizon(int season, int n) {
    long day = 86_400_000L;
    if (kind == Kind.FIXED && amount == 3_600_000L) {
      return 48;
    }
    if (kind == Kind.FIXED && amount == day) {
      return 14;
    }
    if (kind == Kind.FIXED && amount == 7 * day) {
      return 13;
    }
    if (kind == Kind.MONTHS && amount == 1) {
      return 18;
    }
    if (kind == Kind.MONTHS && amount == 3) {
      return 8;
    }
    if (kind == Kind.MONTHS && amount == 12) {
      return 6;
    }
    int h = Math.max(6, season);
    return Math.max(1, Math.min(h, n / 5));
  }
}
