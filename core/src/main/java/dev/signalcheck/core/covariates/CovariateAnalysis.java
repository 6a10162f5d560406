// Over 400 lines on purpose: the covariate pipeline (alignment, pre-whitening, Granger, backtests,
// leakage) in its order; the wording lives in CovariateAssessment.
package dev.signalcheck.core.covariates;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.OriginTest;
import dev.signalcheck.core.backtest.Significance;
import dev.signalcheck.core.checks.Alignment;
import dev.signalcheck.core.checks.SentinelCheck;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.profile.Kpss;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Do candidate inputs add out-of-sample value, or leak the future? (analyses.md §1, {@code
 * covariate.*})
 *
 * <p><b>Value.</b> Each covariate is judged on its own against the target-only autoregression
 * ({@link Arx} without covariates, the {@code base}): the same model with the covariate's lags 1…L
 * added (0…L for a known-ahead covariate) is backtested on the same origins, and its gain is 1 −
 * MASE(with) / MASE(base), tested over the origins ({@link OriginTest}). {@code covariate.useful}
 * when the gain is at least {@value #MIN_GAIN} and p &lt; {@value #ALPHA}, else {@code
 * covariate.no-value}. Judging each covariate alone keeps a near-copy of a useful covariate from
 * hiding it; the overlap is reported by {@code covariate.collinear}.
 *
 * <p><b>Leakage</b> ({@code covariate.leakage}, critical) means the value would not be available at
 * forecast time. A covariate whose value at t is known at t is exactly the input a forecaster
 * wants, however far ahead it acts, so a leading indicator is never leakage. Two things are:
 *
 * <ul>
 *   <li><i>it helps only at the same time stamp</i> and is not declared known ahead: the model that
 *       uses it as a leaking model would (lags 0…L, its future values given as if known in advance)
 *       is useful, its lag 0 makes it at least {@value #MIN_GAIN} and significantly more accurate
 *       than the same model with lags 1…L only, while the honest model (values up to the forecast
 *       origin only) is not useful. Such a covariate is a measurement taken together with the
 *       target: at forecast time it is as unknown as the target.
 *   <li><i>it reproduces the target's future noise</i>: its value at t explains at least {@value
 *       CovariateAssessment#FUTURE_NOISE_SHARE} of the target's surprise at t + k (k ≥ 1) — what
 *       the target's own past cannot forecast, the squared pre-whitened cross-correlation. A real
 *       driver explains the part of the target it drives and leaves the target's own noise; a
 *       shifted copy of the target (a misaligned join, a label computed from later data) reproduces
 *       that noise too, up to its own measurement error. This applies to known-ahead covariates
 *       too.
 * </ul>
 *
 * <p><b>Collinearity</b> ({@code covariate.collinear}): covariates whose correlation exceeds
 * {@value #COLLINEAR} in absolute value, on first differences when either is non-stationary (KPSS p
 * &lt; 0.05), so that two trending series are not called collinear for their trends alone; groups
 * are the connected components of that relation.
 *
 * <p>Covariates present at fewer than half of the analysed time stamps, or constant there, are not
 * assessed ({@code covariate.no-value} with the reason). Codes for "missing" are removed first: the
 * column's own codes as {@code value.sentinel} finds them and the target's codes. Never throws on
 * data.
 */
public final class CovariateAnalysis {
  public static final double MIN_GAIN = 0.05;
  public static final double ALPHA = 0.05;
  public static final double COLLINEAR = 0.9;
  public static final double MIN_PRESENT = 0.5;

  public static final String USEFUL = CheckType.COVARIATE_USEFUL.id();
  public static final String NO_VALUE = CheckType.COVARIATE_NO_VALUE.id();
  public static final String LEAKAGE = CheckType.COVARIATE_LEAKAGE.id();
  public static final String COLLINEAR_CHECK = CheckType.COVARIATE_COLLINEAR.id();

  private CovariateAnalysis() {}

  /** The block for the report and the findings to add to the series. */
  public record Outcome(CovariateResult result, List<Finding> findings) {}

  /**
   * The covariates of a series on its regular grid, positions {@code from} (inclusive) to {@code
   * to} (exclusive), with codes for missing set to NaN.
   *
   * @param targetCodes the codes found in the target, also treated as missing in the covariates
   * @param codesOut receives each covariate's codes
   */
  public static Map<String, double[]> onGrid(
      SeriesData data,
      Alignment.Result aligned,
      double[] targetCodes,
      int from,
      int to,
      Map<String, double[]> codesOut) {
    Map<String, double[]> out = new LinkedHashMap<>();
    int[] kept = aligned.keptIndex();
    for (Map.Entry<String, double[]> e : data.covariates().entrySet()) {
      double[] raw = e.getValue();
      double[] grid = new double[kept.length];
      for (int p = 0; p < kept.length; p++) {
        grid[p] = kept[p] < 0 ? Double.NaN : raw[kept[p]];
        if (Double.isInfinite(grid[p])) {
          grid[p] = Double.NaN;
        }
      }
      double[] own = SentinelCheck.codes(grid);
      double[] codes = union(own, targetCodes == null ? new double[0] : targetCodes);
      double[] masked = SentinelCheck.maskCodes(grid, codes);
      codesOut.put(e.getKey(), codes);
      out.put(
          e.getKey(),
          Arrays.copyOfRange(
              masked, Math.max(0, from), Math.max(Math.max(0, from), Math.min(to, masked.length))));
    }
    return out;
  }

  private static double[] union(double[] a, double[] b) {
    return Arrays.stream(concat(a, b)).distinct().toArray();
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /**
   * Runs the analysis.
   *
   * @param y the target as the main backtest saw it (complete)
   * @param covariates each covariate on the same grid positions as {@code y} (NaN where missing)
   * @param codes each covariate's codes for missing (for the report), may be empty
   * @param knownAhead names of the covariates whose future values are known when forecasting
   * @param m season
   * @param horizon forecast steps
   * @param origins origins requested
   * @param main the main backtest on {@code y}, or null
   */
  public static Outcome analyse(
      double[] y,
      Map<String, double[]> covariates,
      Map<String, double[]> codes,
      Set<String> knownAhead,
      int m,
      int horizon,
      int origins,
      BacktestResult main) {
    List<String> names = new ArrayList<>(covariates.keySet());
    int c = names.size();
    int n = y.length;
    double[][] x = new double[c][];
    for (int j = 0; j < c; j++) {
      double[] v = covariates.get(names.get(j));
      x[j] = v.length == n ? v : Arrays.copyOf(v, n);
      if (v.length < n) {
        Arrays.fill(x[j], v.length, n, Double.NaN);
      }
    }
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Integer> lagList = new ArrayList<>();
    for (int l : Arx.lags(false)) {
      lagList.add(l);
    }
    List<String> known = names.stream().filter(knownAhead::contains).toList();

    // profile: pre-whitened cross-correlation and Granger tests
    double[] phi = n >= 10 ? CrossCorrelation.filter(y) : new double[0];
    double[] yw = CrossCorrelation.whiten(y, phi);
    int maxLag = Math.max(0, Math.min(horizon, n / 4));
    int grangerLags = Granger.lags(phi.length);
    double[] present = new double[c];
    boolean[] assessable = new boolean[c];
    String[] notAssessed = new String[c];
    List<List<Double>> ccfs = new ArrayList<>();
    List<CovariateResult.GrangerTest> grangers = new ArrayList<>();
    for (int j = 0; j < c; j++) {
      int have = 0;
      double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
      for (double v : x[j]) {
        if (Double.isFinite(v)) {
          have++;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      present[j] = n == 0 ? 0 : have / (double) n;
      assessable[j] = present[j] >= MIN_PRESENT && hi > lo && n >= 10;
      if (present[j] < MIN_PRESENT) {
        notAssessed[j] =
            String.format(
                Locale.ROOT,
                "%s has a value at only %s of the %d time stamps analysed: too sparse to assess, and a model would"
                    + " need it at every forecast origin",
                names.get(j),
                pct(present[j]),
                n);
      } else if (!(hi > lo)) {
        notAssessed[j] =
            names.get(j) + " does not vary over the time analysed: it cannot carry any signal";
      } else if (n < 10) {
        notAssessed[j] = names.get(j) + " cannot be assessed: the series is too short";
      }
      double[] r =
          assessable[j]
              ? CrossCorrelation.ccf(CrossCorrelation.whiten(x[j], phi), yw, maxLag)
              : new double[0];
      List<Double> rl = new ArrayList<>();
      for (double v : r) {
        rl.add(v);
      }
      ccfs.add(rl);
      Granger.Result g = assessable[j] ? Granger.test(y, x[j], grangerLags) : null;
      grangers.add(
          g == null ? null : new CovariateResult.GrangerTest(g.lags(), g.statistic(), g.pValue()));
    }

    // backtests
    CovariateBacktest bt = new CovariateBacktest(horizon, origins);
    int[] lengths = bt.trainingLengths(n, m);
    ModelScore base = null;
    int dmH = Math.max(1, Math.min(horizon, lengths.length * horizon / 2));
    if (lengths.length == 0) {
      notes.add(
          "the series is too short for a backtest: covariates are profiled but not backtested");
    } else {
      base = bt.run(y, x, names, m, List.of(), "arx-base");
      if (base.skipped()) {
        notes.add(
            "the target-only autoregression could not be fitted ("
                + base.reason()
                + "): covariates are not backtested");
        base = null;
      }
    }
    List<CovariateAssessment> assessed = new ArrayList<>();
    for (int j = 0; j < c; j++) {
      String name = names.get(j);
      boolean ka = knownAhead.contains(name);
      ModelScore honest = null;
      ModelScore oracle = null;
      ModelScore withoutZero = null;
      if (assessable[j] && base != null) {
        honest =
            bt.run(y, x, names, m, List.of(new CovariateBacktest.Term(j, ka, Arx.lags(ka))), "arx");
        if (!ka) {
          // as a leaking model would use it: lags 0…L, future values given as if known in advance;
          // and the same without lag 0, to tell what the same-time value adds
          oracle =
              bt.run(
                  y,
                  x,
                  names,
                  m,
                  List.of(new CovariateBacktest.Term(j, true, Arx.lags(true))),
                  "arx");
          withoutZero =
              bt.run(
                  y,
                  x,
                  names,
                  m,
                  List.of(new CovariateBacktest.Term(j, true, Arx.lags(false))),
                  "arx");
        }
      }
      CovariateAssessment a =
          CovariateAssessment.decide(
              name,
              ka,
              present[j],
              notAssessed[j],
              ccfs.get(j),
              grangers.get(j),
              base,
              honest,
              oracle,
              withoutZero,
              dmH);
      assessed.add(a);
      findings.add(a.finding(base));
    }

    // the best covariate model
    ModelScore model = null;
    List<String> modelInputs = List.of();
    List<Integer> useful = new ArrayList<>();
    for (int j = 0; j < c; j++) {
      if (assessed.get(j).kind() == CovariateAssessment.Kind.USEFUL) {
        useful.add(j);
      }
    }
    for (int j = 0; j < c; j++) {
      CovariateAssessment a = assessed.get(j);
      boolean eligible =
          useful.isEmpty() ? a.kind() == CovariateAssessment.Kind.NO_VALUE : useful.contains(j);
      if (eligible
          && a.honest() != null
          && !a.honest().skipped()
          && (model == null || a.honest().mase() < model.mase())) {
        model = a.honest();
        modelInputs = List.of(names.get(j));
      }
    }
    if (useful.size() > 1 && base != null) {
      List<CovariateBacktest.Term> terms = new ArrayList<>();
      for (int j : useful) {
        boolean ka = knownAhead.contains(names.get(j));
        terms.add(new CovariateBacktest.Term(j, ka, Arx.lags(ka)));
      }
      ModelScore all = bt.run(y, x, names, m, terms, "arx");
      if (!all.skipped() && (model == null || all.mase() < model.mase())) {
        model = all;
        modelInputs = useful.stream().map(names::get).toList();
      }
    }
    double skill = Double.NaN;
    Significance sig = null;
    ModelScore mainBase =
        main == null || main.baseline() == null ? null : main.model(main.baseline()).orElse(null);
    if (model != null
        && mainBase != null
        && !mainBase.skipped()
        && main.trainingLengths().equals(Arrays.stream(lengths).boxed().toList())) {
      skill = 1 - model.mase() / mainBase.mase();
      sig = OriginTest.compare(mainBase, model);
    }

    // collinearity
    List<List<String>> groups = collinear(x, names, assessable, findings);

    List<CovariateResult.Item> items = new ArrayList<>();
    for (int j = 0; j < c; j++) {
      String name = names.get(j);
      List<Double> cl = new ArrayList<>();
      double[] cd = codes == null ? null : codes.get(name);
      if (cd != null) {
        for (double v : cd) {
          cl.add(v);
        }
      }
      items.add(assessed.get(j).item(cl));
    }
    CovariateResult result =
        CovariateResult.builder()
            .knownAhead(known)
            .lags(lagList)
            .observations(n)
            .origins(lengths.length)
            .items(items)
            .base(base)
            .model(model)
            .modelInputs(modelInputs)
            .skill(skill)
            .significance(sig)
            .collinear(groups)
            .notes(notes)
            .build();
    return new Outcome(result, findings);
  }

  private static List<List<String>> collinear(
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
        if (Math.abs(v) > COLLINEAR) {
          parent[find(parent, a)] = find(parent, b);
        }
      }
    }
    Map<Integer, List<Integer>> comp = new LinkedHashMap<>();
    for (int j = 0; j < c; j++) {
      comp.computeIfAbsent(find(parent, j), k -> new ArrayList<>()).add(j);
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
          if (Math.abs(v) > COLLINEAR) {
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
              joinNames(gn),
              String.join(", ", pairs),
              anyDiff
                  ? "; \"changes\" = on first differences, since trending series correlate by their trends alone"
                  : "");
      out.add(
          new Finding(
              COLLINEAR_CHECK,
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

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static Finding finding(
      String check, Severity s, Category cat, String msg, String covariate) {
    return new Finding(check, s, cat, msg, 1, List.of(), List.of(), Map.of("covariate", covariate));
  }

  static String joinNames(List<String> n) {
    if (n.size() <= 1) {
      return String.join("", n);
    }
    return String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
  }

  static String pct(double x) {
    return Prose.percent(x);
  }

  static String num(double x) {
    return Prose.stat(x);
  }

  static String pText(double p) {
    return Prose.pValue(p);
  }
}
