package dev.signalcheck.cli;

/**
 * Text made safe for a terminal: names and values from the input may hold ANSI escape sequences
 * (which can clear or retitle the terminal), other C0 and C1 control characters, or bidirectional
 * overrides (which reorder the rest of the line). Each is written as a visible escape ({@code \e},
 * {@code \u202e}); tabs become a space.
 */
final class TerminalText {
  private TerminalText() {}

  /** The text with every control and bidi-formatting character escaped; null stays null. */
  static String safe(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = replacement(c);
      if (rep == null) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      b.append(rep);
    }
    return b == null ? s : b.toString();
  }

  private static String replacement(char c) {
    if (c == '\t') {
      return " ";
    }
    if (c == 0x1b) {
      return "\\e";
    }
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || bidi(c)) {
      return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
    }
    return null;
  }

  /** Bidirectional embeddings, overrides, isolates and marks (U+200E/F, U+202A–E, U+2066–9). */
  static boolean bidi(char c) {
    return c == 0x200e
        || c == 0x200f
        || c == 0x061c
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
