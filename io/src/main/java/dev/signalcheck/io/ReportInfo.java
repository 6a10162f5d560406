package dev.signalcheck.io;

import java.util.List;

/** The parts of a report that describe the run rather than a series. */
public final class ReportInfo {
  private ReportInfo() {}

  public record Generator(String name, String version, String java) {}

  /** The input block of the report. */
  public record Input(
      String source,
      long rows,
      long rejectedRows,
      Object time,
      List<String> targets,
      List<String> ids,
      List<String> covariates,
      String recordedAt) {}

  /**
   * The effective settings. Per-series values (horizon, season) may differ and are in each series.
   */
  public record Settings(
      Integer horizon, Integer season, int origins, List<String> models, String step) {}

  /** Counts of verdicts and findings over all series. */
  public record Summary(
      long series, java.util.Map<String, Long> verdicts, java.util.Map<String, Long> findings) {}
}
