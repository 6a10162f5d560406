package dev.signalcheck.core.text;

import java.util.Locale;

/**
 * The one place that turns numbers into words for messages, headlines and reasons, so every
 * sentence formats a statistic, a share, a p-value or a count the same way. Locale-independent.
 */
public final class Prose {
  private Prose() {}

  /**
   * A statistic such as a MASE or a correlation: two decimals below 10, one from 10 on; {@code
   * undefined} when not finite.
   */
  public static String stat(double x) {
    if (!Double.isFinite(x)) {
      return "undefined";
    }
    return String.format(Locale.ROOT, Math.abs(x) >= 10 ? "%.1f" : "%.2f", x);
  }

  /** A share as a whole percentage: 0.123 → {@code 12%}. */
  public static String percent(double share) {
    if (!Double.isFinite(share)) {
      return "undefined";
    }
    return Math.round(share * 100) + "%";
  }

  /**
   * A share of the data with one decimal: 0.0123 → {@code 1.2%}; a positive share below 0.1% is
   * {@code <0.1%}, so that a few rows never read as none.
   */
  public static String share(double share) {
    if (!Double.isFinite(share)) {
      return "undefined";
    }
    if (share > 0 && share < 0.001) {
      return "<0.1%";
    }
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** {@code part} of {@code whole} as a share with one decimal; {@code 0%} of nothing. */
  public static String share(long part, long whole) {
    return whole <= 0 ? "0%" : share(part / (double) whole);
  }

  /**
   * A p-value: {@code p < 0.001}, {@code p = 0.004}, {@code p = 0.23}; {@code noTest} when it is
   * not finite (no test possible).
   */
  public static String pValue(double p, String noTest) {
    if (!Double.isFinite(p)) {
      return noTest;
    }
    if (p < 0.001) {
      return "p < 0.001";
    }
    return String.format(Locale.ROOT, p < 0.01 ? "p = %.3f" : "p = %.2f", p);
  }

  /** A p-value, with {@code no test possible} when it is not finite. */
  public static String pValue(double p) {
    return pValue(p, "no test possible");
  }

  /**
   * A reading as the data wrote it: whole numbers without decimals (-200, 9999), others with up to
   * six significant digits and no trailing zeros.
   */
  public static String value(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "NaN" : (v > 0 ? "+∞" : "-∞");
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains("e") || s.contains("E")) {
      int e = s.indexOf('e') >= 0 ? s.indexOf('e') : s.indexOf('E');
      return stripZeros(s.substring(0, e)) + s.substring(e);
    }
    return stripZeros(s);
  }

  private static String stripZeros(String s) {
    if (!s.contains(".")) {
      return s;
    }
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '0') {
      end--;
    }
    if (end > 0 && s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** A count with its noun: {@code 1 gap}, {@code 3 gaps}; the plural adds "s". */
  public static String count(long n, String singular) {
    return count(n, singular, singular + "s");
  }

  /**
   * A count with its noun in the right number: {@code 1 series}, {@code 1 entry}, {@code 2
   * entries}.
   */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** The noun alone in the right number for {@code n}. */
  public static String plural(long n, String singular, String plural) {
    return n == 1 ? singular : plural;
  }

  /** A relative gain in words: {@code 12% better}, {@code 3% worse}, {@code no better}. */
  public static String betterOrWorse(double gain) {
    long pc = Math.round(Math.abs(gain) * 100);
    if (pc == 0 || !Double.isFinite(gain)) {
      return "no better";
    }
    return pc + "% " + (gain > 0 ? "better" : "worse");
  }

  /** The sentence with its first letter upper-cased. */
  public static String capitalise(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * Whole numbers as ranges, in words: [1, 2, 3, 5, 7, 8] → {@code 1–3, 5 and 7–8}; sorted input
   * expected, empty for none.
   */
  public static String ranges(java.util.List<Integer> values) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    int i = 0;
    while (i < values.size()) {
      int j = i;
      while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
        j++;
      }
      parts.add(j == i ? String.valueOf(values.get(i)) : values.get(i) + "–" + values.get(j));
      i = j + 1;
    }
    return list(parts);
  }

  /** Names as a list in words: {@code a}, {@code a and b}, {@code a, b and c}. */
  public static String list(java.util.List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
