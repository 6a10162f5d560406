package dev.signalcheck.ledger;

import static dev.signalcheck.ledger.LedgerSql.getDouble;
import static dev.signalcheck.ledger.LedgerSql.getLong;

import dev.signalcheck.ledger.LedgerQueries.ProjectRow;
import dev.signalcheck.ledger.LedgerQueries.Quartiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every project on one scale: its runs, and over the latest complete run of each of its data sets
 * the share of series per verdict, the quartiles of the best MASE and of skill, and its placement
 * beside the reference populations.
 */
final class ProjectSummaries {
  private final LedgerSql sql;
  private final LedgerDialect dialect;
  private final ReferencePlacement placement;

  ProjectSummaries(LedgerSql sql, LedgerDialect dialect, ReferencePlacement placement) {
    this.sql = sql;
    this.dialect = dialect;
    this.placement = placement;
  }

  /** Every project on one scale, references last. */
  List<ProjectRow> projects() {
    record Counts(long runs, long latest, Instant latestAt) {}
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, Boolean> reference = new HashMap<>();
    sql.query(
        "SELECT id, name, reference FROM project ORDER BY reference, name",
        ps -> {},
        rs -> {
          names.put(rs.getLong(1), rs.getString(2));
          reference.put(rs.getLong(1), rs.getBoolean(3));
          return null;
        });
    Map<Long, Counts> counts = new HashMap<>();
    sql.query(
        "SELECT r.project_id, COUNT(*), MAX(r.id) FROM run r WHERE r.complete GROUP BY"
            + " r.project_id",
        ps -> {},
        rs -> {
          counts.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3), null));
          return null;
        });
    Map<Long, Instant> latestAt = new HashMap<>();
    for (Map.Entry<Long, Counts> e : counts.entrySet()) {
      sql.query(
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
    sql.query(
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
    sql.query(
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
      sql.query(
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
              ref ? List.of() : placement.place(a.byDefinition, false)));
    }
    return out;
  }
}
