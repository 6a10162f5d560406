package dev.signalcheck.core.labels;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.stats.DisjointSets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Clusters the distinct values of a label column that are spellings of one thing, with OpenRefine's
 * methods, from strict to loose:
 *
 * <ol>
 *   <li>{@code fingerprint}: trim, lower-case ({@link Locale#ROOT}), strip accents (NFKD), fold
 *       letters that do not decompose (ø, æ, ß, ł …), drop punctuation and control characters,
 *       split on white space, sort, de-duplicate, join with one space;
 *   <li>{@code ngram-fingerprint} (n = 2): the same normalisation with white space dropped as well,
 *       then the sorted set of distinct character pairs;
 *   <li>{@code levenshtein}: nearest neighbours by edit distance on the normalised text, at most
 *       {@link #radius(int)} edits (none for up to 3 characters, one per 4 characters, at most 3),
 *       only between values with the same digits (so {@code Room 101} and {@code Room 102} stay
 *       apart), compared within blocks of values that share their first two or last two characters
 *       and have lengths within the radius.
 * </ol>
 *
 * A cluster's method is the loosest one it needed. Its canonical value is its most frequent member
 * (ties: the tidiest spelling, then alphabetical). Empty and blank values are left out.
 */
public final class LabelClusters {
  private LabelClusters() {}

  /** One member of a cluster. */
  public record Member(String value, long count) {}

  /** Variant spellings of one thing. */
  public record Cluster(String canonical, String method, List<Member> members) {}

  /** The clusters of one column: the JSON of {@code signalcheck labels}. */
  public record Result(String column, long distinct, List<Cluster> clusters) {

    /** value → canonical for every value in a cluster. */
    public Map<String, String> mapping() {
      Map<String, String> m = new LinkedHashMap<>();
      for (Cluster c : clusters) {
        for (Member v : c.members()) {
          m.put(v.value(), c.canonical());
        }
      }
      return m;
    }
  }

  private static final Pattern PUNCT_CTRL =
      Pattern.compile("[\\p{Punct}\\p{Cntrl}\\p{IsPunctuation}]");
  private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_DIGITS = Pattern.compile("\\D+");
  private static final String[][] FOLD = {
    {"ø", "o"},
    {"æ", "ae"},
    {"œ", "oe"},
    {"ß", "ss"},
    {"ð", "d"},
    {"đ", "d"},
    {"þ", "th"},
    {"ł", "l"},
    {"ı", "i"},
    {"ħ", "h"},
    {"ŧ", "t"},
    {"ŀ", "l"},
    {"ĸ", "k"},
    {"ŋ", "n"},
    {"ſ", "s"}
  };

  /** Lower case, accents stripped and non-decomposing letters folded. */
  static String fold(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFKD)).replaceAll("");
    for (String[] f : FOLD) {
      if (t.contains(f[0])) {
        t = t.replace(f[0], f[1]);
      }
    }
    return t;
  }

  /** OpenRefine's fingerprint key. */
  public static String fingerprint(String s) {
    String t = PUNCT_CTRL.matcher(fold(s)).replaceAll("");
    TreeSet<String> tokens = new TreeSet<>();
    for (String tok : SPACE.split(t)) {
      if (!tok.isEmpty()) {
        tokens.add(tok);
      }
    }
    return String.join(" ", tokens);
  }

  /** OpenRefine's n-gram fingerprint key. */
  public static String ngramFingerprint(String s, int n) {
    String t = SPACE.matcher(PUNCT_CTRL.matcher(fold(s)).replaceAll("")).replaceAll("");
    TreeSet<String> grams = new TreeSet<>();
    for (int i = 0; i + n <= t.length(); i++) {
      grams.add(t.substring(i, i + n));
    }
    if (grams.isEmpty()) {
      return t;
    }
    return String.join("", grams);
  }

  /**
   * Edits allowed between two normalised values whose shorter one has {@code length} characters.
   */
  static int radius(int length) {
    return length <= 3 ? 0 : Math.min(3, length / 4);
  }

  private static final String[] METHODS = {"fingerprint", "ngram-fingerprint", "levenshtein"};

  /**
   * Clusters a column's distinct values.
   *
   * @param counts distinct value → number of rows
   */
  public static Result cluster(String column, Map<String, Long> counts) {
    List<String> values = new ArrayList<>();
    List<Long> n = new ArrayList<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getKey() != null && !e.getKey().isBlank()) {
        values.add(e.getKey());
        n.add(e.getValue() == null ? 0 : e.getValue());
      }
    }
    int size = values.size();
    int[] parent = new int[size];
    int[] method = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
      method[i] = -1;
    }
    // 1 and 2: keys
    for (int m = 0; m < 2; m++) {
      Map<String, Integer> first = new HashMap<>();
      for (int i = 0; i < size; i++) {
        String key = m == 0 ? fingerprint(values.get(i)) : ngramFingerprint(values.get(i), 2);
        if (key.isEmpty()) {
          continue;
        }
        Integer j = first.putIfAbsent(key, i);
        if (j != null) {
          union(parent, method, i, j, m);
        }
      }
    }
    // 3: nearest neighbours by edit distance, within blocks
    String[] norm = new String[size];
    String[] digits = new String[size];
    for (int i = 0; i < size; i++) {
      norm[i] =
          SPACE
              .matcher(PUNCT_CTRL.matcher(fold(values.get(i))).replaceAll(" "))
              .replaceAll(" ")
              .trim();
      digits[i] = NON_DIGITS.matcher(norm[i]).replaceAll(" ").trim();
    }
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < size; i++) {
      if (norm[i].length() < 4) {
        continue;
      }
      blocks.computeIfAbsent("<" + norm[i].substring(0, 2), k -> new ArrayList<>()).add(i);
      blocks
          .computeIfAbsent(">" + norm[i].substring(norm[i].length() - 2), k -> new ArrayList<>())
          .add(i);
    }
    LevenshteinDistance[] lev = new LevenshteinDistance[4];
    for (int r = 1; r <= 3; r++) {
      lev[r] = new LevenshteinDistance(r);
    }
    long budget = 50_000_000L;
    for (List<Integer> block : blocks.values()) {
      for (int a = 0; a < block.size() && budget > 0; a++) {
        for (int b = a + 1; b < block.size(); b++) {
          int i = block.get(a);
          int j = block.get(b);
          if (DisjointSets.find(parent, i) == DisjointSets.find(parent, j)
              || !digits[i].equals(digits[j])) {
            continue;
          }
          int r = radius(Math.min(norm[i].length(), norm[j].length()));
          if (r == 0 || Math.abs(norm[i].length() - norm[j].length()) > r) {
            continue;
          }
          budget--;
          int d = lev[r].apply(norm[i], norm[j]);
          if (d >= 0) {
            union(parent, method, i, j, 2);
          }
        }
      }
    }
    // collect clusters
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      groups.computeIfAbsent(DisjointSets.find(parent, i), k -> new ArrayList<>()).add(i);
    }
    List<Cluster> clusters = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
      List<Integer> idx = g.getValue();
      if (idx.size() < 2) {
        continue;
      }
      int m = -1;
      for (int i : idx) {
        m = Math.max(m, method[i]);
      }
      idx.sort(
          (x, y) -> {
            int c = Long.compare(n.get(y), n.get(x));
            if (c != 0) {
              return c;
            }
            c = Integer.compare(untidiness(values.get(x)), untidiness(values.get(y)));
            return c != 0 ? c : values.get(x).compareTo(values.get(y));
          });
      List<Member> members = new ArrayList<>();
      for (int i : idx) {
        members.add(new Member(values.get(i), n.get(i)));
      }
      clusters.add(new Cluster(values.get(idx.get(0)), METHODS[Math.max(0, m)], members));
    }
    clusters.sort((x, y) -> Long.compare(total(y), total(x)));
    return new Result(column, size, clusters);
  }

  private static long total(Cluster c) {
    long t = 0;
    for (Member m : c.members()) {
      t += m.count();
    }
    return t;
  }

  /** Stray white space and unusual casing make a spelling less tidy. */
  private static int untidiness(String s) {
    int u = 0;
    if (!s.equals(s.trim())) {
      u += 2;
    }
    if (s.contains("  ")) {
      u += 2;
    }
    if (s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT))) {
      u += 1;
    }
    return u;
  }

  private static void union(int[] p, int[] method, int i, int j, int m) {
    int a = DisjointSets.find(p, i);
    int b = DisjointSets.find(p, j);
    if (a == b) {
      return;
    }
    p[a] = b;
    // the loosest method that joined any member of the merged cluster
    int mm = Math.max(m, Math.max(method[a], method[b]));
    method[a] = mm;
    method[b] = mm;
    method[i] = Math.max(method[i], m);
    method[j] = Math.max(method[j], m);
  }

  /**
   * The dataset-level {@code label.variants} finding of a column, or null when there is nothing to
   * merge.
   */
  public static Finding finding(Result r) {
    if (r.clusters().isEmpty()) {
      return null;
    }
    long variants = 0;
    long rows = 0;
    List<String> examples = new ArrayList<>();
    for (Cluster c : r.clusters()) {
      variants += c.members().size() - 1;
      for (Member m : c.members().subList(1, c.members().size())) {
        rows += m.count();
      }
      if (examples.size() < 3) {
        StringBuilder sb = new StringBuilder("'" + c.canonical() + "' ← ");
        List<String> others = new ArrayList<>();
        for (Member m : c.members().subList(1, Math.min(4, c.members().size()))) {
          others.add("'" + m.value() + "' ×" + m.count());
        }
        sb.append(String.join(", ", others));
        examples.add(sb.toString());
      }
    }
    String msg =
        String.format(
            Locale.ROOT,
            "column '%s': %d of its %d distinct values look like variant spellings of %d others (%d rows), e.g. %s;"
                + " run 'signalcheck labels --column %s --mapping FILE' for a value→canonical table",
            r.column(),
            variants,
            r.distinct(),
            r.clusters().size(),
            rows,
            String.join("; ", examples),
            r.column());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("column", r.column());
    d.put("distinct", r.distinct());
    d.put("clusters", r.clusters());
    return new Finding(
        CheckType.LABEL_VARIANTS.id(),
        Severity.WARNING,
        Category.DATA_UNNORMALIZED_LABELS,
        msg,
        variants,
        List.of(),
        List.of(),
        d);
  }
}
