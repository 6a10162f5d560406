package dev.signalcheck.io;

import java.time.ZoneId;
import java.util.List;

/**
 * Where the data are and how to read them (the audit's input options).
 *
 * @param source a file path, or {@code -} for standard input
 * @param time the time column, or two (a date and a time-of-day column); empty to detect
 * @param targets value columns; empty for every numeric column not otherwise used
 * @param ids series key columns (long layout)
 * @param delimiter CSV delimiter, or null to sniff
 * @param decimal decimal separator, or null to detect ({@code .} or {@code ,})
 * @param missingTokens extra tokens that mean "missing"
 * @param timeFormat null, or epoch-s, epoch-ms, index, year, ymd, dmy, mdy
 * @param timezone zone of time stamps without offset, or null
 * @param encoding the text encoding (utf-8, latin-1, windows-1252), or null for UTF-8
 * @param moreSources further files read with {@code source} as one table (same columns), in order;
 *     each may be a glob or a folder of hive-partitioned files, as {@code source} may
 */
public record InputSpec(
    String source,
    List<String> time,
    List<String> targets,
    List<String> ids,
    List<String> covariates,
    String recordedAt,
    String delimiter,
    String decimal,
    List<String> missingTokens,
    String timeFormat,
    ZoneId timezone,
    String encoding,
    List<String> moreSources) {

  /** The tokens that always mean missing (contract.md), compared after trimming. */
  public static final List<String> DEFAULT_MISSING =
      List.of("NA", "N/A", "NaN", "nan", "null", "NULL", "-", "#N/A", "");

  public InputSpec {
    time = time == null ? List.of() : List.copyOf(time);
    targets = targets == null ? List.of() : List.copyOf(targets);
    ids = ids == null ? List.of() : List.copyOf(ids);
    covariates = covariates == null ? List.of() : List.copyOf(covariates);
    missingTokens = missingTokens == null ? List.of() : List.copyOf(missingTokens);
    moreSources = moreSources == null ? List.of() : List.copyOf(moreSources);
  }

  /** An input in UTF-8 from one source. */
  public InputSpec(
      String source,
      List<String> time,
      List<String> targets,
      List<String> ids,
      List<String> covariates,
      String recordedAt,
      String delimiter,
      String decimal,
      List<String> missingTokens,
      String timeFormat,
      ZoneId timezone) {
    this(
        source,
        time,
        targets,
        ids,
        covariates,
        recordedAt,
        delimiter,
        decimal,
        missingTokens,
        timeFormat,
        timezone,
        null,
        List.of());
  }

  /** Every source, {@code source} first. */
  public List<String> sources() {
    List<String> all = new java.util.ArrayList<>();
    all.add(source);
    all.addAll(moreSources);
    return all;
  }

  public static InputSpec of(String source) {
    return new InputSpec(
        source, List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(), null,
        null);
  }

  public InputSpec withTime(String... cols) {
    return new InputSpec(
        source,
        List.of(cols),
        targets,
        ids,
        covariates,
        recordedAt,
        delimiter,
        decimal,
        missingTokens,
        timeFormat,
        timezone,
        encoding,
        moreSources);
  }

  public InputSpec withTargets(String... cols) {
    return new InputSpec(
        source,
        time,
        List.of(cols),
        ids,
        covariates,
        recordedAt,
        delimiter,
        decimal,
        missingTokens,
        timeFormat,
        timezone,
        encoding,
        moreSources);
  }

  public InputSpec withIds(String... cols) {
    return new InputSpec(
        source,
        time,
        targets,
        List.of(cols),
        covariates,
        recordedAt,
        delimiter,
        decimal,
        missingTokens,
        timeFormat,
        timezone,
        encoding,
        moreSources);
  }
}
