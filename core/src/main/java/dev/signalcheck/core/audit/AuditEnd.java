package dev.signalcheck.core.audit;

import dev.signalcheck.core.finding.Finding;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link ResultSink} learns after the last series.
 *
 * @param source the input's name and column roles
 * @param statistics how every input row was accounted for
 * @param summary counts of verdicts and findings over all series and the dataset findings
 * @param datasetFindings findings about the input as a whole (rejected rows, label variants)
 * @param elapsed how long the audit took
 */
public record AuditEnd(
    SourceInfo source,
    ReadStatistics statistics,
    AuditSummary summary,
    List<Finding> datasetFindings,
    Duration elapsed) {

  public AuditEnd {
    datasetFindings = datasetFindings == null ? List.of() : List.copyOf(datasetFindings);
  }
}
