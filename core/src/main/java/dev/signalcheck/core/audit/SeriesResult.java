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
 * @param limits what bounded the backtest of a long series (null when nothing did)
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
    CovariateResult covariates,
    BacktestLimits limits) {

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

  /** A builder naming each component: see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this result's components, to copy it with some of them changed. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .target(target)
        .n(n)
        .length(length)
        .start(start)
        .end(end)
        .frequency(frequency)
        .findings(findings)
        .cleaning(cleaning)
        .profile(profile)
        .backtest(backtest)
        .verdict(verdict)
        .series(series)
        .covariates(covariates)
        .limits(limits);
  }

  /**
   * Builds a {@link SeriesResult} by component name. Unset lists are empty, unset decimals NaN (not
   * computed), unset counts 0, flags false and references null.
   */
  public static final class Builder {
    private String id;
    private String target;
    private long n;
    private long length;
    private Object start;
    private Object end;
    private Frequency frequency;
    private List<Finding> findings = List.of();
    private Cleaning cleaning;
    private Profile profile;
    private BacktestResult backtest;
    private Verdict verdict;
    private RegularSeries series;
    private CovariateResult covariates;
    private BacktestLimits limits;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder target(String target) {
      this.target = target;
      return this;
    }

    public Builder n(long n) {
      this.n = n;
      return this;
    }

    public Builder length(long length) {
      this.length = length;
      return this;
    }

    public Builder start(Object start) {
      this.start = start;
      return this;
    }

    public Builder end(Object end) {
      this.end = end;
      return this;
    }

    public Builder frequency(Frequency frequency) {
      this.frequency = frequency;
      return this;
    }

    public Builder findings(List<Finding> findings) {
      this.findings = findings;
      return this;
    }

    public Builder cleaning(Cleaning cleaning) {
      this.cleaning = cleaning;
      return this;
    }

    public Builder profile(Profile profile) {
      this.profile = profile;
      return this;
    }

    public Builder backtest(BacktestResult backtest) {
      this.backtest = backtest;
      return this;
    }

    public Builder verdict(Verdict verdict) {
      this.verdict = verdict;
      return this;
    }

    public Builder series(RegularSeries series) {
      this.series = series;
      return this;
    }

    public Builder covariates(CovariateResult covariates) {
      this.covariates = covariates;
      return this;
    }

    public Builder limits(BacktestLimits limits) {
      this.limits = limits;
      return this;
    }

    public SeriesResult build() {
      return new SeriesResult(
          id,
          target,
          n,
          length,
          start,
          end,
          frequency,
          findings,
          cleaning,
          profile,
          backtest,
          verdict,
          series,
          covariates,
          limits);
    }
  }
}
