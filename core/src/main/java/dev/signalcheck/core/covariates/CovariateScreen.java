package dev.signalcheck.core.covariates;

import dev.signalcheck.core.text.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link CovariateAnalysis} learns about one covariate before any backtest: how often it has a
 * value, whether it can be assessed at all (and why not), its pre-whitened cross-correlation with
 * the target and the Granger test of its past on the target.
 *
 * @param present share of the analysed time stamps where it has a value
 * @param assessable present at least {@link CovariateAnalysis#MIN_PRESENT}, not constant, and the
 *     series long enough
 * @param notAssessed why it cannot be assessed, or null
 * @param ccf pre-whitened cross-correlation with the target at lags 0…maxLag (empty when not
 *     assessable)
 * @param granger the Granger test, or null when not assessable
 */
record CovariateScreen(
    double present,
    boolean assessable,
    String notAssessed,
    List<Double> ccf,
    CovariateResult.GrangerTest granger) {

  /** Series shorter than this are profiled for nothing. */
  static final int MIN_LENGTH = 10;

  /**
   * @param x the covariate on the target's grid (NaN where missing)
   * @param y the target
   * @param phi the target's pre-whitening filter
   * @param yw the target pre-whitened
   */
  static CovariateScreen of(
      String name, double[] x, double[] y, double[] phi, double[] yw, int maxLag, int grangerLags) {
    int n = y.length;
    int have = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (Double.isFinite(v)) {
        have++;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double present = n == 0 ? 0 : have / (double) n;
    boolean assessable = present >= CovariateAnalysis.MIN_PRESENT && hi > lo && n >= MIN_LENGTH;
    String notAssessed = null;
    if (present < CovariateAnalysis.MIN_PRESENT) {
      notAssessed =
          String.format(
              Locale.ROOT,
              "%s has a value at only %s of the %d time stamps analysed: too sparse to assess, and a model would"
                  + " need it at every forecast origin",
              name,
              Prose.percent(present),
              n);
    } else if (!(hi > lo)) {
      notAssessed = name + " does not vary over the time analysed: it cannot carry any signal";
    } else if (n < MIN_LENGTH) {
      notAssessed = name + " cannot be assessed: the series is too short";
    }
    List<Double> ccf = new ArrayList<>();
    if (assessable) {
      for (double v : CrossCorrelation.ccf(CrossCorrelation.whiten(x, phi), yw, maxLag)) {
        ccf.add(v);
      }
    }
    Granger.Result g = assessable ? Granger.test(y, x, grangerLags) : null;
    return new CovariateScreen(
        present,
        assessable,
        notAssessed,
        ccf,
        g == null ? null : new CovariateResult.GrangerTest(g.lags(), g.statistic(), g.pValue()));
  }
}
