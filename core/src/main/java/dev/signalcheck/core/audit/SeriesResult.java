package dev.signalcheck.core.audit;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.covariates.CovariateResult;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.profile.Profile;
import dev.signalcheck.core.series.Cleaning;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.verdict.Verdict;
import java.util.List;

/**
 * Everything signalcheck says about one series: the JSON report's {@code series[]} element.
 *
 * @param n data rows of this series in the input
 * @param length positions on the regular grid from first to last time stamp
 * @param start first time stamp, in the form the input used
 * @param end last time stamp
 * @param cleaning how the series was completed for the profile and backtest (null when nothing
 *     usable)
 * @param profile predictability profile, or null when not computed
 * @param backtest backtest result, or null when not run
 * @param verdict the verdict, or null
 * @param series the series on its regular grid (NaN where missing, codes for "missing" such as -200
 *     removed), for charts; not part of the JSON report
 * @param covariates what the covariates add (null without {@code --covariates})
 */
public record SeriesResult(
    String id,
    String target,
    long n,
    long length,
    Object start,
    Object end,
    Frequency frequency,
    List<Finding> findings,
    Cleaning cleaning,
    Profile profile,
    BacktestResult backtest,
    Verdict verdict,
    RegularSeries series,
    CovariateResult covariates) {

  /** The most severe finding, or null. */
  public Finding worst() {
    Finding w = null;
    for (Finding f : findings) {
      if (w == null || f.severity().compareTo(w.severity()) > 0) {
        w = f;
      }
    }
    return w;
  }

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }
}
