package dev.signalcheck.spark;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.AuditSummary;
import dev.signalcheck.core.audit.ReadStatistics;
import dev.signalcheck.core.audit.SourceInfo;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.io.InputSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * One run of the Spark job: reads the table, builds every series as the file reader does, audits
 * each series in the executor that holds its rows, and writes series.parquet, findings.parquet and
 * report.json into the output folder.
 *
 * <p>What merges across partitions is computed as mergeable states: the row accounting ({@link
 * RowAccounting}), the full-series counts ({@link SeriesCounts}) and the verdict and finding counts
 * ({@link AuditSummary}). What needs the ordered series — the checks, the profile, the backtest —
 * runs on the most recent {@link JobSpec#maxRowsPerSeries} rows of each series; rows beyond that
 * are counted, reported per series ({@code rows_cut}) and in report.json, never dropped unnoticed.
 */
public final class AuditJob {
  private AuditJob() {}

  /**
   * Runs the job; {@code onDone} receives the result after report.json is written (the hook for
   * recording the run elsewhere, e.g. in a ledger).
   */
  public static JobResult run(SparkSession spark, JobSpec spec, Consumer<JobResult> onDone) {
    long t0 = System.nanoTime();
    InputTable table = InputTable.read(spark, spec);
    String name = spec.displayName();
    Columns cols = new Columns(table.columns, name);
    List<String> ids = cols.resolveAll(spec.ids(), "--id");
    List<String> time = cols.resolveAll(spec.time(), "--time");
    List<String> targets = cols.resolveAll(spec.targets(), "--target");
    List<String> labels = cols.resolveAll(spec.labels(), "--labels");
    for (String t : targets) {
      if (time.contains(t)) {
        throw new UsageException(
            "column '" + t + "' is the time column; it cannot also be a --target");
      }
      if (ids.contains(t)) {
        throw new UsageException(
            "column '" + t + "' is a series key (--id); it cannot also be a --target");
      }
    }
    int rowIdx = table.columns.size();
    int[] timeIdx = cols.indices(time);
    List<String> sample = TableSample.sample(table.rows, timeIdx);
    TimeSpec timeSpec = new TimeSpec(sample, spec.timeFormat(), spec.timezone());
    TimeParser parser;
    try {
      parser = timeSpec.parser();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (parser == null
        || sample.stream().noneMatch(v -> parser.parse(v) != TimeParser.UNPARSEABLE)) {
      throw new InputException(
          name
              + " has no rows with a parseable time in column '"
              + String.join(",", time)
              + "' (first value: '"
              + (sample.isEmpty() ? "(all empty)" : sample.get(0))
              + "'); pass --time-format or fix the column");
    }
    boolean[] comma = new boolean[targets.size()];
    for (int k = 0; k < targets.size(); k++) {
      comma[k] = TableSample.decimalComma(table.rows, cols.index(targets.get(k)), spec.decimal());
    }
    List<String> missing = new ArrayList<>(InputSpec.DEFAULT_MISSING);
    missing.addAll(spec.missingTokens());
    RowRules rules =
        new RowRules(
            cols.indices(ids),
            timeIdx,
            cols.indices(targets),
            targets,
            comma,
            rowIdx,
            missing,
            timeSpec);
    Dataset<Row> parsed =
        table
            .rows
            .flatMap(rules, Encoders.row(Schemas.PARSED))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return audit(spark, spec, table, parsed, timeSpec, ids, time, targets, labels, onDone, t0);
    } finally {
      parsed.unpersist();
    }
  }

  private static JobResult audit(
      SparkSession spark,
      JobSpec spec,
      InputTable table,
      Dataset<Row> parsed,
      TimeSpec timeSpec,
      List<String> ids,
      List<String> time,
      List<String> targets,
      List<String> labels,
      Consumer<JobResult> onDone,
      long t0) {
    // row accounting: every rejected row, counted by reason, the first five named
    Dataset<Row> rejected = parsed.where(functions.col("reject").isNotNull());
    RowAccounting accounting =
        rejected
            .select(new States.Rejected().toColumn())
            .as(Encoders.javaSerialization(RowAccounting.class))
            .first();
    ReadStatistics stats = accounting.statistics(table.rowCount);
    Dataset<Row> used = parsed.where(functions.col("reject").isNull());
    Dataset<Row> counts = counts(used);

    // the audit, one group per series
    GroupAudit groupAudit =
        new GroupAudit(spec.settings(), timeSpec, spec.maxRowsPerSeries(), spec.seriesInReport());
    Dataset<Row> audited =
        used.groupByKey(
                (MapFunction<Row, String>) r -> r.getString(Schemas.P_ID), Encoders.STRING())
            .flatMapGroups(groupAudit, Encoders.row(Schemas.AUDITED))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // audit every series once, before the outputs read the results in jobs that may run side by
      // side (and would each audit what is not cached yet)
      audited.count();
      String out = spec.output();
      Dataset<Row> series =
          audited
              .drop("findings", "json", "summary")
              .join(counts, "id")
              .map(new SeriesTable.Assemble(timeSpec), Encoders.row(SeriesTable.SCHEMA));
      JobOutputs.write(series.orderBy("id"), out + "/series.parquet");
      JobOutputs.write(JobOutputs.findings(audited), out + "/findings.parquet");
      AuditSummary seriesSummary = JobOutputs.summary(audited);
      JobOutputs.Cut cut = JobOutputs.cut(audited);

      Map<String, LinkedHashMap<String, Long>> labelCounts = new LinkedHashMap<>();
      for (String l : labels) {
        labelCounts.put(l, TableSample.distinctCounts(table.rows, table.columns.indexOf(l)));
      }
      SourceInfo info =
          new SourceInfo(spec.displayName(), time, targets, ids, List.of(), null, table.columns);
      AuditSettings settings = spec.settings().settings();
      AuditEnd datasetEnd =
          DatasetPart.run(info, table.rowCount, stats, labelCounts, settings, labels);
      AuditSummary total = seriesSummary.merge(datasetEnd.summary());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
      AuditEnd end = new AuditEnd(info, stats, total, datasetEnd.datasetFindings(), elapsed);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("engine", "spark " + spark.version());
      run.put("master", spark.sparkContext().master());
      run.put("maxRowsPerSeries", spec.maxRowsPerSeries());
      run.put("seriesCut", cut.series());
      run.put("rowsCut", cut.rows());
      run.put("seriesCutExamples", cut.examples());
      run.put("seriesInReport", spec.seriesInReport());
      run.put("outputs", Map.of("series", "series.parquet", "findings", "findings.parquet"));
      JobOutputs.writeReport(spark, spec, settings, audited, end, run);
      JobResult result =
          new JobResult(
              out, total, stats, seriesSummary.series(), cut.series(), cut.rows(), elapsed);
      if (onDone != null) {
        onDone.accept(result);
      }
      return result;
    } finally {
      audited.unpersist();
    }
  }

  /** The full-series counts, from one cell per (series, time stamp). */
  private static Dataset<Row> counts(Dataset<Row> used) {
    Column isMissing =
        functions.when(functions.col("state").equalTo(SeriesData.MISSING), 1L).otherwise(0L);
    Column isText =
        functions.when(functions.col("state").equalTo(SeriesData.NON_NUMERIC), 1L).otherwise(0L);
    Dataset<Row> cells =
        used.groupBy("id", "time")
            .agg(
                functions.count(functions.lit(1)).as("c"),
                functions.sum(isMissing).as("m"),
                functions.sum(isText).as("nn"))
            .select(
                functions.col("id"),
                functions.col("time").notEqual(TimeParser.UNPARSEABLE).as("parsed"),
                functions.col("time"),
                functions.col("c"),
                functions.col("m"),
                functions.col("nn"));
    return cells
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .agg(new States.Counts().toColumn())
        .map(
            (MapFunction<scala.Tuple2<String, SeriesCounts>, Row>)
                t -> {
                  SeriesCounts s = t._2();
                  return RowFactory.create(
                      t._1(),
                      s.rows(),
                      s.distinctTimes(),
                      s.duplicateRows(),
                      s.unparseableTimes(),
                      s.missingValues(),
                      s.nonNumericValues(),
                      s.firstTime(),
                      s.lastTime());
                },
            Encoders.row(Schemas.COUNTS));
  }
}
