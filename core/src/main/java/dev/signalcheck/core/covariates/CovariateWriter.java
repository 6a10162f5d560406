package dev.signalcheck.core.covariates;

import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.text.Prose;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words about one {@link CovariateAssessment}: its finding and its item in the report. Every
 * number a sentence states is read from the assessment; nothing is decided here.
 */
final class CovariateWriter {
  private CovariateWriter() {}

  /** The report's item, with the codes treated as missing. */
  static CovariateResult.Item item(CovariateAssessment a, List<Double> missingCodes) {
    return CovariateResult.Item.builder()
        .name(a.name())
        .knownAhead(a.knownAhead())
        .present(a.present())
        .missingCodes(missingCodes)
        .crossCorrelation(a.crossCorrelation())
        .granger(a.granger())
        .mase(a.honest() == null || a.honest().skipped() ? Double.NaN : a.honest().mase())
        .gain(a.gain())
        .pValue(a.pValue())
        .sameTimeGain(a.sameTimeGain())
        .sameTimePValue(a.sameTimePValue())
        .assessment(a.label())
        .reason(reason(a, null))
        .build();
  }

  /** The finding for this covariate; {@code base} the target-only model, or null. */
  static Finding finding(CovariateAssessment a, ModelScore base) {
    String msg = reason(a, base);
    return switch (a.kind()) {
      case LEAKAGE_FUTURE_NOISE ->
          finding(a, CheckType.COVARIATE_LEAKAGE, Severity.CRITICAL, Category.DATA_LEAKAGE, msg)
              .withDetail("lag", a.noiseLag())
              .withDetail("crossCorrelation", a.crossCorrelation().get(a.noiseLag()))
              .withDetail("noiseShare", a.noiseShare());
      case LEAKAGE_SAME_TIME ->
          finding(a, CheckType.COVARIATE_LEAKAGE, Severity.CRITICAL, Category.DATA_LEAKAGE, msg)
              .withDetail("lag", 0)
              .withDetail("sameTimeGain", a.sameTimeGain());
      case USEFUL ->
          finding(a, CheckType.COVARIATE_USEFUL, Severity.INFO, Category.EXTERNAL_DEPENDENCY, msg)
              .withDetail("gain", a.gain())
              .withDetail("pValue", a.pValue());
      case NO_VALUE ->
          finding(a, CheckType.COVARIATE_NO_VALUE, Severity.INFO, Category.DATA_NO_SIGNAL, msg)
              .withDetail("gain", a.gain())
              .withDetail("pValue", a.pValue());
      case NOT_ASSESSED ->
          finding(
              a,
              CheckType.COVARIATE_NO_VALUE,
              Severity.INFO,
              a.present() < CovariateAnalysis.MIN_PRESENT
                  ? Category.DATA_MISSING
                  : Category.DATA_NO_SIGNAL,
              msg);
      case NOT_BACKTESTED ->
          finding(a, CheckType.COVARIATE_NO_VALUE, Severity.INFO, Category.DATA_NO_SIGNAL, msg);
    };
  }

  private static Finding finding(
      CovariateAssessment a, CheckType check, Severity s, Category cat, String msg) {
    return new Finding(
        check.id(), s, cat, msg, 1, List.of(), List.of(), Map.of("covariate", a.name()));
  }

  private static String reason(CovariateAssessment a, ModelScore base) {
    switch (a.kind()) {
      case NOT_ASSESSED:
        return a.notAssessed();
      case NOT_BACKTESTED:
        return a.name()
            + " was profiled but not backtested: "
            + (a.honest() == null
                ? "no backtest could be run on this series"
                : a.honest().reason());
      case LEAKAGE_FUTURE_NOISE:
        return String.format(
            Locale.ROOT,
            "%s reproduces the target's future noise: its value at time t explains %s of what the target's own"
                + " past cannot forecast %s later (pre-whitened cross-correlation %s). A real input, however"
                + " strong, leaves the target's own noise unexplained; this is most likely the target itself"
                + " shifted (a misaligned join, a value computed from later data) and would not be available at"
                + " forecast time. Leave it out of any model%s.",
            a.name(),
            Prose.percent(a.noiseShare()),
            Prose.count(a.noiseLag(), "step"),
            Prose.stat(a.crossCorrelation().get(a.noiseLag())),
            Double.isFinite(a.gain())
                ? " (in the backtest it \"improves\" MASE by " + Prose.percent(a.gain()) + ")"
                : "");
      case LEAKAGE_SAME_TIME:
        return String.format(
            Locale.ROOT,
            "%s helps only at lag 0: used at the same time as the target it cuts MASE by %s (%s), but with only"
                + " its values up to the forecast origin the model %s (%s). It is measured together with the"
                + " target, so when forecasting it is not yet known: a model trained on its same-time value"
                + " looks good in a backtest and fails in use. Use only its past values, or declare it with"
                + " --known-ahead if its future really is known in advance (a plan, a calendar, a published"
                + " forecast).",
            a.name(),
            Prose.percent(a.sameTimeGain()),
            Prose.pValue(a.sameTimePValue()),
            changeText(a.gain()),
            Prose.pValue(a.pValue()));
      case USEFUL:
        {
          String extra =
              !a.knownAhead()
                      && a.sameTimeGain() >= CovariateAnalysis.MIN_GAIN
                      && a.sameTimePValue() < CovariateAnalysis.ALPHA
                      && a.sameTimeGain() > 2 * a.gain()
                  ? " Its same-time value would seem to cut MASE by "
                      + Prose.percent(a.sameTimeGain())
                      + ", but it is not known when forecasting: use only its past values unless it"
                      + " is known ahead."
                  : "";
          return String.format(
              Locale.ROOT,
              "%s adds value out of sample: %s cuts the target's own autoregression's MASE by %s (%s%s;"
                  + " test over the origins %s). A model that uses it depends on %s.%s",
              a.name(),
              a.knownAhead()
                  ? "its values up to "
                      + Arx.COVARIATE_LAGS
                      + " steps before each forecast step, future ones included (declared known"
                      + " ahead),"
                  : "its last " + Arx.COVARIATE_LAGS + " values before each forecast origin",
              Prose.percent(a.gain()),
              base == null ? "" : Prose.stat(base.mase()) + " → ",
              Prose.stat(a.honest().mase()),
              Prose.pValue(a.pValue()),
              a.knownAhead()
                  ? "its future values being available"
                  : "it being delivered up to the forecast origin",
              extra);
        }
      default:
        return String.format(
            Locale.ROOT,
            "%s adds no value out of sample: with its recent values the target's autoregression %s (%s)%s.",
            a.name(),
            changeText(a.gain()),
            Prose.pValue(a.pValue()),
            a.granger() != null && Double.isFinite(a.granger().pValue())
                ? "; Granger test of its past on the target "
                    + Prose.pValue(a.granger().pValue())
                    + (a.granger().pValue() < CovariateAnalysis.ALPHA
                        ? " (in-sample association, but it does not survive the backtest)"
                        : "")
                : "");
    }
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
}
