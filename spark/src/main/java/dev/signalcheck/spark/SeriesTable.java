package dev.signalcheck.spark;

import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * series.parquet: one row per series, the audit's figures beside the full-series counts. {@code n}
 * counts every row of the series in the input; {@code rows_audited} those the audit saw (fewer only
 * when the series was longer than the per-series cap: {@code rows_cut} more were counted but not
 * audited). {@code absent_positions}: grid positions (at the audited step) between the first and
 * the last time stamp of all rows that no row has.
 */
final class SeriesTable {
  private SeriesTable() {}

  static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("target", DataTypes.StringType, false),
            DataTypes.createStructField("n", DataTypes.LongType, false),
            DataTypes.createStructField("rows_audited", DataTypes.LongType, false),
            DataTypes.createStructField("rows_cut", DataTypes.LongType, false),
            DataTypes.createStructField("length", DataTypes.LongType, false),
            DataTypes.createStructField("start", DataTypes.StringType, true),
            DataTypes.createStructField("end", DataTypes.StringType, true),
            DataTypes.createStructField("step", DataTypes.StringType, true),
            DataTypes.createStructField("season", DataTypes.IntegerType, true),
            DataTypes.createStructField("regularity", DataTypes.DoubleType, true),
            DataTypes.createStructField("horizon", DataTypes.IntegerType, true),
            DataTypes.createStructField("verdict", DataTypes.StringType, true),
            DataTypes.createStructField("skill", DataTypes.DoubleType, true),
            DataTypes.createStructField("predictability", DataTypes.DoubleType, true),
            DataTypes.createStructField("useful_horizon", DataTypes.IntegerType, true),
            DataTypes.createStructField("best_model", DataTypes.StringType, true),
            DataTypes.createStructField("baseline", DataTypes.StringType, true),
            DataTypes.createStructField("expected_mase", DataTypes.DoubleType, true),
            DataTypes.createStructField("expected_mase_low", DataTypes.DoubleType, true),
            DataTypes.createStructField("expected_mase_high", DataTypes.DoubleType, true),
            DataTypes.createStructField("worst_finding", DataTypes.StringType, true),
            DataTypes.createStructField("worst_severity", DataTypes.StringType, true),
            DataTypes.createStructField("critical", DataTypes.IntegerType, false),
            DataTypes.createStructField("warning", DataTypes.IntegerType, false),
            DataTypes.createStructField("info", DataTypes.IntegerType, false),
            DataTypes.createStructField("first_time", DataTypes.StringType, true),
            DataTypes.createStructField("last_time", DataTypes.StringType, true),
            DataTypes.createStructField("distinct_times", DataTypes.LongType, false),
            DataTypes.createStructField("duplicate_rows", DataTypes.LongType, false),
            DataTypes.createStructField("unparseable_times", DataTypes.LongType, false),
            DataTypes.createStructField("missing_values", DataTypes.LongType, false),
            DataTypes.createStructField("non_numeric_values", DataTypes.LongType, false),
            DataTypes.createStructField("absent_positions", DataTypes.LongType, true)
          });

  /**
   * Joins an audited row (its {@link Schemas#AUDITED} fields up to {@code info}, by name) with the
   * series' counts.
   */
  static final class Assemble implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final TimeSpec timeSpec;
    private transient TimeFormat format;

    Assemble(TimeSpec timeSpec) {
      this.timeSpec = timeSpec;
    }

    @Override
    public Row call(Row r) {
      if (format == null) {
        format = timeSpec.parser().format();
      }
      Long first =
          r.isNullAt(r.fieldIndex("first_time")) ? null : r.getLong(r.fieldIndex("first_time"));
      Long last =
          r.isNullAt(r.fieldIndex("last_time")) ? null : r.getLong(r.fieldIndex("last_time"));
      long distinct = r.getLong(r.fieldIndex("distinct_times"));
      String step = r.getString(r.fieldIndex("step"));
      Long absent = null;
      if (step != null && first != null) {
        double span = Step.parse(step).position(first, last);
        long positions = (long) Math.floor(span + 1e-9) + 1;
        absent = Math.max(0, positions - distinct);
      }
      return RowFactory.create(
          r.getString(r.fieldIndex("id")),
          r.getString(r.fieldIndex("target")),
          r.getLong(r.fieldIndex("rows")),
          r.getLong(r.fieldIndex("n")),
          r.getLong(r.fieldIndex("rows_cut")),
          r.getLong(r.fieldIndex("length")),
          r.get(r.fieldIndex("start")),
          r.get(r.fieldIndex("end")),
          r.get(r.fieldIndex("step")),
          r.get(r.fieldIndex("season")),
          r.get(r.fieldIndex("regularity")),
          r.get(r.fieldIndex("horizon")),
          r.get(r.fieldIndex("verdict")),
          r.get(r.fieldIndex("skill")),
          r.get(r.fieldIndex("predictability")),
          r.get(r.fieldIndex("useful_horizon")),
          r.get(r.fieldIndex("best_model")),
          r.get(r.fieldIndex("baseline")),
          r.get(r.fieldIndex("expected_mase")),
          r.get(r.fieldIndex("expected_mase_low")),
          r.get(r.fieldIndex("expected_mase_high")),
          r.get(r.fieldIndex("worst_finding")),
          r.get(r.fieldIndex("worst_severity")),
          r.getInt(r.fieldIndex("critical")),
          r.getInt(r.fieldIndex("warning")),
          r.getInt(r.fieldIndex("info")),
          first == null ? null : format.text(first),
          last == null ? null : format.text(last),
          distinct,
          r.getLong(r.fieldIndex("duplicate_rows")),
          r.getLong(r.fieldIndex("unparseable_times")),
          r.getLong(r.fieldIndex("missing_values")),
          r.getLong(r.fieldIndex("non_numeric_values")),
          absent);
    }
  }
}
