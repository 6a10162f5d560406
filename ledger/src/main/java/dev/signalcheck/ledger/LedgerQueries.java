// Over 400 lines on purpose: some 170 of them are the nested result records of the query API
// (LedgerQueries.RunRow, .Placement, ...), which callers in every module name through this class.
package dev.signalcheck.ledger;

import static dev.signalcheck.ledger.LedgerSql.getDouble;
import static dev.signalcheck.ledger.LedgerSql.getInt;
import static dev.signalcheck.ledger.LedgerSql.getLong;

import dev.signalcheck.core.errors.UsageException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ledger commands (and the server) read: runs newest first, one run with its series and
 * findings, two runs compared, every project on one scale, and a run placed beside the reference
 * populations. Complete runs only. Values are records; the words are the caller's.
 *
 * <p>A little over 400 lines because it also holds the value records that every reader (the
 * commands, the server) names as {@code LedgerQueries.X}; the work itself is in {@link
 * ProjectSummaries}, {@link RunComparison} and {@link ReferencePlacement}.
 */
public final class LedgerQueries {

  /** One run, as listed. */
  public record RunRow(
      long id,
      String project,
      boolean reference,
      String origin,
      Instant startedAt,
      String source,
      String sha256,
      Long sizeBytes,
      long series,
      long strong,
      long weak,
      long none,
      long insufficientData,
      long critical,
      long warning,
      long info,
      String toolVersion,
      Long durationMs,
      Integer exitStatus,
      String osUser,
      String settingsHash) {
    /** A builder naming each component. */
    public static RunRowBuilder builder() {
      return new RunRowBuilder();
    }
  }

  /** One series of a run. */
  public record SeriesRow(
      int ordinal,
      String id,
      String target,
      Long n,
      String step,
      Integer season,
      Integer horizon,
      Integer origins,
      String verdict,
      Double skill,
      Double predictability,
      String bestModel,
      Double bestMase,
      Double expectedMase,
      int critical,
      int warning,
      int info,
      String worstSeverity) {
    /** A builder naming each component. */
    public static SeriesRowBuilder builder() {
      return new SeriesRowBuilder();
    }
  }

  /** One finding of a run: of a series, or of the data set (series null). */
  public record FindingRow(
      String series,
      String check,
      String severity,
      String category,
      Long count,
      String from,
      String to,
      String message) {}

  /**
   * A group of series with the same MASE definition placed beside a reference population with that
   * definition.
   *
   * @param series series of the group with a best MASE
   * @param medianBestMase the group's median best MASE
   * @param population the reference population, or null when none has this definition
   * @param populationSeries series of the population under the definition
   * @param betterThan share of the population's series whose best MASE is worse (higher); ties
   *     count half
   * @param referenceOrigins when no population has this definition: the {@code --origins} value
   *     ({@code auto} or a count) under which one has all the rest of it, else null
   */
  public record Placement(
      MetricDefinition definition,
      long series,
      double medianBestMase,
      String population,
      long populationSeries,
      Double betterThan,
      String referenceOrigins) {}

  /** R's type-7 quantiles of a sample. */
  public record Quartiles(long n, Double q1, Double median, Double q3) {
    static Quartiles of(double[] sorted) {
      int n = sorted.length;
      if (n == 0) {
        return new Quartiles(0, null, null, null);
      }
      return new Quartiles(n, q(sorted, 0.25), q(sorted, 0.5), q(sorted, 0.75));
    }

    /** The same as {@link #of} of the sorted values, by selection (reorders {@code values}). */
    static Quartiles ofUnsorted(double[] values) {
      int n = values.length;
      if (n == 0) {
        return new Quartiles(0, null, null, null);
      }
      return new Quartiles(
          n,
          OrderStatistics.quantile7(values, 0.25),
          OrderStatistics.quantile7(values, 0.5),
          OrderStatistics.quantile7(values, 0.75));
    }

    static double q(double[] x, double p) {
      double h = (x.length - 1) * p;
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, x.length - 1);
      return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }
  }

  /**
   * Every project on one scale. Series figures are over the latest complete run of each of the
   * project's data sets (its current state); {@code runs} counts every run.
   */
  public record ProjectRow(
      String name,
      boolean reference,
      long runs,
      long datasets,
      long series,
      double shareStrong,
      double shareWeak,
      double shareNone,
      double shareInsufficientData,
      Quartiles bestMase,
      Quartiles skill,
      long latestRun,
      Instant latestRunAt,
      List<Placement> placements) {}

  /** A verdict that changed between two runs. */
  public record VerdictChange(
      String series, String from, String to, Double skillFrom, Double skillTo) {}

  /** The change of one model's MASE for one series, both under the same definition. */
  public record MaseDelta(
      String series, String model, MetricDefinition definition, double a, double b, double delta) {}

  /** A series in both runs whose MASE cannot be compared: the definitions differ. */
  public record NotComparable(String series, MetricDefinition a, MetricDefinition b) {}

  /** A finding present in one run and not the other. */
  public record FindingChange(String series, String check, String severity, Long count) {}

  /** Two runs compared. */
  public record Comparison(
      RunRow a,
      RunRow b,
      long seriesInBoth,
      List<String> onlyInA,
      List<String> onlyInB,
      List<VerdictChange> verdictChanges,
      List<MaseDelta> maseDeltas,
      List<NotComparable> notComparable,
      List<FindingChange> newFindings,
      List<FindingChange> goneFindings) {}

  private static final String RUN_COLUMNS =
      "r.id, p.name AS project, p.reference, r.origin, r.started_at, d.source, d.sha256,"
          + " d.size_bytes, r.series_count, r.strong, r.weak, r.no_signal, r.insufficient_data,"
          + " r.critical, r.warning, r.info, r.tool_version, r.duration_ms, r.exit_status,"
          + " r.os_user, r.settings_hash";

  private static final String RUN_FROM =
      " FROM run r JOIN project p ON p.id = r.project_id LEFT JOIN dataset d ON d.id ="
          + " r.dataset_id";

  private final Ledger ledger;
  private final LedgerSql sql;
  private final LedgerDialect dialect;
  private final ReferencePlacement placement;

  public LedgerQueries(Ledger ledger) {
    this.ledger = ledger;
    this.sql = new LedgerSql(ledger);
    this.dialect = ledger.dialect();
    this.placement = new ReferencePlacement(sql);
  }

  /**
   * Complete runs, newest first.
   *
   * @param project only this project, or null for every project but the reference populations
   * @param since only runs started at or after this instant, or null
   * @param limit at most this many
   * @param offset skip this many (paging)
   */
  public List<RunRow> runs(String project, Instant since, int limit, int offset) {
    StringBuilder q = new StringBuilder("SELECT " + RUN_COLUMNS + RUN_FROM + " WHERE r.complete");
    if (project != null) {
      q.append(" AND r.project_id = (SELECT id FROM project WHERE name = ?)");
    } else {
      q.append(" AND NOT p.reference");
    }
    if (since != null) {
      q.append(" AND r.started_at >= ?");
    }
    q.append(" ORDER BY r.started_at DESC, r.id DESC LIMIT ? OFFSET ?");
    return sql.query(
        q.toString(),
        ps -> {
          int i = 1;
          if (project != null) {
            ps.setString(i++, project);
          }
          if (since != null) {
            dialect.setTime(ps, i++, since);
          }
          ps.setInt(i++, limit);
          ps.setInt(i, offset);
        },
        this::runRow);
  }

  /** Whether a project of this name exists. */
  public boolean projectExists(String project) {
    return !sql.query(
            "SELECT 1 FROM project WHERE name = ?", ps -> ps.setString(1, project), rs -> 1)
        .isEmpty();
  }

  /**
   * The run a user named: a run id, or {@code latest} (of a project, when given).
   *
   * @throws UsageException when there is no such complete run
   */
  public RunRow resolve(String spec, String project) {
    if (project != null && !projectExists(project)) {
      throw new UsageException(
          "no project '"
              + project
              + "' in the ledger "
              + ledger.location().display()
              + "; 'signalcheck ledger projects' lists them");
    }
    if ("latest".equalsIgnoreCase(spec)) {
      List<RunRow> r = runs(project, null, 1, 0);
      if (r.isEmpty()) {
        throw new UsageException(
            "the ledger "
                + ledger.location().display()
                + " has no runs"
                + (project == null ? "" : " in project '" + project + "'")
                + " yet; run 'signalcheck audit' first");
      }
      return r.get(0);
    }
    long id;
    try {
      id = Long.parseLong(spec.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(
          "run '"
              + spec
              + "' is neither a run id nor 'latest'; 'signalcheck ledger runs' lists"
              + " the ids");
    }
    List<RunRow> r =
        sql.query(
            "SELECT "
                + RUN_COLUMNS
                + RUN_FROM
                + " WHERE r.complete AND r.id = ?"
                + (project == null ? "" : " AND p.name = ?"),
            ps -> {
              ps.setLong(1, id);
              if (project != null) {
                ps.setString(2, project);
              }
            },
            this::runRow);
    if (r.isEmpty()) {
      throw new UsageException(
          "no run "
              + id
              + (project == null ? "" : " in project '" + project + "'")
              + " in the ledger "
              + ledger.location().display()
              + "; 'signalcheck ledger runs' lists the runs");
    }
    return r.get(0);
  }

  /** A run's series in report order. */
  public List<SeriesRow> series(long runId) {
    return sql.query(
        "SELECT ordinal, series_key, target, n, step, season, horizon, origins, verdict, skill,"
            + " predictability, best_model, best_mase, expected_mase, critical, warning, info,"
            + " worst_severity FROM series WHERE run_id = ? ORDER BY ordinal",
        ps -> ps.setLong(1, runId),
        rs ->
            SeriesRow.builder()
                .ordinal(rs.getInt(1))
                .id(rs.getString(2))
                .target(rs.getString(3))
                .n(getLong(rs, 4))
                .step(rs.getString(5))
                .season(getInt(rs, 6))
                .horizon(getInt(rs, 7))
                .origins(getInt(rs, 8))
                .verdict(rs.getString(9))
                .skill(getDouble(rs, 10))
                .predictability(getDouble(rs, 11))
                .bestModel(rs.getString(12))
                .bestMase(getDouble(rs, 13))
                .expectedMase(getDouble(rs, 14))
                .critical(rs.getInt(15))
                .warning(rs.getInt(16))
                .info(rs.getInt(17))
                .worstSeverity(rs.getString(18))
                .build());
  }

  /** A run's findings: dataset-level first, then by series in report order. */
  public List<FindingRow> findings(long runId) {
    return sql.query(
        "SELECT s.series_key, f.check_id, f.severity, f.category, f.count, f.first_from,"
            + " f.first_to, f.message FROM finding f LEFT JOIN series s ON s.id = f.series_id"
            + " WHERE f.run_id = ? ORDER BY COALESCE(s.ordinal, -1), f.id",
        ps -> ps.setLong(1, runId),
        rs ->
            new FindingRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                getLong(rs, 5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8)));
  }

  /** A run's series grouped by MASE definition, each group placed beside the references. */
  public List<Placement> placements(long runId) {
    Map<Long, RunValues.Doubles> groups = new LinkedHashMap<>();
    sql.query(
        "SELECT mase_definition_id, best_mase FROM series WHERE run_id = ? AND best_mase IS NOT"
            + " NULL AND mase_definition_id IS NOT NULL",
        ps -> ps.setLong(1, runId),
        rs -> {
          groups.computeIfAbsent(rs.getLong(1), k -> new RunValues.Doubles()).add(rs.getDouble(2));
          return null;
        });
    return placement.place(groups, placement.runProjectIsReference(runId));
  }

  /** A metric definition by id. */
  public MetricDefinition definition(long id) {
    return sql.definition(id);
  }

  /** Every project on one scale, references last. */
  public List<ProjectRow> projects() {
    return new ProjectSummaries(sql, dialect, placement).projects();
  }

  /** Two runs compared series by series (matched by id and target). */
  public Comparison compare(RunRow a, RunRow b) {
    return new RunComparison(sql, this).compare(a, b);
  }

  /** Share of {@code population} (sorted) above {@code value}, ties counting half. */
  static double betterThan(double value, double[] population) {
    return ReferencePlacement.betterThan(value, population);
  }

  private RunRow runRow(ResultSet rs) throws SQLException {
    return RunRow.builder()
        .id(rs.getLong("id"))
        .project(rs.getString("project"))
        .reference(rs.getBoolean("reference"))
        .origin(rs.getString("origin"))
        .startedAt(dialect.getTime(rs, "started_at"))
        .source(rs.getString("source"))
        .sha256(rs.getString("sha256"))
        .sizeBytes(getLong(rs, rs.findColumn("size_bytes")))
        .series(rs.getLong("series_count"))
        .strong(rs.getLong("strong"))
        .weak(rs.getLong("weak"))
        .none(rs.getLong("no_signal"))
        .insufficientData(rs.getLong("insufficient_data"))
        .critical(rs.getLong("critical"))
        .warning(rs.getLong("warning"))
        .info(rs.getLong("info"))
        .toolVersion(rs.getString("tool_version"))
        .durationMs(getLong(rs, rs.findColumn("duration_ms")))
        .exitStatus(getInt(rs, rs.findColumn("exit_status")))
        .osUser(rs.getString("os_user"))
        .settingsHash(rs.getString("settings_hash"))
        .build();
  }
}
