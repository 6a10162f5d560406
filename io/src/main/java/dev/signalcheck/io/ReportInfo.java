package dev.signalcheck.io;

import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.AuditSummary;
import dev.signalcheck.core.audit.SourceInfo;
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
   * The effective settings. Per-series values (horizon, season, origins) may differ and are in each
   * series.
   *
   * @param origins the number of origins asked for, or {@code "auto"} (as many as each series
   *     allows, up to a cap)
   */
  public record Settings(
      Integer horizon, Integer season, Object origins, List<String> models, String step) {}

  /** Counts of verdicts and findings over all series. */
  public record Summary(
      long series, java.util.Map<String, Long> verdicts, java.util.Map<String, Long> findings) {

    public static Summary of(AuditSummary s) {
      return new Summary(s.series(), s.verdictCounts(), s.findingCounts());
    }
  }

  /** The settings block for an audit's settings. */
  public static Settings settings(AuditSettings s) {
    return new Settings(
        s.horizon(),
        s.season(),
        s.autoOrigins() ? "auto" : (Object) s.origins(),
        s.models(),
        s.step() == null ? null : s.step().iso());
  }

  /** The input block at the end of an audit: names, roles and row accounting. */
  public static Input input(AuditEnd end) {
    SourceInfo src = end.source();
    return new Input(
        src.name(),
        end.statistics().rows(),
        end.statistics().rejected(),
        src.time().size() == 1 ? src.time().get(0) : src.time(),
        src.targets(),
        src.ids(),
        src.covariates(),
        src.recordedAt());
  }
}
