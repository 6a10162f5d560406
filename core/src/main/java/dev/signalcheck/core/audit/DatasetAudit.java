package dev.signalcheck.core.audit;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.labels.LabelClusters;
import dev.signalcheck.core.series.InputHints;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.text.Prose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The whole audit of a data set as one call: every series of a {@link SeriesSource} through the
 * {@link SeriesAuditor} on a pool of threads, results handed to a {@link ResultSink} in input order
 * as they are finished, and the data set's own findings (rejected rows, label variants) at the end.
 * The command line, the server and the Spark job all run audits through this class.
 *
 * <p>Memory stays bounded: at most a few series per thread are in flight, and at most {@link
 * #rowBudget} rows of them (long series are audited fewer at a time); a sink that keeps nothing
 * keeps the whole audit at that size whatever the number of series.
 */
public final class DatasetAudit {

  /**
   * How to run, as opposed to what to compute ({@link AuditSettings}).
   *
   * @param threads worker threads (at least 1)
   * @param labelColumns categorical columns to check for variant spellings
   * @param extraFindings findings about the data set made before the audit (e.g. the {@code
   *     source.*} findings of a fetched source), reported and counted with the data set's own
   */
  public record Options(int threads, List<String> labelColumns, List<Finding> extraFindings) {
    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      labelColumns = labelColumns == null ? List.of() : List.copyOf(labelColumns);
      extraFindings = extraFindings == null ? List.of() : List.copyOf(extraFindings);
    }

    public Options(int threads, List<String> labelColumns) {
      this(threads, labelColumns, List.of());
    }

    /** All cores, no label columns. */
    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), List.of());
    }
  }

  private DatasetAudit() {}

  /**
   * Audits every series of {@code source} on all cores; see {@link #run(SeriesSource,
   * AuditSettings, ResultSink, Options)}.
   */
  public static AuditEnd run(SeriesSource source, AuditSettings settings, ResultSink sink) {
    return run(source, settings, sink, Options.defaults());
  }

  /**
   * Audits every series of {@code source}.
   *
   * <p>Label columns are read first, so an unknown column fails before the sink hears anything.
   * Exceptions from the source (bad input) and from the sink (output that cannot be written) reach
   * the caller unchanged, after the worker threads are stopped.
   *
   * @return what the sink received at the end: summary, read statistics, data-set findings
   */
  public static AuditEnd run(
      SeriesSource source, AuditSettings settings, ResultSink sink, Options options) {
    return run(source, settings, sink, options, rowBudget(Runtime.getRuntime().maxMemory()));
  }

  /** As {@link #run(SeriesSource, AuditSettings, ResultSink, Options)}, with this row budget. */
  static AuditEnd run(
      SeriesSource source,
      AuditSettings settings,
      ResultSink sink,
      Options options,
      long rowBudget) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    List<Finding> labelFindings = new ArrayList<>();
    for (String col : options.labelColumns()) {
      Finding f =
          LabelClusters.finding(LabelClusters.cluster(col, source.distinctCounts(col, "--labels")));
      if (f != null) {
        labelFindings.add(f);
      }
    }
    SeriesAuditor auditor = new SeriesAuditor(settings).withThreads(options.threads());
    Supplier<InputHints> hints = once(source::inputHints);
    AuditSummary summary = new AuditSummary();
    sink.begin(
        new AuditHeader(source.info(), settings, source.rowCount(), source.seriesCount(), started));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "signalcheck-worker");
              t.setDaemon(true);
              return t;
            });
    ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    int maxInFlight = Math.max(4, 4 * options.threads());
    long[] rowsInFlight = {0};
    try {
      source.forEachSeries(
          (SeriesData data) -> {
            // by size too: a few long series at once would not fit where many short ones do
            while (!inFlight.isEmpty() && rowsInFlight[0] + data.size() > rowBudget) {
              rowsInFlight[0] -= emit(inFlight.poll(), sink, summary);
            }
            inFlight.add(new InFlight(pool.submit(() -> auditor.audit(data, hints)), data.size()));
            rowsInFlight[0] += data.size();
            while (inFlight.size() >= maxInFlight) {
              rowsInFlight[0] -= emit(inFlight.poll(), sink, summary);
            }
          });
      while (!inFlight.isEmpty()) {
        emit(inFlight.poll(), sink, summary);
      }
    } finally {
      pool.shutdownNow();
    }
    ReadStatistics stats = source.statistics();
    List<Finding> datasetFindings = new ArrayList<>();
    if (stats.rejected() > 0) {
      datasetFindings.add(rejected(stats));
    }
    datasetFindings.addAll(labelFindings);
    datasetFindings.addAll(options.extraFindings());
    for (Finding f : datasetFindings) {
      summary.add(f);
    }
    AuditEnd end =
        new AuditEnd(
            source.info(),
            stats,
            summary,
            datasetFindings,
            Duration.ofNanos(System.nanoTime() - t0));
    sink.end(end);
    return end;
  }

  /**
   * Java heap the audit of a series needs per row while it is in flight, measured on the longest
   * series the heap guard admits (docs/benchmarks.md, "Long sensor files"); the readers' heap guard
   * uses the same figure.
   */
  public static final long HEAP_BYTES_PER_ROW = 200;

  /**
   * The rows of the series audited at once for a heap of {@code maxHeapBytes}: half of it, the rest
   * for the reader's next series, the results on their way to the sinks and the sinks themselves.
   * One series is always admitted, however long (the heap guard refuses, before reading, one that
   * cannot fit).
   */
  static long rowBudget(long maxHeapBytes) {
    return Math.max(1, maxHeapBytes / 2 / HEAP_BYTES_PER_ROW);
  }

  /** {@code s}'s value, computed on the first call (from whichever thread makes it) and kept. */
  static <T> Supplier<T> once(Supplier<T> s) {
    return new Supplier<>() {
      private T value;
      private boolean done;

      @Override
      public synchronized T get() {
        if (!done) {
          value = s.get();
          done = true;
        }
        return value;
      }
    };
  }

  /** A series being audited, with its rows. */
  private record InFlight(Future<SeriesResult> result, long rows) {}

  /** Hands the finished result to the sink; returns the rows of its series. */
  private static long emit(InFlight f, ResultSink sink, AuditSummary summary) {
    emit(f.result(), sink, summary);
    return f.rows();
  }

  private static void emit(Future<SeriesResult> f, ResultSink sink, AuditSummary summary) {
    SeriesResult r;
    try {
      r = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
    summary.add(r);
    sink.series(r);
  }

  /** The finding for rows that could not be used at all. */
  static Finding rejected(ReadStatistics s) {
    long n = s.rejected();
    double share = n / (double) Math.max(1, s.rows());
    Severity sev = share > 0.05 ? Severity.CRITICAL : Severity.WARNING;
    List<String> why = new ArrayList<>();
    for (Map.Entry<String, Long> e : s.reasons().entrySet()) {
      why.add(e.getValue() + " with " + e.getKey());
    }
    return new Finding(
        CheckType.INPUT_REJECTED_ROWS.id(),
        sev,
        Category.DATA_COLLECTION,
        String.format(
            java.util.Locale.ROOT,
            "%d of %d rows (%s) could not be used at all (%s); they are left out",
            n,
            s.rows(),
            Prose.share(share),
            String.join(", ", why)),
        n,
        List.of(),
        s.examples(),
        Map.of("reasons", s.reasons()));
  }
}
