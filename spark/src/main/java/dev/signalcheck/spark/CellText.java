package dev.signalcheck.spark;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A table cell as text and as a number, exactly as the file reader ({@code TableReader}, through
 * DuckDB) sees it, so that the Spark job builds the same series from the same data: {@link #of} is
 * DuckDB's {@code CAST(x AS VARCHAR)}, {@link #trim} its {@code trim()}, {@link #number} its {@code
 * TRY_CAST(x AS DOUBLE)}. Pure Java, no Spark.
 */
final class CellText {
  private CellText() {}

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  /**
   * The cell as DuckDB writes it with {@code CAST(x AS VARCHAR)}; null for null. Numbers in a form
   * that reads back to the same value, times as {@code 2014-01-01 00:00:00[.fff]} (instants in UTC
   * with {@code +00}), dates as {@code 2014-01-01}.
   */
  static String of(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Double d) {
      return doubleText(d);
    }
    if (v instanceof Float f) {
      if (f.isNaN() || f.isInfinite()) {
        return doubleText(f.doubleValue());
      }
      return Float.toString(f);
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof LocalDateTime t) {
      return localText(t);
    }
    if (v instanceof Instant i) {
      return localText(LocalDateTime.ofInstant(i, ZoneOffset.UTC)) + "+00";
    }
    if (v instanceof java.sql.Timestamp ts) {
      return localText(LocalDateTime.ofInstant(ts.toInstant(), ZoneOffset.UTC)) + "+00";
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof byte[] b) {
      return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
    return v.toString();
  }

  private static String doubleText(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return Double.toString(d);
  }

  /** Seconds, then the fraction without trailing zeros, as DuckDB writes a TIMESTAMP. */
  private static String localText(LocalDateTime t) {
    String s = t.format(SECONDS);
    int nanos = t.getNano();
    if (nanos == 0) {
      return s;
    }
    String frac = String.format(java.util.Locale.ROOT, "%09d", nanos);
    int end = frac.length();
    while (end > 1 && frac.charAt(end - 1) == '0') {
      end--;
    }
    return s + "." + frac.substring(0, end);
  }

  /** DuckDB's {@code trim()}: removes space separators (U+0020, U+00A0, …), not control chars. */
  static String trim(String s) {
    if (s == null) {
      return null;
    }
    int a = 0;
    int b = s.length();
    while (a < b && isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isSpace(s.charAt(b - 1))) {
      b--;
    }
    return a == 0 && b == s.length() ? s : s.substring(a, b);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean isCastSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /**
   * DuckDB's {@code TRY_CAST(s AS DOUBLE)}: ASCII white space around, an optional {@code +} then an
   * optional {@code -}, then {@code inf}, {@code infinity} or {@code nan} in any case, or a decimal
   * number with an optional exponent where single underscores may stand between digits. Returns
   * null when {@code s} is not such a number.
   */
  static Double number(String s) {
    if (s == null) {
      return null;
    }
    int a = 0;
    int b = s.length();
    while (a < b && isCastSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isCastSpace(s.charAt(b - 1))) {
      b--;
    }
    if (a == b) {
      return null;
    }
    boolean negative = false;
    if (s.charAt(a) == '+') {
      a++;
    }
    if (a < b && s.charAt(a) == '-') {
      negative = true;
      a++;
    }
    if (a == b) {
      return null;
    }
    String body = s.substring(a, b);
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    Cursor c = new Cursor(body, negative);
    int intDigits = c.digits();
    if (intDigits < 0) {
      return null;
    }
    int fracDigits = 0;
    if (c.at('.')) {
      c.take();
      fracDigits = c.digits();
      if (fracDigits < 0) {
        return null;
      }
    }
    if (intDigits == 0 && fracDigits == 0) {
      return null;
    }
    if (c.at('e') || c.at('E')) {
      c.take();
      if (c.at('+') || c.at('-')) {
        c.take();
      }
      if (c.digits() <= 0) {
        return null;
      }
    }
    if (!c.done()) {
      return null;
    }
    return Double.parseDouble(c.out.toString());
  }

  /** Reads a number's text left to right, keeping what {@link Double#parseDouble} needs. */
  private static final class Cursor {
    final String s;
    final StringBuilder out;
    int i;

    Cursor(String s, boolean negative) {
      this.s = s;
      this.out = new StringBuilder(s.length() + 1);
      if (negative) {
        out.append('-');
      }
    }

    boolean at(char ch) {
      return i < s.length() && s.charAt(i) == ch;
    }

    void take() {
      out.append(s.charAt(i++));
    }

    boolean done() {
      return i == s.length();
    }

    /** Digits with single underscores between them; how many digits, or -1 for a stray '_'. */
    int digits() {
      int from = i;
      int count = 0;
      while (i < s.length()) {
        char ch = s.charAt(i);
        if (isDigit(ch)) {
          out.append(ch);
          count++;
          i++;
        } else if (ch == '_') {
          boolean before = i > from && isDigit(s.charAt(i - 1));
          boolean after = i + 1 < s.length() && isDigit(s.charAt(i + 1));
          if (!before || !after) {
            return -1;
          }
          i++;
        } else {
          break;
        }
      }
      return count;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
