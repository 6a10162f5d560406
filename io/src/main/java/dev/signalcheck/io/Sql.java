package dev.signalcheck.io;

/**
 * Quoting for DuckDB SQL. User text only ever enters SQL as a quoted identifier or a bound value.
 */
final class Sql {
  private Sql() {}

  /** A double-quoted identifier; embedded quotes are doubled, so any column name is safe. */
  static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A single-quoted string literal (for the few places that do not take bound parameters). */
  static String literal(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL character in SQL text");
    }
    return '\'' + text.replace("'", "''") + '\'';
  }

  /** The first line of a database error message, trimmed, for a one-line error. */
  static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    String t = s.replace("\r", "").trim();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).trim();
  }
}
