package dev.signalcheck.core.covariates;

import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.profile.Kpss;
import dev.signalcheck.core.stats.DisjointSets;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code covariate.collinear}: covariates whose correlation exceeds {@link
 * CovariateAnalysis#COLLINEAR} in absolute value, on first differences when either is
 * non-stationary (KPSS p &lt; 0.05); groups are the connected components of that relation.
 */
final class Collinearity {
  private Collinearity() {}

  /**
   * The groups of collinear covariates among the assessable ones, each also added to {@code out} as
   * a finding.
   */
  static List<List<String>> groups(
      double[][] x, List<String> names, boolean[] ok, List<Finding> out) {
    int c = names.size();
    double[][] diffed = new double[c][];
    boolean[] nonStationary = new boolean[c];
    for (int j = 0; j < c; j++) {
      if (!ok[j]) {
        continue;
      }
      double[] fin = Arrays.stream(x[j]).filter(Double::isFinite).toArray();
      try {
        nonStationary[j] = fin.length >= 10 && Kpss.test(fin).pValue() < 0.05;
      } catch (RuntimeException e) {
        nonStationary[j] = false;
      }
      double[] d = new double[x[j].length];
      d[0] = Double.NaN;
      for (int t = 1; t < d.length; t++) {
        d[t] = x[j][t] - x[j][t - 1];
      }
      diffed[j] = d;
    }
    int[] parent = new int[c];
    for (int j = 0; j < c; j++) {
      parent[j] = j;
    }
    double[][] r = new double[c][c];
    for (int a = 0; a < c; a++) {
      for (int b = a + 1; b < c; b++) {
        if (!ok[a] || !ok[b]) {
          continue;
        }
        boolean diff = nonStationary[a] || nonStationary[b];
        double v =
            diff
                ? CrossCorrelation.corr(diffed[a], diffed[b], 0)
                : CrossCorrelation.corr(x[a], x[b], 0);
        r[a][b] = r[b][a] = v;
        if (Math.abs(v) > CovariateAnalysis.COLLINEAR) {
          parent[DisjointSets.find(parent, a)] = DisjointSets.find(parent, b);
        }
      }
    }
    Map<Integer, List<Integer>> comp = new LinkedHashMap<>();
    for (int j = 0; j < c; j++) {
      comp.computeIfAbsent(DisjointSets.find(parent, j), k -> new ArrayList<>()).add(j);
    }
    List<List<String>> groups = new ArrayList<>();
    for (List<Integer> g : comp.values()) {
      if (g.size() < 2) {
        continue;
      }
      g.sort(Integer::compare);
      List<String> gn = g.stream().map(names::get).toList();
      groups.add(gn);
      List<String> pairs = new ArrayList<>();
      List<Map<String, Object>> detail = new ArrayList<>();
      boolean anyDiff = false;
      for (int i = 0; i < g.size(); i++) {
        for (int k = i + 1; k < g.size(); k++) {
          int a = g.get(i), b = g.get(k);
          double v = r[a][b];
          boolean diff = nonStationary[a] || nonStationary[b];
          anyDiff |= diff;
          if (Math.abs(v) > CovariateAnalysis.COLLINEAR) {
            pairs.add(
                String.format(
                    Locale.ROOT,
                    "%s ~ %s %.2f%s",
                    names.get(a),
                    names.get(b),
                    v,
                    diff ? " (changes)" : ""));
          }
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("a", names.get(a));
          d.put("b", names.get(b));
          d.put("correlation", v);
          d.put("differenced", diff);
          detail.add(d);
        }
      }
      String msg =
          String.format(
              Locale.ROOT,
              "%s move together (correlation %s%s): a model can swap one for another with little change in"
                  + " accuracy, so attributions among them (SHAP values, coefficients, feature importances) are"
                  + " unreliable; keep one, or combine them and report them as a group",
              Prose.list(gn),
              String.join(", ", pairs),
              anyDiff
                  ? "; \"changes\" = on first differences, since trending series correlate by their trends alone"
                  : "");
      out.add(
          new Finding(
              CovariateAnalysis.COLLINEAR_CHECK,
              Severity.INFO,
              Category.MODEL_EXPLAINABILITY,
              msg,
              gn.size(),
              List.of(),
              List.of(),
              Map.of("covariates", gn, "correlations", detail)));
    }
    return groups;
  }
}
