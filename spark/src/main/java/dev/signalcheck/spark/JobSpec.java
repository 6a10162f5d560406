package dev.signalcheck.spark;

import java.util.List;

/**
 * Everything one run of the job needs, validated; built by name with {@link #builder()}.
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

  /** A builder naming each component: see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link JobSpec} by component name. Unset lists are empty, the delimiter a comma, the
   * cap {@link #DEFAULT_MAX_ROWS}, flags false and the rest null.
   */
  public static final class Builder {
    private List<String> inputs = List.of();
    private String format;
    private Jdbc jdbc;
    private List<String> ids = List.of();
    private List<String> time = List.of();
    private List<String> targets = List.of();
    private List<String> labels = List.of();
    private String delimiter = ",";
    private boolean multiLine;
    private String decimal;
    private List<String> missingTokens = List.of();
    private String timeFormat;
    private String timezone;
    private SettingsSpec settings;
    private int maxRowsPerSeries = DEFAULT_MAX_ROWS;
    private String output;
    private boolean seriesInReport;

    private Builder() {}

    public Builder inputs(List<String> inputs) {
      this.inputs = inputs;
      return this;
    }

    public Builder format(String format) {
      this.format = format;
      return this;
    }

    public Builder jdbc(Jdbc jdbc) {
      this.jdbc = jdbc;
      return this;
    }

    public Builder ids(List<String> ids) {
      this.ids = ids;
      return this;
    }

    public Builder time(List<String> time) {
      this.time = time;
      return this;
    }

    public Builder targets(List<String> targets) {
      this.targets = targets;
      return this;
    }

    public Builder labels(List<String> labels) {
      this.labels = labels;
      return this;
    }

    public Builder delimiter(String delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    public Builder multiLine(boolean multiLine) {
      this.multiLine = multiLine;
      return this;
    }

    public Builder decimal(String decimal) {
      this.decimal = decimal;
      return this;
    }

    public Builder missingTokens(List<String> missingTokens) {
      this.missingTokens = missingTokens;
      return this;
    }

    public Builder timeFormat(String timeFormat) {
      this.timeFormat = timeFormat;
      return this;
    }

    public Builder timezone(String timezone) {
      this.timezone = timezone;
      return this;
    }

    public Builder settings(SettingsSpec settings) {
      this.settings = settings;
      return this;
    }

    public Builder maxRowsPerSeries(int maxRowsPerSeries) {
      this.maxRowsPerSeries = maxRowsPerSeries;
      return this;
    }

    public Builder output(String output) {
      this.output = output;
      return this;
    }

    public Builder seriesInReport(boolean seriesInReport) {
      this.seriesInReport = seriesInReport;
      return this;
    }

    public JobSpec build() {
      return new JobSpec(
          inputs,
          format,
          jdbc,
          ids,
          time,
          targets,
          labels,
          delimiter,
          multiLine,
          decimal,
          missingTokens,
          timeFormat,
          timezone,
          settings,
          maxRowsPerSeries,
          output,
          seriesInReport);
    }
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
