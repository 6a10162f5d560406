package dev.signalcheck.core.covariates;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.backtest.OriginTest;
import dev.signalcheck.core.backtest.Significance;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    double[] phi = n >= CovariateScreen.MIN_LENGTH ? CrossCorrelation.filter(y) : new double[0];
    double[] yw = CrossCorrelation.whiten(y, phi);
    int maxLag = Math.max(0, Math.min(horizon, n / 4));
    int grangerLags = Granger.lags(phi.length);
    List<CovariateScreen> screens = new ArrayList<>();
    for (int j = 0; j < c; j++) {
      screens.add(CovariateScreen.of(names.get(j), x[j], y, phi, yw, maxLag, grangerLags));
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
      if (screens.get(j).assessable() && base != null) {
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
              screens.get(j).present(),
              screens.get(j).notAssessed(),
              screens.get(j).ccf(),
              screens.get(j).granger(),
              base,
              honest,
              oracle,
              withoutZero,
              dmH);
      assessed.add(a);
      findings.add(CovariateWriter.finding(a, base));
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
    boolean[] assessable = new boolean[c];
    for (int j = 0; j < c; j++) {
      assessable[j] = screens.get(j).assessable();
    }
    List<List<String>> groups = Collinearity.groups(x, names, assessable, findings);

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
      items.add(CovariateWriter.item(assessed.get(j), cl));
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
}
