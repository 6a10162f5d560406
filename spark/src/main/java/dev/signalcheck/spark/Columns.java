package dev.signalcheck.spark;

import dev.signalcheck.io.ColumnNames;
import java.util.List;

/**
 * Column names as the user wrote them matched to the input's by the file reader's own {@link
 * ColumnNames} (exactly, else ignoring case and surrounding spaces; an unknown name is a usage
 * error that lists the columns and the nearest one), and their positions in the rows.
 */
final class Columns {
  private final List<String> columns;
  private final ColumnNames names;

  Columns(List<String> columns, String input) {
    this.columns = List.copyOf(columns);
    this.names = new ColumnNames(this.columns, input);
  }

  String resolve(String name, String option) {
    return names.resolve(name, option);
  }

  List<String> resolveAll(List<String> names, String option) {
    return this.names.resolveAll(names, option);
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
