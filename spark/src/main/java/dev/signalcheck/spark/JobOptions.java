package dev.signalcheck.spark;

import dev.signalcheck.core.audit.ModelNames;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The job's options, a mixin of {@link SparkAudit}: what to read, how, the audit settings and where
 * to write, with their validation into a {@link JobSpec}. How Spark runs (master, partitions) and
 * how errors are shown stay with the command.
 */
final class JobOptions {
  @Option(
      names = "--input",
      split = ",",
      paramLabel = "PATH",
      description = "Files, folders or globs Spark can read (local, hdfs://, s3a://, …).")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FMT",
      description =
          "csv, parquet or json (default: from the first path's extension; csv otherwise).")
  String format;

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "Read a database table instead.")
  String jdbcUrl;

  @Option(names = "--table", paramLabel = "NAME", description = "The table (with --jdbc-url).")
  String table;

  @Option(names = "--query", paramLabel = "SQL", description = "A query (with --jdbc-url).")
  String query;

  @Option(
      names = "--jdbc-user",
      paramLabel = "USER",
      description = "Database user (default: $SIGNALCHECK_JDBC_USER).")
  String jdbcUser;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "File holding the database password (default: $SIGNALCHECK_JDBC_PASSWORD); never echoed.")
  Path passwordFile;

  @Option(names = "--id", split = ",", paramLabel = "COL", description = "Series key columns.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--time",
      split = ",",
      paramLabel = "COL",
      required = true,
      description = "Time column (or a date and a time-of-day column).")
  List<String> time = new ArrayList<>();

  @Option(
      names = "--target",
      split = ",",
      paramLabel = "COL",
      required = true,
      description = "Value columns, one series each (per key).")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--labels",
      split = ",",
      paramLabel = "COL",
      description = "Categorical columns to check for variant spellings.")
  List<String> labels = new ArrayList<>();

  @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default ',').")
  String delimiter;

  @Option(
      names = "--multiline",
      description = "Quoted CSV fields may hold line breaks (each file is then read whole).")
  boolean multiLine;

  @Option(names = "--decimal", paramLabel = "SEP", description = "Decimal separator: . or ,")
  String decimal;

  @Option(
      names = "--missing",
      split = ",",
      paramLabel = "TOKENS",
      description = "Extra tokens that mean missing.")
  List<String> missing = new ArrayList<>();

  @Option(
      names = "--time-format",
      paramLabel = "FMT",
      description = "epoch-s, epoch-ms, index, year, ymd, dmy or mdy.")
  String timeFormat;

  @Option(names = "--timezone", paramLabel = "ZONE", description = "Zone of times without offset.")
  String timezone;

  @Option(names = "--step", paramLabel = "DURATION", description = "Sampling step (PT5M, P1D, 7).")
  String step;

  @Option(names = "--season", paramLabel = "M", description = "Seasonal period in steps.")
  Integer season;

  @Option(names = "--horizon", paramLabel = "H", description = "Forecast horizon in steps.")
  Integer horizon;

  @Option(
      names = "--origins",
      paramLabel = "K",
      defaultValue = "3",
      description = "Rolling forecast origins (default: ${DEFAULT-VALUE}).")
  int origins;

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "LIST",
      description = "Models to backtest (default: all).")
  List<String> models = new ArrayList<>();

  @Option(names = "--min", paramLabel = "X", description = "Physically possible minimum.")
  Double min;

  @Option(names = "--max", paramLabel = "X", description = "Physically possible maximum.")
  Double max;

  @Option(
      names = "--max-train",
      paramLabel = "N",
      description = "Longest history the backtest fits on before its first origin (default 10000).")
  Integer maxTrain;

  @Option(
      names = "--max-rows-per-series",
      paramLabel = "N",
      description =
          "Rows of one series an executor holds at most; longer series are audited on their most"
              + " recent N rows, the rest counted (default: "
              + JobSpec.DEFAULT_MAX_ROWS
              + ").")
  Integer maxRows;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder.")
  String output;

  @Option(
      names = "--series-in-report",
      description =
          "List every series in full in report.json, as 'signalcheck audit' does (default: the"
              + " summary only; the series are in series.parquet and findings.parquet).")
  boolean seriesInReport;

  /** The validated job. */
  JobSpec spec() {
    if (horizon != null && horizon < 1) {
      throw new UsageException("--horizon must be a positive number of steps, not " + horizon);
    }
    if (season != null && season < 1) {
      throw new UsageException("--season must be a positive number of steps, not " + season);
    }
    if (origins < 1) {
      throw new UsageException("--origins must be at least 1, not " + origins);
    }
    if (min != null && max != null && min > max) {
      throw new UsageException("--min (" + min + ") is above --max (" + max + ")");
    }
    if (maxTrain != null && maxTrain < 10) {
      throw new UsageException("--max-train must be at least 10 points, not " + maxTrain);
    }
    int cap = maxRows == null ? JobSpec.DEFAULT_MAX_ROWS : maxRows;
    if (cap < 10) {
      throw new UsageException("--max-rows-per-series must be at least 10, not " + cap);
    }
    String stepIso = null;
    if (step != null) {
      try {
        stepIso = Step.parse(step).iso();
      } catch (RuntimeException e) {
        throw new UsageException(
            "--step '"
                + step
                + "' is not an ISO 8601 duration (PT5M, PT1H, P1D, P1M) or a positive integer");
      }
    }
    List<String> modelNames;
    try {
      modelNames = ModelNames.of(models);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (--models)");
    }
    if (timezone != null) {
      try {
        ZoneId.of(timezone);
      } catch (RuntimeException e) {
        throw new UsageException(
            "--timezone '" + timezone + "' is not a time zone (e.g. Europe/Berlin, UTC)");
      }
    }
    if (decimal != null && !decimal.equals(".") && !decimal.equals(",")) {
      throw new UsageException("--decimal must be . or , not '" + decimal + "'");
    }
    if (time.size() > 2) {
      throw new UsageException(
          "--time takes one column, or two (a date and a time-of-day column); got " + time.size());
    }
    JobSpec.Jdbc jdbc = null;
    String fmt;
    if (jdbcUrl != null) {
      if (!inputs.isEmpty()) {
        throw new UsageException("pass either --input or --jdbc-url, not both");
      }
      if ((table == null) == (query == null)) {
        throw new UsageException("with --jdbc-url, pass one of --table or --query");
      }
      jdbc = new JobSpec.Jdbc(jdbcUrl, table, query, user(), password());
      fmt = "jdbc";
    } else {
      if (inputs.isEmpty()) {
        throw new UsageException("pass --input PATH (or --jdbc-url with --table or --query)");
      }
      fmt = format != null ? format.toLowerCase(Locale.ROOT) : formatOf(inputs.get(0));
      if (!List.of("csv", "parquet", "json").contains(fmt)) {
        throw new UsageException("--format must be csv, parquet or json, not '" + format + "'");
      }
    }
    String delim = delimiter;
    if (delim == null) {
      delim =
          inputs.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).matches(".*\\.tsv(\\.gz)?$"))
              ? "\t"
              : ",";
    } else if (delim.equals("\\t") || delim.equalsIgnoreCase("tab")) {
      delim = "\t";
    }
    SettingsSpec settings =
        new SettingsSpec(stepIso, season, horizon, origins, modelNames, min, max, maxTrain);
    return JobSpec.builder()
        .inputs(inputs)
        .format(fmt)
        .jdbc(jdbc)
        .ids(ids)
        .time(time)
        .targets(targets)
        .labels(labels)
        .delimiter(delim)
        .multiLine(multiLine)
        .decimal(decimal)
        .missingTokens(missing)
        .timeFormat(timeFormat)
        .timezone(timezone)
        .settings(settings)
        .maxRowsPerSeries(cap)
        .output(output)
        .seriesInReport(seriesInReport)
        .build();
  }

  private String user() {
    return jdbcUser != null ? jdbcUser : System.getenv("SIGNALCHECK_JDBC_USER");
  }

  private String password() {
    if (passwordFile != null) {
      try {
        return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new InputException(
            "cannot read the password file " + passwordFile + ": " + e.getMessage());
      }
    }
    return System.getenv("SIGNALCHECK_JDBC_PASSWORD");
  }

  static String formatOf(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".gz")) {
      p = p.substring(0, p.length() - 3);
    }
    if (p.endsWith(".parquet") || p.endsWith(".pq")) {
      return "parquet";
    }
    if (p.endsWith(".json") || p.endsWith(".jsonl") || p.endsWith(".ndjson")) {
      return "json";
    }
    return "csv";
  }
}
