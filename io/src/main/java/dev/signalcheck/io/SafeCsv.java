package dev.signalcheck.io;

/**
 * CSV cells that are safe to open in a spreadsheet: a cell that starts with {@code = + - @}, a tab
 * or a carriage return gets a leading apostrophe so that it is not run as a formula, and every cell
 * is quoted (RFC 4180: embedded quotes doubled), so commas and line breaks stay inside it.
 */
public final class SafeCsv {
  private SafeCsv() {}

  public static String cell(String v) {
    String s = v == null ? "" : v;
    if (!s.isEmpty()) {
      char c = s.charAt(0);
      if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
        s = "'" + s;
      }
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
