package dev.signalcheck.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the driver learns from samples of the input table before the rows are parsed: the first time
 * texts (for the time format), whether a column writes a decimal comma, and the label columns'
 * distinct texts. Each decided as the file reader decides it.
 */
final class TableSample {
  private static final int SAMPLE = 2000;
  private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
  private static final Pattern DECIMAL_POINT = Pattern.compile("-?\\d+\\.\\d+");

  private TableSample() {}

  /**
   * The first non-empty texts of some columns (as the reader forms the time text), in row order.
   */
  static List<String> sample(Dataset<Row> rows, int[] idx) {
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
  static boolean decimalComma(Dataset<Row> rows, int col, String decimal) {
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
  static LinkedHashMap<String, Long> distinctCounts(Dataset<Row> rows, int col) {
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
}
