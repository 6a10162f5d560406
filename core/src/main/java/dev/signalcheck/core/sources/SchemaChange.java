package dev.signalcheck.core.sources;

import static dev.signalcheck.core.sources.SourceChecks.instant;
import static dev.signalcheck.core.sources.SourceChecks.quoted;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Interval;
import dev.signalcheck.core.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** {@code source.schema-changed}: the columns of two snapshots compared. */
final class SchemaChange {
  private SchemaChange() {}

  /**
   * {@code source.schema-changed}: columns added, removed, renamed (a removed and an added column
   * whose names are close: a did-you-mean) or retyped between two snapshots.
   *
   * @param used the columns the audit reads (time, targets, ids); a change to one of them is
   *     critical
   * @return the finding, or null when the columns are the same
   */
  static Finding check(Snapshot previous, Snapshot current, Set<String> used) {
    Map<String, String> a = types(previous.columns());
    Map<String, String> b = types(current.columns());
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> retyped = new ArrayList<>();
    for (String k : a.keySet()) {
      if (!b.containsKey(k)) {
        removed.add(k);
      } else if (!a.get(k).equalsIgnoreCase(b.get(k))) {
        retyped.add(k);
      }
    }
    for (String k : b.keySet()) {
      if (!a.containsKey(k)) {
        added.add(k);
      }
    }
    if (removed.isEmpty() && added.isEmpty() && retyped.isEmpty()) {
      return null;
    }
    Map<String, String> renamed = new LinkedHashMap<>();
    for (String r : removed) {
      String best = closest(r, added, renamed.values());
      if (best != null) {
        renamed.put(r, best);
      }
    }
    if (renamed.isEmpty() && removed.size() == 1 && added.size() == 1) {
      // one column out, one in, at the same place with the same type: a rename
      String r = removed.get(0);
      String n = added.get(0);
      if (indexOf(previous.columns(), r) == indexOf(current.columns(), n)
          && a.get(r).equalsIgnoreCase(b.get(n))) {
        renamed.put(r, n);
      }
    }
    List<String> parts = new ArrayList<>();
    List<String> gone = new ArrayList<>(removed);
    gone.removeAll(renamed.keySet());
    List<String> fresh = new ArrayList<>(added);
    fresh.removeAll(renamed.values());
    for (Map.Entry<String, String> e : renamed.entrySet()) {
      parts.add("'" + e.getKey() + "' is gone (renamed to '" + e.getValue() + "'?)");
    }
    if (!gone.isEmpty()) {
      parts.add("removed " + quoted(gone));
    }
    if (!fresh.isEmpty()) {
      parts.add("added " + quoted(fresh));
    }
    for (String r : retyped) {
      parts.add("'" + r + "' retyped " + a.get(r) + " → " + b.get(r));
    }
    boolean critical = false;
    for (String u : used) {
      if (removed.contains(u) || retyped.contains(u)) {
        critical = true;
      }
    }
    String msg =
        "the columns changed since the previous snapshot ("
            + instant(previous.fetchedAt())
            + "): "
            + String.join("; ", parts)
            + (critical ? "; columns this audit reads are affected" : "");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("added", fresh);
    d.put("removed", gone);
    d.put("renamed", renamed);
    Map<String, Object> rt = new LinkedHashMap<>();
    for (String r : retyped) {
      rt.put(r, Map.of("old", a.get(r), "new", b.get(r)));
    }
    d.put("retyped", rt);
    return new Finding(
        CheckType.SOURCE_SCHEMA_CHANGED.id(),
        critical ? Severity.CRITICAL : Severity.WARNING,
        Category.EXTERNAL_DEPENDENCY,
        msg,
        (long) removed.size() + added.size() - renamed.size() + retyped.size(),
        List.of(
            new Interval(
                instant(previous.fetchedAt()), instant(current.fetchedAt()), (long) parts.size())),
        List.of(),
        d);
  }

  private static Map<String, String> types(List<Snapshot.Column> cols) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Snapshot.Column c : cols) {
      m.put(c.name(), c.type() == null ? "" : c.type());
    }
    return m;
  }

  private static int indexOf(List<Snapshot.Column> cols, String name) {
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The added name closest to a removed one, when close enough to be a rename. */
  static String closest(String name, List<String> candidates, java.util.Collection<String> taken) {
    String n = normal(name);
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (taken.contains(c)) {
        continue;
      }
      String m = normal(c);
      int limit = Math.max(2, Math.max(n.length(), m.length()) / 3);
      int dist = m.equals(n) ? 0 : lev(n, m, limit);
      if (dist < 0) {
        continue;
      }
      if (dist < bestD) {
        bestD = dist;
        best = c;
      }
    }
    return best;
  }

  private static int lev(String a, String b, int limit) {
    int d = new LevenshteinDistance(limit).apply(a, b);
    return d;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
