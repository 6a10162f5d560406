package dev.signalcheck.core.sources;

import dev.signalcheck.core.series.Step;

/**
 * The newest reading of one series of a pull, for staleness.
 *
 * @param id the series id as in the report
 * @param lastMillis its newest time stamp, milliseconds since the epoch (local times read as UTC)
 * @param lastText the same stamp as the report writes it
 * @param step the series' own step (inferred or from {@code --step})
 */
public record SeriesEnd(String id, long lastMillis, String lastText, Step step) {}
