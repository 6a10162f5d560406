package dev.signalcheck.spark;

import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The job's mergeable states as Spark aggregators: Spark adds rows to a state within each partition
 * and merges the partial states across partitions and executors ({@link SeriesCounts}, {@link
 * RowAccounting}).
 */
final class States {
  private States() {}

  /**
   * Full-series counts from one cell per (series, time stamp): id, parsed, time, c, missing, nn.
   */
  static final class Counts extends Aggregator<Row, SeriesCounts, SeriesCounts> {
    private static final long serialVersionUID = 1L;

    @Override
    public SeriesCounts zero() {
      return new SeriesCounts();
    }

    @Override
    public SeriesCounts reduce(SeriesCounts s, Row cell) {
      return s.addCell(
          cell.getBoolean(1), cell.getLong(2), cell.getLong(3), cell.getLong(4), cell.getLong(5));
    }

    @Override
    public SeriesCounts merge(SeriesCounts a, SeriesCounts b) {
      return a.merge(b);
    }

    @Override
    public SeriesCounts finish(SeriesCounts s) {
      return s;
    }

    @Override
    public Encoder<SeriesCounts> bufferEncoder() {
      return Encoders.javaSerialization(SeriesCounts.class);
    }

    @Override
    public Encoder<SeriesCounts> outputEncoder() {
      return Encoders.javaSerialization(SeriesCounts.class);
    }
  }

  /** Rejected rows (parsed rows with a reason) into the input's row accounting. */
  static final class Rejected extends Aggregator<Row, RowAccounting, RowAccounting> {
    private static final long serialVersionUID = 1L;

    @Override
    public RowAccounting zero() {
      return new RowAccounting();
    }

    @Override
    public RowAccounting reduce(RowAccounting s, Row r) {
      List<String> ids = r.isNullAt(Schemas.P_ORDER) ? null : r.getList(Schemas.P_ORDER);
      return s.add(r.getString(Schemas.P_REJECT), ids, r.getLong(Schemas.P_ROW));
    }

    @Override
    public RowAccounting merge(RowAccounting a, RowAccounting b) {
      return a.merge(b);
    }

    @Override
    public RowAccounting finish(RowAccounting s) {
      return s;
    }

    @Override
    public Encoder<RowAccounting> bufferEncoder() {
      return Encoders.javaSerialization(RowAccounting.class);
    }

    @Override
    public Encoder<RowAccounting> outputEncoder() {
      return Encoders.javaSerialization(RowAccounting.class);
    }
  }
}
