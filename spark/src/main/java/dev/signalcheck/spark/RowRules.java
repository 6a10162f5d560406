package dev.signalcheck.spark;

import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeParser;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * How one input row becomes rows of series, by the file reader's rules: the series id is the id
 * columns' trimmed texts joined with '/' (and '/target' when there are several targets; the target
 * name in wide layout); a cell is missing when null, empty or a missing token; a number as DuckDB
 * reads it (with a decimal comma where the column uses one); infinite values are not numbers; a row
 * with no id, or with neither a time nor any value, is rejected with its reason. Serializable: a
 * copy runs in every task.
 */
final class RowRules implements FlatMapFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  static final String NO_TIME_NO_VALUE = "no time and no value";
  static final String NO_ID = "no series id";

  private final List<String> targets;
  private final int[] idIdx;
  private final int[] timeIdx;
  private final int[] targetIdx;
  private final boolean[] decimalComma;
  private final int rowIdx;
  private final Set<String> missing;
  private final TimeSpec timeSpec;
  private transient TimeParser parser;

  /**
   * @param idIdx positions of the id columns in the input row
   * @param timeIdx positions of the time column (or a date and a time-of-day column)
   * @param targetIdx positions of the targets
   * @param targets the targets' names
   * @param decimalComma per target, whether it writes a decimal comma
   * @param rowIdx position of the row number
   * @param missing every token that means missing (compared after trimming)
   */
  RowRules(
      int[] idIdx,
      int[] timeIdx,
      int[] targetIdx,
      List<String> targets,
      boolean[] decimalComma,
      int rowIdx,
      List<String> missing,
      TimeSpec timeSpec) {
    this.idIdx = idIdx.clone();
    this.timeIdx = timeIdx.clone();
    this.targetIdx = targetIdx.clone();
    this.targets = List.copyOf(targets);
    this.decimalComma = decimalComma.clone();
    this.rowIdx = rowIdx;
    this.missing = new HashSet<>(missing);
    this.timeSpec = timeSpec;
  }

  /** The time text as the reader forms it: trimmed; two columns joined by a space. */
  static String timeText(Row r, int[] timeIdx) {
    if (timeIdx.length == 1) {
      return CellText.trim(CellText.of(r.get(timeIdx[0])));
    }
    // concat_ws(' ', trim(a), trim(b)): nulls left out, '' when both are null
    StringBuilder b = new StringBuilder();
    boolean first = true;
    for (int i : timeIdx) {
      String t = CellText.trim(CellText.of(r.get(i)));
      if (t == null) {
        continue;
      }
      if (!first) {
        b.append(' ');
      }
      b.append(t);
      first = false;
    }
    return b.toString();
  }

  /** A list as the Scala sequence Spark's row encoder expects for an array column. */
  static <T> scala.collection.immutable.Seq<T> scalaSeq(List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
  }

  @Override
  public Iterator<Row> call(Row r) {
    if (parser == null) {
      parser = timeSpec.parser();
    }
    long row = r.getLong(rowIdx);
    List<Row> out = new ArrayList<>(targets.size());
    String key = null;
    boolean nullId = false;
    String[] order = null;
    if (idIdx.length > 0) {
      StringBuilder kb = new StringBuilder();
      order = new String[idIdx.length];
      for (int k = 0; k < idIdx.length; k++) {
        String v = CellText.of(r.get(idIdx[k]));
        order[k] = v;
        if (v == null || v.isBlank()) {
          nullId = true;
        }
        if (k > 0) {
          kb.append('/');
        }
        kb.append(v == null ? "" : v.trim());
      }
      key = kb.toString();
    }
    String rawTime = timeText(r, timeIdx);
    int nt = targets.size();
    double[] values = new double[nt];
    byte[] states = new byte[nt];
    String[] raws = new String[nt];
    boolean anyValue = false;
    for (int k = 0; k < nt; k++) {
      String text = CellText.of(r.get(targetIdx[k]));
      String t = CellText.trim(text);
      if (text == null || missing.contains(t)) {
        states[k] = SeriesData.MISSING;
        values[k] = Double.NaN;
        continue;
      }
      anyValue = true;
      Double d = CellText.number(decimalComma[k] ? t.replace(',', '.') : t);
      if (d == null) {
        states[k] = SeriesData.NON_NUMERIC;
        values[k] = Double.NaN;
        raws[k] = text;
      } else if (d.isNaN()) {
        states[k] = SeriesData.MISSING;
        values[k] = Double.NaN;
      } else if (d.isInfinite()) {
        states[k] = SeriesData.NON_NUMERIC;
        values[k] = Double.NaN;
        raws[k] = Double.toString(d);
      } else {
        states[k] = SeriesData.OK;
        values[k] = d;
      }
    }
    boolean timeEmpty = rawTime == null || rawTime.isBlank();
    if (nullId || (timeEmpty && !anyValue)) {
      out.add(
          RowFactory.create(
              null,
              null,
              row,
              TimeParser.UNPARSEABLE,
              null,
              Double.NaN,
              (byte) 0,
              null,
              nullId ? NO_ID : NO_TIME_NO_VALUE,
              order == null ? null : scalaSeq(java.util.Arrays.asList(order))));
      return out.iterator();
    }
    long time = parser.parse(rawTime);
    String keptRaw = time == TimeParser.UNPARSEABLE ? rawTime : null;
    for (int k = 0; k < nt; k++) {
      String sid = key == null ? targets.get(k) : (nt > 1 ? key + "/" + targets.get(k) : key);
      out.add(
          RowFactory.create(
              sid, targets.get(k), row, time, keptRaw, values[k], states[k], raws[k], null, null));
    }
    return out.iterator();
  }
}
