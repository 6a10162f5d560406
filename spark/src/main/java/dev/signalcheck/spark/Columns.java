package dev.signalcheck.spark;

import dev.signalcheck.core.errors.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Column names as the user wrote them matched to the input's, as the file reader matches them:
 * exactly, else ignoring case and surrounding spaces; an unknown name is a usage error that lists
 * the columns and the nearest one.
 */
final class Columns {
  private final List<String> columns;
  private final String input;

  Columns(List<String> columns, String input) {
    this.columns = List.copyOf(columns);
    this.input = input;
  }

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
    String all = columns.stream().limit(40).collect(Collectors.joining(", "));
    if (columns.size() > 40) {
      all += ", … (" + columns.size() + " in all)";
    }
    throw new UsageException(
        "column '"
            + name
            + "' ("
            + option
            + ") not found in "
            + input
            + "; columns are: "
            + all
            + hint);
  }

  List<String> resolveAll(List<String> names, String option) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(resolve(n, option));
    }
    return out;
  }

  int index(String resolved) {
    return columns.indexOf(resolved);
  }

  int[] indices(List<String> resolved) {
    int[] out = new int[resolved.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = index(resolved.get(i));
    }
    return out;
  }
}
