package dev.signalcheck.ledger;

import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the ledger commands (and the server) read: runs newest first, one run with its series and
 * findings, two runs compared, every project on one scale, and a run placed beside the reference
 * populations. Complete runs only. Values are records; the words are the caller's.
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
      String settingsHash) {}

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
      String worstSeverity) {}

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
   */
  public record Placement(
      MetricDefinition definition,
      long series,
      double medianBestMase,
      String population,
      long populationSeries,
      Double betterThan,
      Integer referenceOrigins) {}

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
  private final Connection c;
  private final LedgerDialect dialect;
  private final Map<Long, MetricDefinition> definitions = new HashMap<>();
  private final Map<Long, Map<String, double[]>> referenceValues = new HashMap<>();

  public LedgerQueries(Ledger ledger) {
    this.ledger = ledger;
    this.c = ledger.connection();
    this.dialect = ledger.dialect();
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
    StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + RUN_FROM + " WHERE r.complete");
    if (project != null) {
      sql.append(" AND r.project_id = (SELECT id FROM project WHERE name = ?)");
    } else {
      sql.append(" AND NOT p.reference");
    }
    if (since != null) {
      sql.append(" AND r.started_at >= ?");
    }
    sql.append(" ORDER BY r.started_at DESC, r.id DESC LIMIT ? OFFSET ?");
    return query(
        sql.toString(),
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
    return !query("SELECT 1 FROM project WHERE name = ?", ps -> ps.setString(1, project), rs -> 1)
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
        query(
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
    return query(
        "SELECT ordinal, series_key, target, n, step, season, horizon, origins, verdict, skill,"
            + " predictability, best_model, best_mase, expected_mase, critical, warning, info,"
            + " worst_severity FROM series WHERE run_id = ? ORDER BY ordinal",
        ps -> ps.setLong(1, runId),
        rs ->
            new SeriesRow(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                getLong(rs, 4),
                rs.getString(5),
                getInt(rs, 6),
                getInt(rs, 7),
                getInt(rs, 8),
                rs.getString(9),
                getDouble(rs, 10),
                getDouble(rs, 11),
                rs.getString(12),
                getDouble(rs, 13),
                getDouble(rs, 14),
                rs.getInt(15),
                rs.getInt(16),
                rs.getInt(17),
                rs.getString(18)));
  }

  /** A run's findings: dataset-level first, then by series in report order. */
  public List<FindingRow> findings(long runId) {
    return query(
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
    query(
        "SELECT mase_definition_id, best_mase FROM series WHERE run_id = ? AND best_mase IS NOT"
            + " NULL AND mase_definition_id IS NOT NULL",
        ps -> ps.setLong(1, runId),
        rs -> {
          groups.computeIfAbsent(rs.getLong(1), k -> new RunValues.Doubles()).add(rs.getDouble(2));
          return null;
        });
    return place(groups, runProjectIsReference(runId));
  }

  private boolean runProjectIsReference(long runId) {
    return !query(
            "SELECT 1 FROM run r JOIN project p ON p.id = r.project_id WHERE r.id = ? AND"
                + " p.reference",
            ps -> ps.setLong(1, runId),
            rs -> 1)
        .isEmpty();
  }

  private List<Placement> place(Map<Long, RunValues.Doubles> groups, boolean skipReferences) {
    List<Placement> out = new ArrayList<>();
    List<Map.Entry<Long, RunValues.Doubles>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort((x, y) -> Integer.compare(y.getValue().size(), x.getValue().size()));
    for (Map.Entry<Long, RunValues.Doubles> g : sorted) {
      int size = g.getValue().size();
      double med = OrderStatistics.quantile7(g.getValue().copy(), 0.5);
      MetricDefinition def = definition(g.getKey());
      Map<String, double[]> refs = skipReferences ? Map.of() : referenceValues(g.getKey());
      if (refs.isEmpty()) {
        out.add(
            new Placement(
                def, size, med, null, 0, null, skipReferences ? null : otherOrigins(def)));
      }
      for (Map.Entry<String, double[]> r : refs.entrySet()) {
        out.add(
            new Placement(
                def,
                size,
                med,
                r.getKey(),
                r.getValue().length,
                betterThan(med, r.getValue()),
                null));
      }
    }
    return out;
  }

  /** Share of {@code population} (sorted) above {@code value}, ties counting half. */
  static double betterThan(double value, double[] population) {
    int below = lowerBound(population, value);
    int upTo = upperBound(population, value);
    double worse = population.length - upTo;
    return (worse + 0.5 * (upTo - below)) / population.length;
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * When no reference population shares a definition: the number of origins under which one shares
   * all the rest of it (metric, scaling, season, horizon, aggregation), or null. Origins are part
   * of the definition, so such runs are not placed; the words can say how to be.
   */
  private Integer otherOrigins(MetricDefinition def) {
    for (long id : referenceDefinitionIds()) {
      MetricDefinition r = definition(id);
      if (r.name().equals(def.name())
          && r.scaling().equals(def.scaling())
          && r.season() == def.season()
          && r.horizon() == def.horizon()
          && r.aggregation().equals(def.aggregation())
          && r.origins() != def.origins()) {
        return r.origins();
      }
    }
    return null;
  }

  private Set<Long> referenceDefinitionIds;

  private Set<Long> referenceDefinitionIds() {
    if (referenceDefinitionIds == null) {
      Set<Long> ids = new LinkedHashSet<>();
      query(
          "SELECT DISTINCT s.mase_definition_id FROM series s WHERE s.mase_definition_id IS NOT NULL"
              + " AND s.run_id IN (SELECT MAX(r.id) FROM run r JOIN project p ON p.id ="
              + " r.project_id WHERE p.reference AND r.complete GROUP BY p.id)",
          ps -> {},
          rs -> {
            ids.add(rs.getLong(1));
            return null;
          });
      referenceDefinitionIds = ids;
    }
    return referenceDefinitionIds;
  }

  /** Best-MASE values of each reference population under a definition (latest reference run). */
  private Map<String, double[]> referenceValues(long definitionId) {
    return referenceValues.computeIfAbsent(
        definitionId,
        d -> {
          // from the latest run of each reference project, by run (a definition's own index
          // would read every series under it, in every project)
          Map<String, Long> latest = new LinkedHashMap<>();
          query(
              "SELECT p.name, MAX(r.id) FROM run r JOIN project p ON p.id = r.project_id WHERE"
                  + " p.reference AND r.complete GROUP BY p.name ORDER BY p.name",
              ps -> {},
              rs -> {
                latest.put(rs.getString(1), rs.getLong(2));
                return null;
              });
          Map<String, List<Double>> m = new LinkedHashMap<>();
          for (Map.Entry<String, Long> e : latest.entrySet()) {
            // filtered here: given the definition too, SQLite would take the definition's index
            query(
                "SELECT best_mase, mase_definition_id FROM series WHERE run_id = ? AND best_mase"
                    + " IS NOT NULL",
                ps -> ps.setLong(1, e.getValue()),
                rs -> {
                  if (rs.getLong(2) == d) {
                    m.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(rs.getDouble(1));
                  }
                  return null;
                });
          }
          Map<String, double[]> out = new LinkedHashMap<>();
          m.forEach(
              (k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).sorted().toArray()));
          return out;
        });
  }

  /** A metric definition by id. */
  public MetricDefinition definition(long id) {
    return definitions.computeIfAbsent(
        id,
        k ->
            query(
                    "SELECT name, scaling, season, horizon, origins, aggregation FROM"
                        + " metric_definition WHERE id = ?",
                    ps -> ps.setLong(1, k),
                    rs ->
                        new MetricDefinition(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getString(6)))
                .get(0));
  }

  /** Every project on one scale, references last. */
  public List<ProjectRow> projects() {
    record Counts(long runs, long latest, Instant latestAt) {}
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, Boolean> reference = new HashMap<>();
    query(
        "SELECT id, name, reference FROM project ORDER BY reference, name",
        ps -> {},
        rs -> {
          names.put(rs.getLong(1), rs.getString(2));
          reference.put(rs.getLong(1), rs.getBoolean(3));
          return null;
        });
    Map<Long, Counts> counts = new HashMap<>();
    query(
        "SELECT r.project_id, COUNT(*), MAX(r.id) FROM run r WHERE r.complete GROUP BY"
            + " r.project_id",
        ps -> {},
        rs -> {
          counts.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3), null));
          return null;
        });
    Map<Long, Instant> latestAt = new HashMap<>();
    for (Map.Entry<Long, Counts> e : counts.entrySet()) {
      query(
          "SELECT started_at FROM run WHERE id = ?",
          ps -> ps.setLong(1, e.getValue().latest()),
          rs -> {
            latestAt.put(e.getKey(), dialect.getTime(rs, "started_at"));
            return null;
          });
    }
    // the latest complete run of each data set of each project: its counts from the run, its
    // values from run_values (one row per run and kind), or from its series when it has none
    class Acc {
      long datasets;
      long series;
      final long[] verdicts = new long[4];
      final RunValues.Doubles mase = new RunValues.Doubles();
      final RunValues.Doubles skill = new RunValues.Doubles();
      final Map<Long, RunValues.Doubles> byDefinition = new LinkedHashMap<>();
    }
    Map<Long, Acc> acc = new HashMap<>();
    Map<Long, Acc> byRun = new HashMap<>();
    String latest = "SELECT MAX(id) AS id FROM run WHERE complete GROUP BY project_id, dataset_id";
    query(
        "SELECT r.id, r.project_id, r.series_count, r.strong, r.weak, r.no_signal,"
            + " r.insufficient_data FROM run r WHERE r.id IN ("
            + latest
            + ")",
        ps -> {},
        rs -> {
          Acc a = acc.computeIfAbsent(rs.getLong(2), k -> new Acc());
          a.datasets++;
          a.series += rs.getLong(3);
          for (int v = 0; v < 4; v++) {
            a.verdicts[v] += rs.getLong(4 + v);
          }
          byRun.put(rs.getLong(1), a);
          return null;
        });
    Set<Long> withValues = new HashSet<>();
    query(
        "SELECT v.run_id, v.kind, v.definition_id, v.vals FROM run_values v WHERE v.run_id IN ("
            + latest
            + ")",
        ps -> {},
        rs -> {
          long run = rs.getLong(1);
          Acc a = byRun.get(run);
          if (a == null) {
            return null;
          }
          withValues.add(run);
          byte[] vals = rs.getBytes(4);
          if (RunValues.SKILL.equals(rs.getString(2))) {
            RunValues.decodeInto(vals, a.skill);
          } else {
            RunValues.decodeInto(vals, a.mase);
            Long d = getLong(rs, 3);
            if (d != null) {
              RunValues.decodeInto(
                  vals, a.byDefinition.computeIfAbsent(d, k -> new RunValues.Doubles()));
            }
          }
          return null;
        });
    for (Map.Entry<Long, Acc> e : byRun.entrySet()) {
      if (withValues.contains(e.getKey())) {
        continue;
      }
      Acc a = e.getValue();
      query(
          "SELECT best_mase, skill, mase_definition_id FROM series WHERE run_id = ? ORDER BY"
              + " ordinal",
          ps -> ps.setLong(1, e.getKey()),
          rs -> {
            Double m = getDouble(rs, 1);
            Long d = getLong(rs, 3);
            if (m != null && d != null) {
              a.mase.add(m);
              a.byDefinition.computeIfAbsent(d, k -> new RunValues.Doubles()).add(m);
            }
            Double sk = getDouble(rs, 2);
            if (sk != null) {
              a.skill.add(sk);
            }
            return null;
          });
    }
    List<ProjectRow> out = new ArrayList<>();
    for (Map.Entry<Long, String> p : names.entrySet()) {
      Counts ct = counts.get(p.getKey());
      if (ct == null) {
        continue;
      }
      Acc a = acc.getOrDefault(p.getKey(), new Acc());
      double n = Math.max(1, a.series);
      boolean ref = reference.get(p.getKey());
      out.add(
          new ProjectRow(
              p.getValue(),
              ref,
              ct.runs(),
              a.datasets,
              a.series,
              a.verdicts[0] / n,
              a.verdicts[1] / n,
              a.verdicts[2] / n,
              a.verdicts[3] / n,
              Quartiles.ofUnsorted(a.mase.copy()),
              Quartiles.ofUnsorted(a.skill.copy()),
              ct.latest(),
              latestAt.get(p.getKey()),
              ref ? List.of() : place(a.byDefinition, false)));
    }
    return out;
  }

  static final List<String> VERDICTS = List.of("strong", "weak", "none", "insufficient-data");

  /** Two runs compared series by series (matched by id and target). */
  public Comparison compare(RunRow a, RunRow b) {
    record Key(String id, String target) {}
    record S(long id, String key, String target, String verdict, Double skill, Long def) {}
    Map<Key, S> sa = new LinkedHashMap<>();
    Map<Key, S> sb = new LinkedHashMap<>();
    for (long run : new long[] {a.id(), b.id()}) {
      Map<Key, S> m = run == a.id() ? sa : sb;
      query(
          "SELECT id, series_key, target, verdict, skill, mase_definition_id FROM series WHERE"
              + " run_id = ? ORDER BY ordinal",
          ps -> ps.setLong(1, run),
          rs -> {
            S s =
                new S(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    getDouble(rs, 5),
                    getLong(rs, 6));
            m.putIfAbsent(new Key(s.key(), s.target()), s);
            return null;
          });
    }
    List<String> onlyA = new ArrayList<>();
    List<String> onlyB = new ArrayList<>();
    List<VerdictChange> verdicts = new ArrayList<>();
    List<NotComparable> notComparable = new ArrayList<>();
    long both = 0;
    for (Map.Entry<Key, S> e : sa.entrySet()) {
      S y = sb.get(e.getKey());
      S x = e.getValue();
      if (y == null) {
        onlyA.add(x.key());
        continue;
      }
      both++;
      if (!java.util.Objects.equals(x.verdict(), y.verdict())) {
        verdicts.add(new VerdictChange(x.key(), x.verdict(), y.verdict(), x.skill(), y.skill()));
      }
      if (x.def() != null && y.def() != null && !x.def().equals(y.def())) {
        notComparable.add(new NotComparable(x.key(), definition(x.def()), definition(y.def())));
      }
    }
    for (Map.Entry<Key, S> e : sb.entrySet()) {
      if (!sa.containsKey(e.getKey())) {
        onlyB.add(e.getValue().key());
      }
    }
    List<MaseDelta> deltas =
        query(
            "SELECT sa.series_key, ma.model, ma.definition_id, ma.value, mb.value FROM series sa"
                + " JOIN series sb ON sb.run_id = ? AND sb.series_key = sa.series_key AND"
                + " COALESCE(sb.target, '') = COALESCE(sa.target, '') JOIN metric ma ON"
                + " ma.series_id = sa.id JOIN metric mb ON mb.series_id = sb.id AND mb.model ="
                + " ma.model AND mb.definition_id = ma.definition_id JOIN metric_definition d ON"
                + " d.id = ma.definition_id WHERE sa.run_id = ? AND d.name = 'mase' AND ma.value"
                + " IS NOT NULL AND mb.value IS NOT NULL ORDER BY sa.ordinal, ma.model",
            ps -> {
              ps.setLong(1, b.id());
              ps.setLong(2, a.id());
            },
            rs ->
                new MaseDelta(
                    rs.getString(1),
                    rs.getString(2),
                    definition(rs.getLong(3)),
                    rs.getDouble(4),
                    rs.getDouble(5),
                    rs.getDouble(5) - rs.getDouble(4)));
    Map<String, FindingChange> fa = findingSet(a.id());
    Map<String, FindingChange> fb = findingSet(b.id());
    List<FindingChange> added = new ArrayList<>();
    List<FindingChange> gone = new ArrayList<>();
    fb.forEach(
        (k, v) -> {
          if (!fa.containsKey(k)) {
            added.add(v);
          }
        });
    fa.forEach(
        (k, v) -> {
          if (!fb.containsKey(k)) {
            gone.add(v);
          }
        });
    return new Comparison(a, b, both, onlyA, onlyB, verdicts, deltas, notComparable, added, gone);
  }

  /** A run's findings keyed by series and check (a finding "is the same" across runs by these). */
  private Map<String, FindingChange> findingSet(long run) {
    Map<String, FindingChange> m = new LinkedHashMap<>();
    for (FindingRow f : findings(run)) {
      m.putIfAbsent(
          f.series() + "\u0000" + f.check(),
          new FindingChange(f.series(), f.check(), f.severity(), f.count()));
    }
    return m;
  }

  /** The distinct checks of a set of findings, in order. */
  static Set<String> checks(List<FindingRow> rows) {
    Set<String> s = new LinkedHashSet<>();
    rows.forEach(r -> s.add(r.check()));
    return s;
  }

  private RunRow runRow(ResultSet rs) throws SQLException {
    return new RunRow(
        rs.getLong("id"),
        rs.getString("project"),
        rs.getBoolean("reference"),
        rs.getString("origin"),
        dialect.getTime(rs, "started_at"),
        rs.getString("source"),
        rs.getString("sha256"),
        getLong(rs, rs.findColumn("size_bytes")),
        rs.getLong("series_count"),
        rs.getLong("strong"),
        rs.getLong("weak"),
        rs.getLong("no_signal"),
        rs.getLong("insufficient_data"),
        rs.getLong("critical"),
        rs.getLong("warning"),
        rs.getLong("info"),
        rs.getString("tool_version"),
        getLong(rs, rs.findColumn("duration_ms")),
        getInt(rs, rs.findColumn("exit_status")),
        rs.getString("os_user"),
        rs.getString("settings_hash"));
  }

  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, Row<T> row) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          T t = row.read(rs);
          if (t != null) {
            out.add(t);
          }
        }
        return out;
      }
    } catch (SQLException e) {
      throw new OutputException(
          "cannot read the ledger " + ledger.location().display() + ": " + Ledger.reason(e), e);
    }
  }

  static Double getDouble(ResultSet rs, int i) throws SQLException {
    double d = rs.getDouble(i);
    return rs.wasNull() ? null : d;
  }

  static Long getLong(ResultSet rs, int i) throws SQLException {
    long d = rs.getLong(i);
    return rs.wasNull() ? null : d;
  }

  static Integer getInt(ResultSet rs, int i) throws SQLException {
    int d = rs.getInt(i);
    return rs.wasNull() ? null : d;
  }
}
