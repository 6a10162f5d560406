package dev.signalcheck.ledger;

import static dev.signalcheck.ledger.LedgerSql.getDouble;
import static dev.signalcheck.ledger.LedgerSql.getLong;

import dev.signalcheck.ledger.LedgerQueries.Comparison;
import dev.signalcheck.ledger.LedgerQueries.FindingChange;
import dev.signalcheck.ledger.LedgerQueries.FindingRow;
import dev.signalcheck.ledger.LedgerQueries.MaseDelta;
import dev.signalcheck.ledger.LedgerQueries.NotComparable;
import dev.signalcheck.ledger.LedgerQueries.RunRow;
import dev.signalcheck.ledger.LedgerQueries.VerdictChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs compared series by series: verdicts that changed, MASE deltas per series and model
 * (under the same metric definition only), and findings new and gone.
 */
final class RunComparison {
  private final LedgerSql sql;
  private final LedgerQueries queries;

  RunComparison(LedgerSql sql, LedgerQueries queries) {
    this.sql = sql;
    this.queries = queries;
  }

  /** Two runs compared series by series (matched by id and target). */
  Comparison compare(RunRow a, RunRow b) {
    record Key(String id, String target) {}
    record S(long id, String key, String target, String verdict, Double skill, Long def) {}
    Map<Key, S> sa = new LinkedHashMap<>();
    Map<Key, S> sb = new LinkedHashMap<>();
    for (long run : new long[] {a.id(), b.id()}) {
      Map<Key, S> m = run == a.id() ? sa : sb;
      sql.query(
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
        notComparable.add(
            new NotComparable(x.key(), sql.definition(x.def()), sql.definition(y.def())));
      }
    }
    for (Map.Entry<Key, S> e : sb.entrySet()) {
      if (!sa.containsKey(e.getKey())) {
        onlyB.add(e.getValue().key());
      }
    }
    List<MaseDelta> deltas =
        sql.query(
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
                    sql.definition(rs.getLong(3)),
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
    for (FindingRow f : queries.findings(run)) {
      m.putIfAbsent(
          f.series() + "\u0000" + f.check(),
          new FindingChange(f.series(), f.check(), f.severity(), f.count()));
    }
    return m;
  }
}
