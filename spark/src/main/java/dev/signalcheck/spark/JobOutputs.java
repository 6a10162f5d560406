package dev.signalcheck.spark;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.AuditSummary;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.io.ReportInfo;
import dev.signalcheck.io.ReportWriter;
import dev.signalcheck.io.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * What a run writes and collects from the audited series: the Parquet folders, the merged summary,
 * the rows cut by the per-series cap and report.json.
 */
final class JobOutputs {
  private JobOutputs() {}

  /** Every finding of every series, one row each, in the order the series listed them. */
  static Dataset<Row> findings(Dataset<Row> audited) {
    return audited
        .select(
            functions.col("id"),
            functions.col("target"),
            functions.posexplode(functions.col("findings")).as(new String[] {"position", "f"}))
        .select(
            functions.col("id"),
            functions.col("target"),
            functions.col("position"),
            functions.col("f.*"))
        .orderBy("id", "position");
  }

  /**
   * The rows the per-series cap left out of the audit.
   *
   * @param rows rows counted, not audited
   * @param series series longer than the cap
   * @param examples the first five of them by id
   */
  record Cut(long rows, long series, List<String> examples) {}

  static Cut cut(Dataset<Row> audited) {
    Row cut =
        audited
            .agg(
                functions.sum("rows_cut").as("rows"),
                functions.count(functions.when(functions.col("rows_cut").gt(0), 1)).as("series"))
            .first();
    long rows = cut.isNullAt(0) ? 0 : cut.getLong(0);
    long series = cut.getLong(1);
    List<String> examples = new ArrayList<>();
    if (series > 0) {
      for (Row r :
          audited
              .where(functions.col("rows_cut").gt(0))
              .select("id")
              .orderBy("id")
              .limit(5)
              .collectAsList()) {
        examples.add(r.getString(0));
      }
    }
    return new Cut(rows, series, examples);
  }

  /**
   * Writes a Parquet folder. What executors throw reaches the caller inside Spark's exceptions;
   * {@link SparkAudit#known} finds a usage or input error among the causes.
   */
  static void write(Dataset<Row> ds, String path) {
    ds.write().mode(SaveMode.Overwrite).parquet(path);
  }

  /** The merged summary of every series: one partial state per partition, merged here. */
  static AuditSummary summary(Dataset<Row> audited) {
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

  static void writeReport(
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
}
