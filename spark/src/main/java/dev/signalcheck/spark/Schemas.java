package dev.signalcheck.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The row shapes the job passes between its stages and writes. */
final class Schemas {
  private Schemas() {}

  /** The 1-based data row number added to every input row. */
  static final String ROW = "__row";

  private static StructField f(String name, DataType t, boolean nullable) {
    return DataTypes.createStructField(name, t, nullable);
  }

  /**
   * One input row after reading, for one target: a row of a series, or a rejected row (id null,
   * reason set).
   */
  static final StructType PARSED =
      new StructType(
          new StructField[] {
            f("id", DataTypes.StringType, true),
            f("target", DataTypes.StringType, true),
            f("row", DataTypes.LongType, false),
            f("time", DataTypes.LongType, false),
            f("rawTime", DataTypes.StringType, true),
            f("value", DataTypes.DoubleType, false),
            f("state", DataTypes.ByteType, false),
            f("rawValue", DataTypes.StringType, true),
            f("reject", DataTypes.StringType, true),
            f("order", new ArrayType(DataTypes.StringType, true), true)
          });

  static final int P_ID = 0;
  static final int P_TARGET = 1;
  static final int P_ROW = 2;
  static final int P_TIME = 3;
  static final int P_RAW_TIME = 4;
  static final int P_VALUE = 5;
  static final int P_STATE = 6;
  static final int P_RAW_VALUE = 7;
  static final int P_REJECT = 8;
  static final int P_ORDER = 9;

  /** One finding of a series, with its first interval (findings.parquet). */
  static final StructType FINDING =
      new StructType(
          new StructField[] {
            f("check", DataTypes.StringType, false),
            f("severity", DataTypes.StringType, false),
            f("category", DataTypes.StringType, false),
            f("message", DataTypes.StringType, false),
            f("count", DataTypes.LongType, false),
            f("intervals", DataTypes.IntegerType, false),
            f("first_from", DataTypes.StringType, true),
            f("first_to", DataTypes.StringType, true),
            f("first_count", DataTypes.LongType, true),
            f("rows", new ArrayType(DataTypes.LongType, false), false)
          });

  /** What the audit of one series gives, before the full-series counts are joined. */
  static final StructType AUDITED =
      new StructType(
          new StructField[] {
            f("id", DataTypes.StringType, false),
            f("target", DataTypes.StringType, false),
            f("n", DataTypes.LongType, false),
            f("rows_cut", DataTypes.LongType, false),
            f("length", DataTypes.LongType, false),
            f("start", DataTypes.StringType, true),
            f("end", DataTypes.StringType, true),
            f("step", DataTypes.StringType, true),
            f("season", DataTypes.IntegerType, true),
            f("regularity", DataTypes.DoubleType, true),
            f("horizon", DataTypes.IntegerType, true),
            f("verdict", DataTypes.StringType, true),
            f("skill", DataTypes.DoubleType, true),
            f("predictability", DataTypes.DoubleType, true),
            f("useful_horizon", DataTypes.IntegerType, true),
            f("best_model", DataTypes.StringType, true),
            f("baseline", DataTypes.StringType, true),
            f("expected_mase", DataTypes.DoubleType, true),
            f("expected_mase_low", DataTypes.DoubleType, true),
            f("expected_mase_high", DataTypes.DoubleType, true),
            f("worst_finding", DataTypes.StringType, true),
            f("worst_severity", DataTypes.StringType, true),
            f("critical", DataTypes.IntegerType, false),
            f("warning", DataTypes.IntegerType, false),
            f("info", DataTypes.IntegerType, false),
            f("findings", new ArrayType(FINDING, false), false),
            f("json", DataTypes.StringType, true),
            f("summary", DataTypes.BinaryType, false)
          });

  /** The full-series counts (mergeable states over every row of a series). */
  static final StructType COUNTS =
      new StructType(
          new StructField[] {
            f("id", DataTypes.StringType, false),
            f("rows", DataTypes.LongType, false),
            f("distinct_times", DataTypes.LongType, false),
            f("duplicate_rows", DataTypes.LongType, false),
            f("unparseable_times", DataTypes.LongType, false),
            f("missing_values", DataTypes.LongType, false),
            f("non_numeric_values", DataTypes.LongType, false),
            f("first_time", DataTypes.LongType, true),
            f("last_time", DataTypes.LongType, true)
          });
}
