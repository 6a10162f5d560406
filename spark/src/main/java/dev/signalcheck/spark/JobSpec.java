package dev.signalcheck.spark;

import java.util.List;

/**
 * Everything one run of the job needs, validated.
 *
 * @param inputs files, folders or globs (Spark's paths); empty for a JDBC input
 * @param format csv, parquet, json, or jdbc
 * @param jdbc the JDBC source when {@code format} is jdbc, else null
 * @param ids series key columns (long layout)
 * @param time the time column, or a date and a time-of-day column
 * @param targets value columns
 * @param labels categorical columns checked for variant spellings
 * @param delimiter CSV delimiter
 * @param multiLine whether quoted CSV fields may hold line breaks (the file is then not split)
 * @param decimal decimal separator, or null to detect per column
 * @param missingTokens extra tokens that mean missing
 * @param timeFormat null, or a {@code --time-format} value
 * @param timezone zone of time stamps without offset, or null
 * @param settings the audit settings
 * @param maxRowsPerSeries rows of one series an executor holds at most (the most recent are kept)
 * @param output the output folder
 * @param seriesInReport whether report.json lists every series in full, as the command line's does
 */
public record JobSpec(
    List<String> inputs,
    String format,
    Jdbc jdbc,
    List<String> ids,
    List<String> time,
    List<String> targets,
    List<String> labels,
    String delimiter,
    boolean multiLine,
    String decimal,
    List<String> missingTokens,
    String timeFormat,
    String timezone,
    SettingsSpec settings,
    int maxRowsPerSeries,
    String output,
    boolean seriesInReport) {

  /** Rows of one series audited at most by default: far above the backtest's training cap. */
  static final int DEFAULT_MAX_ROWS = 100_000;

  public JobSpec {
    inputs = List.copyOf(inputs);
    ids = List.copyOf(ids);
    time = List.copyOf(time);
    targets = List.copyOf(targets);
    labels = List.copyOf(labels);
    missingTokens = List.copyOf(missingTokens);
  }

  /**
   * A table read through Spark's JDBC source. The password never appears in a report or message.
   *
   * @param url the JDBC URL
   * @param table a table name, or null
   * @param query a query, or null
   * @param user the user, or null
   * @param password the password, or null
   */
  public record Jdbc(String url, String table, String query, String user, String password) {
    @Override
    public String toString() {
      return "Jdbc[" + url + ", " + (table != null ? table : "query") + "]";
    }
  }

  /** The input as users know it: a file name, the paths given, or the table. */
  String displayName() {
    if (jdbc != null) {
      return jdbc.table() != null ? jdbc.table() : "query";
    }
    if (inputs.size() == 1) {
      String p = inputs.get(0);
      String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
      int slash = trimmed.lastIndexOf('/');
      return slash >= 0 ? trimmed.substring(slash + 1) : trimmed;
    }
    return String.join(", ", inputs);
  }
}
