package dev.signalcheck.spark;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  @Mixin JobOptions job = new JobOptions();

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

  @Override
  public Integer call() {
    JobSpec spec = job.spec();
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
