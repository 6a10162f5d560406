package dev.signalcheck.io;

import dev.signalcheck.core.errors.UsageException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a column writes decimals with a comma, decided from a sample of its values. A comma
 * followed by exactly three digits ({@code 1,037}) may be a thousands separator as well: with
 * nothing else to tell (no value such as {@code 2,5}, {@code 1,234,567} or {@code 1,234.5}) it is a
 * usage error asking for {@code --decimal}, never a silent guess. Thousands separators are removed
 * when the values are read ({@link CellSql#valueText}).
 */
final class DecimalComma {
  private DecimalComma() {}

  private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
  private static final Pattern GROUPED_COMMA = Pattern.compile("-?[1-9]\\d{0,2}(,\\d{3})+");
  private static final Pattern GROUPED_COMMA_SURE =
      Pattern.compile("-?[1-9]\\d{0,2}((,\\d{3}){2,}(\\.\\d+)?|(,\\d{3})+\\.\\d+)");
  private static final Pattern POINT_DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  /**
   * @param sample present values of the column
   * @param col the column's name, for the message
   * @param displayName the input's name, for the message
   * @throws UsageException when commas followed by three digits are all there is to tell
   */
  static boolean inSample(List<String> sample, String col, String displayName) {
    if (sample.isEmpty()) {
      return false;
    }
    long decimal = 0;
    long grouped = 0;
    String groupedExample = null;
    boolean sureGrouped = false;
    boolean point = false;
    for (String raw : sample) {
      String v = raw.trim();
      if (GROUPED_COMMA_SURE.matcher(v).matches()) {
        sureGrouped = true;
      } else if (GROUPED_COMMA.matcher(v).matches()) {
        grouped++;
        if (groupedExample == null) {
          groupedExample = v;
        }
      } else if (DECIMAL_COMMA.matcher(v).matches()) {
        decimal++;
      } else if (POINT_DECIMAL.matcher(v).matches()) {
        point = true;
      }
    }
    if (decimal > 0 && decimal + grouped >= 0.1 * sample.size() && !point && !sureGrouped) {
      return true;
    }
    if (grouped > 0 && decimal == 0 && !point && !sureGrouped && grouped >= 0.1 * sample.size()) {
      String v = groupedExample;
      throw new UsageException(
          "column '"
              + col
              + "' of "
              + displayName
              + " has values such as '"
              + v
              + "' that read as "
              + v.replace(",", "")
              + " (a thousands separator) or as "
              + v.replace(",", ".")
              + " (a decimal comma); say which with --decimal . or --decimal ,");
    }
    return false;
  }
}
