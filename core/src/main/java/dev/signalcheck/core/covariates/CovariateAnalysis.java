package dev.signalcheck.core.covariates;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.DieboldMariano;
import dev.signalcheck.core.backtest.ModelScore;
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
 * MASE(with) / MASE(base), with a one-sided Diebold–Mariano test on the errors of all origins.
 * {@code covariate.useful} when the gain is at least {@value #MIN_GAIN} and p &lt; {@value #ALPHA},
 * else {@code covariate.no-value}. Judging each covariate alone keeps a near-copy of a useful
 * covariate from hiding it; the overlap is reported by {@code covariate.collinear}.
 *
 * <p><b>Leakage</b> ({@code covariate.leakage}, critical), either of:
 *
 * <ul>
 *   <li><i>same-time only</i>: for a covariate not declared known ahead, the model that uses it as
 *       a leaking model would — lags 0…L, its future values given as if known in advance — is
 *       useful (gain ≥ {@value #MIN_GAIN}, p &lt; {@value #ALPHA}), its lag 0 makes it at least
 *       {@value #MIN_GAIN} and significantly more accurate than the same model with lags 1…L only
 *       (so a leading indicator, whose future values would help through its lags, is not mistaken
 *       for one), while the honest model (values up to the forecast origin only) is not useful.
 *       Such a covariate is a measurement taken together with the target: at forecast time it is as
 *       unknown as the target.
 *   <li><i>it mirrors the target's future</i>: its pre-whitened cross-correlation with the target k
 *       ≥ 1 steps later reaches {@value #MIRROR} in absolute value, i.e. its value explains at
 *       least 81% of the part of the target k steps ahead that the target's own past cannot.
 *       Genuine leading indicators rarely come close; a shifted copy of the target (a misaligned
 *       join, a label computed from later data) does. This applies to known-ahead covariates too.
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
  public static final double MIRROR = 0.9;
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
    double[] mase = new double[c],
        gain = new double[c],
        p = new double[c],
        gain0 = new double[c],
        p0 = new double[c];
    Arrays.fill(mase, Double.NaN);
    Arrays.fill(gain, Double.NaN);
    Arrays.fill(p, Double.NaN);
    Arrays.fill(gain0, Double.NaN);
    Arrays.fill(p0, Double.NaN);
    ModelScore[] honest = new ModelScore[c];
    ModelScore[] oracle = new ModelScore[c];
    ModelScore[] withoutZero = new ModelScore[c];
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
    String[] assessment = new String[c];
    String[] reason = new String[c];
    for (int j = 0; j < c; j++) {
      String name = names.get(j);
      boolean ka = knownAhead.contains(name);
      if (!assessable[j]) {
        assessment[j] = CovariateResult.Item.NOT_ASSESSED;
        reason[j] = notAssessed[j];
        findings.add(
            finding(
                NO_VALUE,
                Severity.INFO,
                present[j] < MIN_PRESENT ? Category.DATA_MISSING : Category.DATA_NO_SIGNAL,
                reason[j],
                name));
        continue;
      }
      double mirror = 0;
      int mirrorLag = 0;
      List<Double> r = ccfs.get(j);
      for (int k = 1; k < r.size(); k++) {
        if (Double.isFinite(r.get(k)) && Math.abs(r.get(k)) > mirror) {
          mirror = Math.abs(r.get(k));
          mirrorLag = k;
        }
      }
      if (base != null) {
        honest[j] =
            bt.run(y, x, names, m, List.of(new CovariateBacktest.Term(j, ka, Arx.lags(ka))), "arx");
        if (!honest[j].skipped()) {
          mase[j] = honest[j].mase();
          gain[j] = 1 - honest[j].mase() / base.mase();
          p[j] = dm(base, honest[j], dmH);
        }
        if (!ka) {
          // as a leaking model would use it: lags 0…L, future values given as if known in advance;
          // and the
          // same without lag 0, to tell what the same-time value adds
          oracle[j] =
              bt.run(
                  y,
                  x,
                  names,
                  m,
                  List.of(new CovariateBacktest.Term(j, true, Arx.lags(true))),
                  "arx");
          withoutZero[j] =
              bt.run(
                  y,
                  x,
                  names,
                  m,
                  List.of(new CovariateBacktest.Term(j, true, Arx.lags(false))),
                  "arx");
          if (!oracle[j].skipped()) {
            gain0[j] = 1 - oracle[j].mase() / base.mase();
            p0[j] = dm(base, oracle[j], dmH);
          }
        }
      }
      boolean honestUseful = gain[j] >= MIN_GAIN && p[j] < ALPHA;
      boolean sameTimeUseful = gain0[j] >= MIN_GAIN && p0[j] < ALPHA;
      boolean sameTimeBetter =
          sameTimeUseful
              && withoutZero[j] != null
              && !withoutZero[j].skipped()
              && 1 - oracle[j].mase() / withoutZero[j].mase() >= MIN_GAIN
              && dm(withoutZero[j], oracle[j], dmH) < ALPHA;
      if (mirror >= MIRROR) {
        assessment[j] = CovariateResult.Item.LEAKAGE;
        reason[j] =
            String.format(
                Locale.ROOT,
                "%s mirrors the target's future: its value at time t correlates %.2f with the target %d step%s later,"
                    + " after the target's own past is accounted for (pre-whitened cross-correlation). No real input"
                    + " predicts the target's surprises that well: it is most likely the target itself shifted (a"
                    + " misaligned join, a value computed from later data) and would not be available at forecast"
                    + " time. Leave it out of any model%s.",
                name,
                r.get(mirrorLag),
                mirrorLag,
                mirrorLag == 1 ? "" : "s",
                Double.isFinite(gain[j])
                    ? String.format(
                        Locale.ROOT, " (in the backtest it \"improves\" MASE by %s)", pct(gain[j]))
                    : "");
        findings.add(
            finding(LEAKAGE, Severity.CRITICAL, Category.DATA_LEAKAGE, reason[j], name)
                .withDetail("lag", mirrorLag)
                .withDetail("crossCorrelation", r.get(mirrorLag)));
      } else if (!ka && sameTimeBetter && !honestUseful) {
        assessment[j] = CovariateResult.Item.LEAKAGE;
        reason[j] =
            String.format(
                Locale.ROOT,
                "%s helps only at lag 0: used at the same time as the target it cuts MASE by %s (%s), but with only"
                    + " its values up to the forecast origin the model %s (%s). It is measured together with the target, so when forecasting"
                    + " it is not yet known: a model trained on its same-time value looks good in a backtest and fails"
                    + " in use. Use only its past values, or declare it with --known-ahead if its future really is"
                    + " known in advance (a plan, a calendar, a published forecast).",
                name,
                pct(gain0[j]),
                pText(p0[j]),
                changeText(gain[j]),
                pText(p[j]));
        findings.add(
            finding(LEAKAGE, Severity.CRITICAL, Category.DATA_LEAKAGE, reason[j], name)
                .withDetail("lag", 0)
                .withDetail("sameTimeGain", gain0[j]));
      } else if (base == null || honest[j] == null || honest[j].skipped()) {
        assessment[j] = CovariateResult.Item.NOT_ASSESSED;
        reason[j] =
            name
                + " was profiled but not backtested: "
                + (base == null ? "no backtest could be run on this series" : honest[j].reason());
        findings.add(finding(NO_VALUE, Severity.INFO, Category.DATA_NO_SIGNAL, reason[j], name));
      } else if (honestUseful) {
        assessment[j] = CovariateResult.Item.USEFUL;
        String extra =
            !ka && sameTimeUseful && gain0[j] > 2 * gain[j]
                ? String.format(
                    Locale.ROOT,
                    " Its same-time value would seem to cut MASE by %s, but it is not known"
                        + " when forecasting: use only its past values unless it is known ahead.",
                    pct(gain0[j]))
                : "";
        reason[j] =
            String.format(
                Locale.ROOT,
                "%s adds value out of sample: %s cuts the target's own autoregression's MASE by %s (%s → %s;"
                    + " Diebold–Mariano %s, errors of all origins). A model that uses it depends on %s.%s",
                name,
                ka
                    ? "its values up to "
                        + Arx.COVARIATE_LAGS
                        + " steps before each forecast step, future ones"
                        + " included (declared known ahead),"
                    : "its last " + Arx.COVARIATE_LAGS + " values before each" + " forecast origin",
                pct(gain[j]),
                num(base.mase()),
                num(mase[j]),
                pText(p[j]),
                ka
                    ? "its future values being available"
                    : "it being delivered up to the forecast origin",
                extra);
        findings.add(
            finding(USEFUL, Severity.INFO, Category.EXTERNAL_DEPENDENCY, reason[j], name)
                .withDetail("gain", gain[j])
                .withDetail("pValue", p[j]));
      } else {
        assessment[j] = CovariateResult.Item.NO_VALUE;
        CovariateResult.GrangerTest g = grangers.get(j);
        reason[j] =
            String.format(
                Locale.ROOT,
                "%s adds no value out of sample: with its recent values the target's autoregression %s (%s)%s.",
                name,
                changeText(gain[j]),
                pText(p[j]),
                g != null && Double.isFinite(g.pValue())
                    ? String.format(
                        Locale.ROOT,
                        "; Granger test of its past on the target %s%s",
                        pText(g.pValue()),
                        g.pValue() < ALPHA
                            ? " (in-sample association, but it does not survive the backtest)"
                            : "")
                    : "");
        findings.add(
            finding(NO_VALUE, Severity.INFO, Category.DATA_NO_SIGNAL, reason[j], name)
                .withDetail("gain", gain[j])
                .withDetail("pValue", p[j]));
      }
    }

    // the best covariate model
    ModelScore model = null;
    List<String> modelInputs = List.of();
    List<Integer> useful = new ArrayList<>();
    for (int j = 0; j < c; j++) {
      if (CovariateResult.Item.USEFUL.equals(assessment[j])) {
        useful.add(j);
      }
    }
    for (int j = 0; j < c; j++) {
      boolean eligible =
          useful.isEmpty()
              ? assessment[j].equals(CovariateResult.Item.NO_VALUE)
              : useful.contains(j);
      if (eligible
          && honest[j] != null
          && !honest[j].skipped()
          && (model == null || honest[j].mase() < model.mase())) {
        model = honest[j];
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
      DieboldMariano.Result d =
          DieboldMariano.test(
              mainBase.errors(), model.errors(), dmH, 1, DieboldMariano.Alternative.GREATER);
      sig = new Significance(Significance.DIEBOLD_MARIANO, d.pValue(), d.statistic(), d.h(), d.n());
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
      items.add(
          new CovariateResult.Item(
              name,
              knownAhead.contains(name),
              present[j],
              cl,
              ccfs.get(j),
              grangers.get(j),
              mase[j],
              gain[j],
              p[j],
              gain0[j],
              p0[j],
              assessment[j],
              reason[j]));
    }
    CovariateResult result =
        new CovariateResult(
            known,
            lagList,
            n,
            lengths.length,
            items,
            base,
            model,
            modelInputs,
            skill,
            sig,
            groups,
            notes);
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

  private static double dm(ModelScore reference, ModelScore candidate, int h) {
    double[] a = reference.errors();
    double[] b = candidate.errors();
    if (a.length != b.length || a.length < 2) {
      return Double.NaN;
    }
    return DieboldMariano.test(a, b, h, 1, DieboldMariano.Alternative.GREATER).pValue();
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

  private static String changeText(double gain) {
    if (!Double.isFinite(gain)) {
      return "could not be scored";
    }
    long pc = Math.round(Math.abs(gain) * 100);
    if (pc == 0) {
      return "is no more accurate";
    }
    return gain > 0 ? "is " + pc + "% more accurate" : "is " + pc + "% less accurate";
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
