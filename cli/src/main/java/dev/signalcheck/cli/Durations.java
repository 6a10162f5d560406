package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as options take them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 3h}, {@code 1d} or
 * ISO 8601.
 */
final class Durations {
  private Durations() {}

  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  static Duration parse(String text, String option) {
    if (text == null) {
      return null;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    try {
      if (m.matches()) {
        double v = Double.parseDouble(m.group(1));
        long unit =
            switch (m.group(2)) {
              case "ms" -> 1;
              case "s" -> 1000;
              case "m" -> 60_000;
              case "h" -> 3_600_000;
              default -> 86_400_000;
            };
        Duration d = Duration.ofMillis(Math.round(v * unit));
        if (!d.isZero()) {
          return d;
        }
      } else {
        Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        if (!d.isNegative() && !d.isZero()) {
          return d;
        }
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new UsageException(
        option + " '" + text + "' is not a duration; use e.g. 30s, 500ms, 2m, 3h, 1d or PT30S");
  }
}
