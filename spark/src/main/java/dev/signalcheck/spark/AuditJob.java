package dev.signalcheck.spark;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.AuditSummary;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.core.audit.ReadStatistics;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.audit.SeriesSource;
import dev.signalcheck.core.audit.SourceInfo;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeParser;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.ReportInfo;
import dev.signalcheck.io.ReportWriter;
import dev.signalcheck.io.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
  private static final int SAMPLE = 2000;
  private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
  private static final Pattern DECIMAL_POINT = Pattern.compile("-?\\d+\\.\\d+");

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
    List<String> sample = sample(table.rows, timeIdx);
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
      comma[k] = decimalComma(table.rows, cols.index(targets.get(k)), spec.decimal());
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

    // full-series counts from one cell per (series, time stamp)
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
    Dataset<Row> counts =
        cells
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
      write(series.orderBy("id"), out + "/series.parquet");
      Dataset<Row> findings =
          audited
              .select(
                  functions.col("id"),
                  functions.col("target"),
                  functions
                      .posexplode(functions.col("findings"))
                      .as(new String[] {"position", "f"}))
              .select(
                  functions.col("id"),
                  functions.col("target"),
                  functions.col("position"),
                  functions.col("f.*"))
              .orderBy("id", "position");
      write(findings, out + "/findings.parquet");

      AuditSummary seriesSummary = summary(audited);
      Row cut =
          audited
              .agg(
                  functions.sum("rows_cut").as("rows"),
                  functions.count(functions.when(functions.col("rows_cut").gt(0), 1)).as("series"))
              .first();
      long rowsCut = cut.isNullAt(0) ? 0 : cut.getLong(0);
      long seriesCut = cut.getLong(1);
      List<String> cutExamples = new ArrayList<>();
      if (seriesCut > 0) {
        for (Row r :
            audited
                .where(functions.col("rows_cut").gt(0))
                .select("id")
                .orderBy("id")
                .limit(5)
                .collectAsList()) {
          cutExamples.add(r.getString(0));
        }
      }

      // the data set's own findings, worded by the same call as the command line's
      Map<String, LinkedHashMap<String, Long>> labelCounts = new LinkedHashMap<>();
      for (String l : labels) {
        labelCounts.put(l, distinctCounts(table.rows, table.columns.indexOf(l)));
      }
      SourceInfo info =
          new SourceInfo(spec.displayName(), time, targets, ids, List.of(), null, table.columns);
      AuditSettings settings = spec.settings().settings();
      AuditEnd[] datasetEnd = new AuditEnd[1];
      DatasetAudit.run(
          new Accounted(info, table.rowCount, stats, labelCounts),
          settings,
          new ResultSink() {
            @Override
            public void series(SeriesResult result) {}

            @Override
            public void end(AuditEnd end) {
              datasetEnd[0] = end;
            }
          },
          new DatasetAudit.Options(1, labels));
      AuditSummary total = seriesSummary.merge(datasetEnd[0].summary());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
      AuditEnd end = new AuditEnd(info, stats, total, datasetEnd[0].datasetFindings(), elapsed);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("engine", "spark " + spark.version());
      run.put("master", spark.sparkContext().master());
      run.put("maxRowsPerSeries", spec.maxRowsPerSeries());
      run.put("seriesCut", seriesCut);
      run.put("rowsCut", rowsCut);
      run.put("seriesCutExamples", cutExamples);
      run.put("seriesInReport", spec.seriesInReport());
      run.put("outputs", Map.of("series", "series.parquet", "findings", "findings.parquet"));
      writeReport(spark, spec, settings, audited, end, run);
      JobResult result =
          new JobResult(out, total, stats, seriesSummary.series(), seriesCut, rowsCut, elapsed);
      if (onDone != null) {
        onDone.accept(result);
      }
      return result;
    } finally {
      audited.unpersist();
    }
  }

  /**
   * Writes a Parquet folder. What executors throw reaches the caller inside Spark's exceptions;
   * {@link SparkAudit#known} finds a usage or input error among the causes.
   */
  private static void write(Dataset<Row> ds, String path) {
    ds.write().mode(SaveMode.Overwrite).parquet(path);
  }

  /** The merged summary of every series: one partial state per partition, merged here. */
  private static AuditSummary summary(Dataset<Row> audited) {
    List<byte[]> parts =
        audited
            .select("summary")
            .as(Encoders.BINARY())
            .mapPartitions(
                (MapPartitionsFunction<byte[], byte[]>)
                    it -> {
                      AuditSummary s = new AuditSummary();
                      while (it.hasNext()) {
                        s.merge(GroupAudit.deserialize(it.next(), AuditSummary.class));
                      }
                      return List.of(GroupAudit.serialize(s)).iterator();
                    },
                Encoders.BINARY())
            .collectAsList();
    AuditSummary s = new AuditSummary();
    for (byte[] b : parts) {
      s.merge(GroupAudit.deserialize(b, AuditSummary.class));
    }
    return s;
  }

  private static void writeReport(
      SparkSession spark,
      JobSpec spec,
      AuditSettings settings,
      Dataset<Row> audited,
      AuditEnd end,
      Map<String, Object> run) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(spec.output(), "report.json");
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream os = fs.create(path, true);
          ReportWriter w = new ReportWriter(new java.io.BufferedOutputStream(os, 1 << 16), true)) {
        w.begin(Version.generator(), ReportInfo.settings(settings));
        if (spec.seriesInReport()) {
          Iterator<Row> it = audited.select("id", "json").orderBy("id").toLocalIterator();
          while (it.hasNext()) {
            w.seriesJson(it.next().getString(1));
          }
        }
        w.end(
            ReportInfo.input(end),
            ReportInfo.Summary.of(end.summary()),
            end.datasetFindings(),
            Map.of("run", run));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new OutputException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The first non-empty texts of some columns (as the reader forms the time text), in row order.
   */
  private static List<String> sample(Dataset<Row> rows, int[] idx) {
    int rowIdx = rows.columns().length - 1;
    StructType schema =
        new StructType()
            .add("row", DataTypes.LongType, false)
            .add("v", DataTypes.StringType, false);
    List<Row> got =
        rows.flatMap(
                (FlatMapFunction<Row, Row>)
                    r -> {
                      String t = RowRules.timeText(r, idx);
                      return t == null || t.isEmpty()
                          ? java.util.Collections.emptyIterator()
                          : List.of(RowFactory.create(r.getLong(rowIdx), t)).iterator();
                    },
                Encoders.row(schema))
            .orderBy("row")
            .limit(SAMPLE)
            .collectAsList();
    List<String> out = new ArrayList<>();
    for (Row r : got) {
      out.add(r.getString(1));
    }
    return out;
  }

  /** Whether a column writes a decimal comma, decided as the file reader decides it. */
  private static boolean decimalComma(Dataset<Row> rows, int col, String decimal) {
    if (decimal != null) {
      return decimal.equals(",");
    }
    List<String> s = sample(rows, new int[] {col});
    if (s.isEmpty()) {
      return false;
    }
    long commas = s.stream().filter(v -> DECIMAL_COMMA.matcher(v.trim()).matches()).count();
    return commas > 0
        && commas >= 0.1 * s.size()
        && s.stream().noneMatch(v -> DECIMAL_POINT.matcher(v.trim()).matches());
  }

  /** A column's distinct texts with their row counts, most frequent first (ties by text). */
  private static LinkedHashMap<String, Long> distinctCounts(Dataset<Row> rows, int col) {
    List<Row> got =
        rows.map((MapFunction<Row, String>) r -> CellText.of(r.get(col)), Encoders.STRING())
            .filter((FilterFunction<String>) v -> v != null)
            .groupBy("value")
            .count()
            .orderBy(functions.col("count").desc(), functions.col("value"))
            .collectAsList();
    LinkedHashMap<String, Long> out = new LinkedHashMap<>();
    for (Row r : got) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /**
   * The input as the data-set part of the audit sees it: no series (the executors audited them),
   * the row accounting, and the label columns' counts.
   */
  private record Accounted(
      SourceInfo info,
      long rows,
      ReadStatistics stats,
      Map<String, LinkedHashMap<String, Long>> labels)
      implements SeriesSource {
    @Override
    public long rowCount() {
      return rows;
    }

    @Override
    public long seriesCount() {
      return 0;
    }

    @Override
    public void forEachSeries(Consumer<SeriesData> consumer) {}

    @Override
    public ReadStatistics statistics() {
      return stats;
    }

    @Override
    public LinkedHashMap<String, Long> distinctCounts(String column, String option) {
      LinkedHashMap<String, Long> m = labels.get(column);
      if (m == null) {
        throw new UsageException("column '" + column + "' (" + option + ") was not read");
      }
      return m;
    }
  }
}
