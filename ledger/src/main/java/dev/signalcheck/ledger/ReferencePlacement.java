package dev.signalcheck.ledger;

import dev.signalcheck.ledger.LedgerQueries.Placement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's best MASE placed beside the reference populations: under the same metric definition only,
 * (metric, scale, season, horizon, and how the origins were chosen: a fixed number, or automatic up
 * to a cap), with the share of reference series it is better than; when none shares the definition,
 * the {@code --origins} under which one would.
 */
final class ReferencePlacement {
  private final LedgerSql sql;
  private final Map<Long, Map<String, double[]>> referenceValues = new LinkedHashMap<>();

  ReferencePlacement(LedgerSql sql) {
    this.sql = sql;
  }

  boolean runProjectIsReference(long runId) {
    return !sql.query(
            "SELECT 1 FROM run r JOIN project p ON p.id = r.project_id WHERE r.id = ? AND"
                + " p.reference",
            ps -> ps.setLong(1, runId),
            rs -> 1)
        .isEmpty();
  }

  List<Placement> place(Map<Long, RunValues.Doubles> groups, boolean skipReferences) {
    List<Placement> out = new ArrayList<>();
    List<Map.Entry<Long, RunValues.Doubles>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort((x, y) -> Integer.compare(y.getValue().size(), x.getValue().size()));
    for (Map.Entry<Long, RunValues.Doubles> g : sorted) {
      int size = g.getValue().size();
      double med = OrderStatistics.quantile7(g.getValue().copy(), 0.5);
      MetricDefinition def = sql.definition(g.getKey());
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
   * When no reference population shares a definition: the {@code --origins} value (a count or
   * {@code auto}) under which one shares all the rest of it (metric, scaling, season, horizon,
   * aggregation), or null. How the origins were chosen is part of the definition, so such runs are
   * not placed; the words can say how to be.
   */
  private String otherOrigins(MetricDefinition def) {
    String other = null;
    for (long id : referenceDefinitionIds()) {
      MetricDefinition r = sql.definition(id);
      if (r.sameButOrigins(def) && !r.originsPolicy().equals(def.originsPolicy())) {
        // the audit's default first
        if (MetricDefinition.AUTO.equals(r.originPolicy())) {
          return r.originsPolicy().option();
        }
        other = other == null ? r.originsPolicy().option() : other;
      }
    }
    return other;
  }

  private Set<Long> referenceDefinitionIds;

  private Set<Long> referenceDefinitionIds() {
    if (referenceDefinitionIds == null) {
      Set<Long> ids = new LinkedHashSet<>();
      sql.query(
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
          sql.query(
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
            sql.query(
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
}
