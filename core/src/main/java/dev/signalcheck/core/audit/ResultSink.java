package dev.signalcheck.core.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives an audit's results as they are made: {@link #begin} once, {@link #series} once per
 * series in input order, {@link #end} once. The JSON writer, the HTML report, the console, the
 * progress bar and the ledger are sinks; {@link #fanOut} combines them. All calls come from the
 * thread that runs the audit.
 */
public interface ResultSink {

  default void begin(AuditHeader header) {}

  void series(SeriesResult result);

  default void end(AuditEnd end) {}

  /** A sink that passes every call to each of {@code sinks}, in order. */
  static ResultSink fanOut(List<? extends ResultSink> sinks) {
    List<ResultSink> all = new ArrayList<>(sinks);
    return new ResultSink() {
      @Override
      public void begin(AuditHeader header) {
        for (ResultSink s : all) {
          s.begin(header);
        }
      }

      @Override
      public void series(SeriesResult result) {
        for (ResultSink s : all) {
          s.series(result);
        }
      }

      @Override
      public void end(AuditEnd end) {
        for (ResultSink s : all) {
          s.end(end);
        }
      }
    };
  }

  /** A sink that passes every call to each of {@code sinks}, in order. */
  static ResultSink fanOut(ResultSink... sinks) {
    return fanOut(List.of(sinks));
  }
}
