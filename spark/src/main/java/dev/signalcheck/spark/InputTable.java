package dev.signalcheck.spark;

import dev.signalcheck.core.errors.InputException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The input as a Spark table through Spark's own readers (CSV, Parquet, JSON, JDBC), with every row
 * numbered: the 1-based data row of the input, counted as if its files were concatenated in path
 * order (for one file: the row number the command line reports). Files are numbered without
 * collecting them: one pass counts the rows of every file split ({@code _metadata.file_path} and
 * {@code file_block_start}), a second numbers the rows of each split from those counts. CSV is read
 * as text with the header taken from the first line, named as the file reader names it (trimmed,
 * blank names as columnN, repeated names with _2, _3).
 */
final class InputTable {
  private static final String PATH = "__path";
  private static final String BLOCK = "__block";

  final Dataset<Row> rows;
  final List<String> columns;
  final long rowCount;

  private InputTable(Dataset<Row> rows, List<String> columns, long rowCount) {
    this.rows = rows;
    this.columns = columns;
    this.rowCount = rowCount;
  }

  static InputTable read(SparkSession spark, JobSpec spec) {
    if (spec.jdbc() != null) {
      return jdbc(spark, spec);
    }
    boolean csv = spec.format().equals("csv");
    DataFrameReader reader = spark.read().format(spec.format());
    if (csv) {
      reader =
          reader
              .option("header", "false")
              .option("inferSchema", "false")
              .option("sep", spec.delimiter())
              .option("quote", "\"")
              .option("escape", "\"")
              .option("multiLine", String.valueOf(spec.multiLine()))
              .option("mode", "PERMISSIVE");
    }
    Dataset<Row> df;
    try {
      df = reader.load(spec.inputs().toArray(new String[0]));
    } catch (Exception e) { // Spark's AnalysisException is a checked exception to Java
      throw new InputException("cannot read " + spec.displayName() + ": " + firstLine(e), e);
    }
    List<String> sourceCols = List.of(df.columns());
    Dataset<Row> scan =
        df.select(
            functions.col("*"),
            functions.col("_metadata.file_path").as(PATH),
            functions.col("_metadata.file_block_start").as(BLOCK));
    List<Row> blocks;
    try {
      blocks = scan.groupBy(PATH, BLOCK).count().collectAsList();
    } catch (Exception e) { // Spark's AnalysisException is a checked exception to Java
      throw new InputException("cannot read " + spec.displayName() + ": " + firstLine(e), e);
    }
    // lines before each split in its file, data rows before each file (files in path order)
    TreeMap<String, TreeMap<Long, Long>> byFile = new TreeMap<>();
    for (Row b : blocks) {
      byFile.computeIfAbsent(b.getString(0), k -> new TreeMap<>()).put(b.getLong(1), b.getLong(2));
    }
    int headerLines = csv ? 1 : 0;
    Map<String, Long> splitOffset = new HashMap<>();
    Map<String, Long> fileOffset = new HashMap<>();
    long total = 0;
    for (Map.Entry<String, TreeMap<Long, Long>> f : byFile.entrySet()) {
      fileOffset.put(f.getKey(), total);
      long lines = 0;
      for (Map.Entry<Long, Long> s : f.getValue().entrySet()) {
        splitOffset.put(f.getKey() + "\u0000" + s.getKey(), lines);
        lines += s.getValue();
      }
      total += Math.max(0, lines - headerLines);
    }
    if (byFile.isEmpty()) {
      throw new InputException(spec.displayName() + " has no rows; nothing to audit");
    }
    List<String> names =
        csv ? headerNames(scan, byFile.firstKey(), sourceCols.size()) : new ArrayList<>(sourceCols);
    if (total == 0) {
      throw new InputException(
          spec.displayName() + " has a header but no data rows; nothing to audit");
    }
    StructType schema = new StructType();
    for (int i = 0; i < sourceCols.size(); i++) {
      StructField f = df.schema().fields()[i];
      schema = schema.add(names.get(i), f.dataType(), true);
    }
    schema = schema.add(Schemas.ROW, DataTypes.LongType, false);
    Broadcast<Numbering> numbering =
        spark
            .sparkContext()
            .broadcast(
                new Numbering(splitOffset, fileOffset, headerLines, sourceCols.size()),
                scala.reflect.ClassTag$.MODULE$.apply(Numbering.class));
    Dataset<Row> numbered = scan.mapPartitions(new Number(numbering), Encoders.row(schema));
    return new InputTable(numbered, names, total);
  }

  /** The first line of the first file as column names, as the file reader forms them. */
  private static List<String> headerNames(Dataset<Row> scan, String firstFile, int n) {
    Row first =
        scan.where(functions.col(PATH).equalTo(firstFile).and(functions.col(BLOCK).equalTo(0L)))
            .limit(1)
            .collectAsList()
            .get(0);
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String v = first.isNullAt(i) ? null : first.getString(i);
      String name = v == null || v.isBlank() ? "column" + (i + 1) : v.trim();
      String base = name;
      int k = 2;
      while (!seen.add(name.toLowerCase(Locale.ROOT))) {
        name = base + "_" + k++;
      }
      names.add(name);
    }
    return names;
  }

  /** Row offsets per file split, shipped to every task. */
  record Numbering(
      Map<String, Long> splitOffset, Map<String, Long> fileOffset, int headerLines, int columns)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Numbers the rows of each split in a partition from the split's offset. */
  static final class Number implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Numbering> numbering;

    Number(Broadcast<Numbering> numbering) {
      this.numbering = numbering;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> in) {
      Numbering nb = numbering.value();
      Map<String, Long> seen = new HashMap<>();
      int n = nb.columns();
      return new Iterator<>() {
        Row next = advance();

        private Row advance() {
          while (in.hasNext()) {
            Row r = in.next();
            String path = r.getString(n);
            long block = r.getLong(n + 1);
            String key = path + "\u0000" + block;
            long index = seen.merge(key, 1L, Long::sum);
            long line = nb.splitOffset().get(key) + index;
            if (line <= nb.headerLines()) {
              continue;
            }
            Object[] v = new Object[n + 1];
            for (int i = 0; i < n; i++) {
              v[i] = r.get(i);
            }
            v[n] = nb.fileOffset().get(path) + line - nb.headerLines();
            return RowFactory.create(v);
          }
          return null;
        }

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public Row next() {
          if (next == null) {
            throw new java.util.NoSuchElementException();
          }
          Row r = next;
          next = advance();
          return r;
        }
      };
    }
  }

  /** A JDBC table or query, rows numbered in the order the database returns them. */
  private static InputTable jdbc(SparkSession spark, JobSpec spec) {
    JobSpec.Jdbc j = spec.jdbc();
    DataFrameReader reader = spark.read().format("jdbc").option("url", j.url());
    if (j.table() != null) {
      reader = reader.option("dbtable", j.table());
    } else {
      reader = reader.option("query", j.query());
    }
    if (j.user() != null) {
      reader = reader.option("user", j.user());
    }
    if (j.password() != null) {
      reader = reader.option("password", j.password());
    }
    Dataset<Row> df;
    try {
      df = reader.load();
    } catch (Exception e) { // Spark's AnalysisException is a checked exception to Java
      throw new InputException(
          "cannot read " + spec.displayName() + " from " + safeUrl(j.url()) + ": " + firstLine(e),
          e);
    }
    StructType schema = df.schema().add(Schemas.ROW, DataTypes.LongType, false);
    int n = df.columns().length;
    var rdd =
        df.javaRDD()
            .zipWithIndex()
            .map(
                t -> {
                  Object[] v = new Object[n + 1];
                  for (int i = 0; i < n; i++) {
                    v[i] = t._1().get(i);
                  }
                  v[n] = t._2() + 1;
                  return RowFactory.create(v);
                });
    Dataset<Row> numbered = spark.createDataFrame(rdd, schema);
    long count = numbered.count();
    if (count == 0) {
      throw new InputException(spec.displayName() + " has no rows; nothing to audit");
    }
    return new InputTable(numbered, List.of(df.columns()), count);
  }

  /** The URL without anything after '?' or ';' (where drivers take passwords). */
  static String safeUrl(String url) {
    int q = url.length();
    for (char c : new char[] {'?', ';'}) {
      int i = url.indexOf(c, "jdbc:".length());
      if (i >= 0) {
        q = Math.min(q, i);
      }
    }
    return url.substring(0, q);
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    String t = m.replace("\r", "").trim();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).trim();
  }
}
