package dev.signalcheck.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and times as the ledger commands print them. */
final class LedgerText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private LedgerText() {}

  static String time(Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  static String num(Double v) {
    return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  static String signed(double v) {
    return String.format(Locale.ROOT, "%+.3f", v);
  }

  static String clip(String s, int width) {
    if (s == null) {
      return "-";
    }
    return s.length() <= width ? s : s.substring(0, Math.max(1, width - 1)) + "…";
  }
}
