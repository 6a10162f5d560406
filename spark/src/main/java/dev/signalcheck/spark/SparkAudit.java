package dev.signalcheck.spark;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.series.Step;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark job's command line: {@code spark-submit --class dev.signalcheck.spark.SparkAudit
 * signalcheck-spark.jar --input … --id … --time … --target … --output DIR}. Exit codes as the
 * command line's: 0 done, 2 usage error, 3 input or output error, 4 internal error.
 */
@Command(
    name = "signalcheck-spark",
    mixinStandardHelpOptions = true,
    versionProvider = SparkAudit.VersionProvider.class,
    description =
        "Audits every series of a table on Apache Spark: the same per-series audit as"
            + " 'signalcheck audit', one group per series; writes series.parquet, findings.parquet"
            + " and report.json.")
public final class SparkAudit implements Callable<Integer> {
  static final int OK = 0;
  static final int USAGE = 2;
  static final int INPUT = 3;
  static final int INTERNAL = 4;

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

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: as spark-submit sets it). local[N] binds to 127.0.0.1.")
  String master;

  @Option(
      names = "--shuffle-partitions",
      paramLabel = "N",
      description = "spark.sql.shuffle.partitions for this run.")
  Integer shufflePartitions;

  @Option(names = "--debug", description = "Stack traces on errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

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
    List<String> modelNames = new ArrayList<>();
    for (String m : models) {
      if (!m.isBlank()) {
        modelNames.add(m.trim().toLowerCase(Locale.ROOT));
      }
    }
    try {
      ModelRegistry.defaults().select(modelNames);
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
    return new JobSpec(
        inputs,
        fmt,
        jdbc,
        ids,
        time,
        targets,
        labels,
        delim,
        multiLine,
        decimal,
        missing,
        timeFormat,
        timezone,
        settings,
        cap,
        output,
        seriesInReport);
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

  @Override
  public Integer call() {
    JobSpec spec = spec();
    SparkSession.Builder b = SparkSession.builder().appName("signalcheck");
    if (master != null) {
      b = b.master(master);
      if (master.startsWith("local")) {
        b =
            b.config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false");
      }
    }
    if (shufflePartitions != null) {
      b = b.config("spark.sql.shuffle.partitions", shufflePartitions);
    } else if (master != null && master.startsWith("local")) {
      // Spark's default of 200 shuffle partitions is meant for clusters; on one machine each is a
      // task of fixed cost
      b = b.config("spark.sql.shuffle.partitions", 2 * localThreads(master));
    }
    // a session that already runs (an application that calls this in-process) is left running
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = b.getOrCreate();
    try {
      JobResult r = AuditJob.run(spark, spec, null);
      PrintWriter out = commandSpec.commandLine().getOut();
      out.println(describe(r));
      out.flush();
      return OK;
    } finally {
      if (ours) {
        spark.stop();
      }
    }
  }

  /** The worker threads of a local master: local, local[N], local[*], local[N,F]. */
  static int localThreads(String master) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\d+)?\\])?").matcher(master);
    if (!m.matches() || m.group(1) == null) {
      return 1;
    }
    return m.group(1).equals("*")
        ? Runtime.getRuntime().availableProcessors()
        : Math.max(1, Integer.parseInt(m.group(1)));
  }

  /** One line on what the run did. */
  static String describe(JobResult r) {
    var s = r.summary();
    String line =
        String.format(
            Locale.ROOT,
            "signalcheck: %d series audited (%s); findings %s; %d of %d rows rejected",
            r.series(),
            s.verdictCounts().toString().replaceAll("[{}]", ""),
            s.findingCounts().toString().replaceAll("[{}]", ""),
            r.statistics().rejected(),
            r.statistics().rows());
    if (r.seriesCut() > 0) {
      line +=
          String.format(
              Locale.ROOT,
              "; %d series longer than the cap: %d older rows counted, not audited",
              r.seriesCut(),
              r.rowsCut());
    }
    return line + "; wrote " + r.output();
  }

  /** Runs with the given writers; returns the exit code. */
  static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new SparkAudit());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("signalcheck: error: " + oneLine(ex.getMessage()) + "; see '--help'");
          err.flush();
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          boolean debug = ((SparkAudit) c.getCommand()).debug;
          Throwable cause = known(ex);
          int code = exitCode(cause);
          if (code == INTERNAL) {
            err.println(
                "signalcheck: error: internal error ("
                    + oneLine(String.valueOf(ex))
                    + "); please report it with the output of --debug");
          } else {
            err.println("signalcheck: error: " + oneLine(cause.getMessage()));
          }
          if (debug) {
            ex.printStackTrace(err);
          }
          err.flush();
          return code;
        });
    return cl.execute(args);
  }

  /** The first usage, input or output error in a chain (Spark wraps what executors throw). */
  static Throwable known(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof UsageException
          || t instanceof InputException
          || t instanceof OutputException) {
        return t;
      }
    }
    return ex;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof UsageException) {
      return USAGE;
    }
    if (ex instanceof InputException || ex instanceof OutputException) {
      return INPUT;
    }
    return INTERNAL;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace("\r", " ").replace("\n", " ").trim();
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, out, err));
  }

  /** The version every module reports. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"signalcheck-spark " + dev.signalcheck.io.Version.current()};
    }
  }
}
