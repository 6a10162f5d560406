package dev.signalcheck.spark;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.core.audit.ReadStatistics;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.audit.SeriesSource;
import dev.signalcheck.core.audit.SourceInfo;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.SeriesData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The data set's own findings of a Spark run, worded by the same call as the command line's ({@link
 * DatasetAudit#run}): the executors audited the series, so this part sees only the row accounting
 * and the label columns' counts.
 */
final class DatasetPart {
  private DatasetPart() {}

  /** The end of the data-set part of the audit: its findings and summary, no series. */
  static AuditEnd run(
      SourceInfo info,
      long rows,
      ReadStatistics stats,
      Map<String, LinkedHashMap<String, Long>> labelCounts,
      AuditSettings settings,
      List<String> labels) {
    AuditEnd[] end = new AuditEnd[1];
    DatasetAudit.run(
        new Accounted(info, rows, stats, labelCounts),
        settings,
        new ResultSink() {
          @Override
          public void series(SeriesResult result) {}

          @Override
          public void end(AuditEnd e) {
            end[0] = e;
          }
        },
        new DatasetAudit.Options(1, labels));
    return end[0];
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
