package dev.signalcheck.spark;

import dev.signalcheck.core.audit.AuditSummary;
import dev.signalcheck.core.audit.ReadStatistics;
import java.time.Duration;

/**
 * What a run of the job produced.
 *
 * @param output the output folder (series.parquet, findings.parquet, report.json)
 * @param summary verdict and finding counts over every series and the data-set findings
 * @param statistics how every input row was accounted for
 * @param series series audited
 * @param seriesCut series longer than the per-series cap (their oldest rows were not audited)
 * @param rowsCut rows counted but not audited
 * @param elapsed how long the run took
 */
public record JobResult(
    String output,
    AuditSummary summary,
    ReadStatistics statistics,
    long series,
    long seriesCut,
    long rowsCut,
    Duration elapsed) {}
