package dev.signalcheck.core.audit;

import java.util.List;

/**
 * What a {@link SeriesSource} reads: its name and the columns in each role, known before any series
 * is read.
 *
 * @param name the input as users know it (a file name, {@code standard input}, a table)
 * @param time the time column, or a date and a time-of-day column
 * @param targets value columns, one series each (per key in long layout)
 * @param ids series key columns (long layout), empty in wide layout
 * @param covariates candidate explanatory columns
 * @param recordedAt the column saying when each row was entered, or null
 * @param columns every column of the input, in its order
 */
public record SourceInfo(
    String name,
    List<String> time,
    List<String> targets,
    List<String> ids,
    List<String> covariates,
    String recordedAt,
    List<String> columns) {

  public SourceInfo {
    time = time == null ? List.of() : List.copyOf(time);
    targets = targets == null ? List.of() : List.copyOf(targets);
    ids = ids == null ? List.of() : List.copyOf(ids);
    covariates = covariates == null ? List.of() : List.copyOf(covariates);
    columns = columns == null ? List.of() : List.copyOf(columns);
  }
}
