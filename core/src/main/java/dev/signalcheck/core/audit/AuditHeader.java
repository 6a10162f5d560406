package dev.signalcheck.core.audit;

import java.time.Instant;

/**
 * What a {@link ResultSink} learns before the first series.
 *
 * @param source the input's name and column roles
 * @param settings the audit settings as given (null fields: chosen per series from the data)
 * @param expectedRows data rows in the input, or -1 when unknown before reading
 * @param expectedSeries series to come, or -1 when unknown
 * @param startedAt when the audit started
 */
public record AuditHeader(
    SourceInfo source,
    AuditSettings settings,
    long expectedRows,
    long expectedSeries,
    Instant startedAt) {}
