package dev.signalcheck.core.verdict;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.covariates.CovariateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes the best covariate model into account (analyses.md §5 with {@code --covariates}). The
 * covariate model ({@code arx} with the useful covariates) is judged by the rules of {@link
 * VerdictRules} against the main backtest's best trivial baseline, on the same origins. When it
 * beats the best model without covariates and earns a stronger signal, the verdict becomes its
 * verdict and the headline says which covariates carry it; otherwise the verdict stands and the
 * headline says what the covariates added (nothing, or not more than the series' own history).
 * Leaking covariates are named in the headline.
 */
public final class CovariateVerdict {
  private CovariateVerdict() {}

  public static Verdict adjust(Verdict v, BacktestResult r, CovariateResult c, String seasonName) {
    if (v == null || c == null || c.items().isEmpty()) {
      return v;
    }
    List<String> reasons = new ArrayList<>(v.reasons());
    List<String> useful = c.useful();
    List<String> leaking = c.leaking();
    String leakText =
        leaking.isEmpty()
            ? ""
            : String.format(
                Locale.ROOT,
                " %s would leak the target's future into a model (see covariate.leakage).",
                join(leaking));
    if (v.signal() == Signal.INSUFFICIENT_DATA || r == null || r.insufficientData()) {
      reasons.add("Covariates were not backtested: the series is too short.");
      return new Verdict(
          v.signal(),
          v.predictability(),
          v.skill(),
          v.usefulHorizon(),
          v.expected(),
          v.headline() + leakText,
          reasons);
    }
    ModelScore model = c.model();
    ModelScore base = r.baseline() == null ? null : r.model(r.baseline()).orElse(null);
    ModelScore best = r.best() == null ? null : r.model(r.best()).orElse(null);
    double p = c.significance() == null ? Double.NaN : c.significance().pValue();
    double skill = c.skill();
    if (model != null && Double.isFinite(skill)) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "Best covariate model: %s (%s), MASE %s, %s than %s; Diebold–Mariano %s.",
              model.name(),
              model.description(),
              VerdictRules.num(model.mase()),
              betterOrWorse(skill),
              base == null
                  ? "the baseline"
                  : VerdictRules.baselinePhrase(base.name(), r.season(), seasonName),
              VerdictRules.pText(p)));
    }
    for (CovariateResult.Item i : c.items()) {
      reasons.add(i.reason() == null ? i.name() + ": " + i.assessment() + "." : i.reason());
    }
    Signal covSignal = Signal.NONE;
    if (model != null
        && base != null
        && Double.isFinite(skill)
        && skill >= VerdictRules.MIN_SKILL
        && p < VerdictRules.ALPHA
        && !useful.isEmpty()) {
      covSignal = skill < VerdictRules.STRONG_SKILL ? Signal.WEAK : Signal.STRONG;
    }
    boolean beatsOwn = model != null && (best == null || model.mase() < best.mase());
    if (beatsOwn && rank(covSignal) > rank(v.signal())) {
      int uh = VerdictRules.usefulHorizon(model.maseByHorizon(), base.maseByHorizon());
      double pred =
          r.meanMae() > 0
              ? 1
                  - Math.min(
                          model.mae(),
                          Double.isFinite(r.predictability())
                              ? (1 - r.predictability()) * r.meanMae()
                              : model.mae())
                      / r.meanMae()
              : Double.NaN;
      String own =
          String.format(Locale.ROOT, "on its own history the signal is %s", v.signal().label());
      String headline =
          String.format(
              Locale.ROOT,
              "%s signal with covariates: %s carr%s it — the best covariate model (arx with %s) beats %s by %s (%s);"
                  + " %s.%s",
              covSignal == Signal.WEAK ? "Weak" : "Strong",
              join(useful),
              useful.size() == 1 ? "ies" : "y",
              join(c.modelInputs()),
              VerdictRules.baselinePhrase(base.name(), r.season(), seasonName),
              VerdictRules.pct(skill),
              VerdictRules.pText(p),
              own,
              leakText);
      return new Verdict(
          covSignal,
          pred,
          skill,
          uh,
          VerdictRules.expected(model.maseByOrigin()),
          headline,
          reasons);
    }
    String add;
    if (useful.isEmpty()) {
      add =
          String.format(
              Locale.ROOT,
              " None of the covariates (%s) carries signal out of sample.",
              join(
                  c.items().stream()
                      .map(CovariateResult.Item::name)
                      .filter(n -> !leaking.contains(n))
                      .toList()));
      if (c.items().stream().allMatch(i -> leaking.contains(i.name()))) {
        add = "";
      }
    } else {
      add =
          String.format(
              Locale.ROOT,
              " %s carr%s signal, but a model with %s is no better than the best"
                  + " without (%s).",
              join(useful),
              useful.size() == 1 ? "ies" : "y",
              useful.size() == 1 ? "it" : "them",
              model == null || best == null
                  ? "not comparable"
                  : "MASE "
                      + VerdictRules.num(model.mase())
                      + " vs "
                      + VerdictRules.num(best.mase())
                      + " for "
                      + best.name());
    }
    return new Verdict(
        v.signal(),
        v.predictability(),
        v.skill(),
        v.usefulHorizon(),
        v.expected(),
        v.headline() + add + leakText,
        reasons);
  }

  private static int rank(Signal s) {
    return switch (s) {
      case STRONG -> 3;
      case WEAK -> 2;
      case NONE -> 1;
      case INSUFFICIENT_DATA -> 0;
    };
  }

  private static String betterOrWorse(double skill) {
    long pct = Math.round(Math.abs(skill) * 100);
    return pct == 0 ? "no better" : pct + "% " + (skill > 0 ? "better" : "worse");
  }

  static String join(List<String> n) {
    if (n.isEmpty()) {
      return "none";
    }
    if (n.size() == 1) {
      return n.get(0);
    }
    return String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
  }
}
