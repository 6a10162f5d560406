package dev.signalcheck.server;

import dev.signalcheck.core.errors.UsageException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Request parameters of the API and the dashboard, read the same way everywhere: a bad value is a
 * {@link UsageException} (400) or a 404 naming the value (clipped, control characters replaced),
 * never a stack trace.
 */
final class Params {
  private Params() {}

  /** A run id from the path: digits only, else a 404 (never a file name). */
  static long runId(String s) {
    if (s == null || !s.matches("[0-9]{1,18}")) {
      throw new HttpResponseException(404, "no run '" + clip(s) + "'; run ids are numbers");
    }
    return Long.parseLong(s);
  }

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[\\p{Cntrl}]", "?");
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  /** Days until a share expires (default 30; 0 or "never" for no expiry). */
  static Instant expiry(String days) {
    if (days == null || days.isBlank()) {
      return Instant.now().plus(Duration.ofDays(30));
    }
    if (days.equalsIgnoreCase("never")) {
      return null;
    }
    try {
      double d = Double.parseDouble(days);
      if (!(d >= 0) || d > 3650) {
        throw new NumberFormatException();
      }
      return d == 0 ? null : Instant.now().plusMillis((long) (d * 86_400_000L));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "expiresInDays must be a number of days from 0 (never) to 3650, not '"
              + clip(days)
              + "'");
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static Instant since(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(s);
    } catch (DateTimeException e) {
      throw new UsageException(
          "since '"
              + clip(s)
              + "' is not a date (2026-12-01) or an instant (2026-12-01T09:00:00Z)");
    }
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(
          name + " must be a whole number from " + min + " to " + max + ", not '" + clip(v) + "'");
    }
  }

  static String encodeCursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int cursor(String c) {
    if (c == null || c.isBlank()) {
      return 0;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(c.trim()), StandardCharsets.UTF_8);
      if (!s.startsWith("o:")) {
        throw new IllegalArgumentException();
      }
      int o = Integer.parseInt(s.substring(2));
      if (o < 0) {
        throw new IllegalArgumentException();
      }
      return o;
    } catch (IllegalArgumentException e) {
      throw new UsageException("cursor '" + clip(c) + "' is not one this server gave out");
    }
  }
}
