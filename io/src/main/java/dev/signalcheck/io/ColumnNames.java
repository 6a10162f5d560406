package dev.signalcheck.io;

import dev.signalcheck.core.errors.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the column a user named in an option: the exact name, else the name ignoring case and
 * surrounding spaces; otherwise a usage error that lists the columns and suggests the closest name.
 */
final class ColumnNames {

  private final List<String> columns;
  private final String displayName;

  /**
   * @param columns the columns of the input, in order
   * @param displayName the input's name in messages
   */
  ColumnNames(List<String> columns, String displayName) {
    this.columns = columns;
    this.displayName = displayName;
  }

  /**
   * The column named {@code name}.
   *
   * @param option the option that named it, for the message
   * @throws UsageException when no column has that name
   */
  String resolve(String name, String option) {
    for (String c : columns) {
      if (c.equals(name)) {
        return c;
      }
    }
    for (String c : columns) {
      if (c.trim().equalsIgnoreCase(name.trim())) {
        return c;
      }
    }
    LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : columns) {
      int d = lev.apply(c.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    String hint =
        best != null && bestD <= Math.max(2, name.length() / 3)
            ? " (did you mean '" + best + "'?)"
            : "";
    throw new UsageException(
        "column '"
            + name
            + "' ("
            + option
            + ") not found in "
            + displayName
            + "; columns are: "
            + list()
            + hint);
  }

  /** {@link #resolve} of each name, in order. */
  List<String> resolveAll(List<String> names, String option) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(resolve(n, option));
    }
    return out;
  }

  /** The columns for a message: the first 40, and how many in all when there are more. */
  String list() {
    String all = columns.stream().limit(40).collect(Collectors.joining(", "));
    return columns.size() > 40 ? all + ", … (" + columns.size() + " in all)" : all;
  }
}
