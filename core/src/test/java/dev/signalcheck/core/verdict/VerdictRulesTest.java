package dev.signalcheck.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.reference.ReferenceSeries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {

  static BacktestResult backtest(String series, int h) {
    ReferenceSeries s = ReferenceSeries.load(series);
    return new RollingOriginBacktest(h, 3).run(s.values(), s.m(), ModelRegistry.defaults().all());
  }

  @Test
  void aSeasonalPatternIsSignalAndAnUnconfirmedGainSuggestsMoreOrigins() {
    // uk_gas with 3 origins of 8 quarters: its seasonal pattern is signal (seasonal naive beats
    // mean and naive), and the gain of ets over seasonal naive cannot be confirmed with 3 origins
    BacktestResult r = backtest("uk_gas", 8);
    Verdict v = VerdictRules.judge(r);
    assertThat(v.signal()).isEqualTo(Signal.STRONG);
    assertThat(v.decision().basis()).isEqualTo(Decision.Basis.PATTERN);
    assertThat(v.decision().modelAdds()).isFalse();
    assertThat(v.usefulSteps()).isEmpty();
    assertThat(v.headline()).contains("seasonal pattern").contains("no model adds to it reliably");
    assertThat(v.skill()).isGreaterThan(0.05);
    assertThat(v.reasons()).anySatisfy(x -> assertThat(x).contains("rerun with --origins auto"));
    // with the origins the series allows the test decides
    ReferenceSeries s = ReferenceSeries.load("uk_gas");
    BacktestResult auto =
        new RollingOriginBacktest(8, RollingOriginBacktest.autoOrigins(s.values().length, 4, 8))
            .run(s.values(), 4, ModelRegistry.defaults().all());
    Verdict decided = VerdictRules.judge(auto);
    assertThat(decided.signal()).isIn(Signal.WEAK, Signal.STRONG);
    assertThat(decided.reasons()).noneSatisfy(x -> assertThat(x).contains("--origins"));
  }

  @Test
  void tooShortIsInsufficientDataAndSaysHowMuchIsNeeded() {
    double[] y = new double[20];
    Arrays.setAll(y, i -> Math.sin(i));
    Verdict v =
        VerdictRules.judge(
            new RollingOriginBacktest(14, 3).run(y, 7, ModelRegistry.defaults().all()));
    assertThat(v.signal()).isEqualTo(Signal.INSUFFICIENT_DATA);
    assertThat(v.signal().label()).isEqualTo("insufficient-data");
    assertThat(v.headline())
        .isEqualTo(
            "Too short to judge: 20 observations; a backtest 14 steps ahead needs at least 28. "
                + "Collect more history before modelling.");
    assertThat(v.skill()).isNaN();
    assertThat(v.usefulHorizon()).isZero();
  }

  @Test
  void lynxCyclesAreASignalBeyondTheMean() {
    BacktestResult r = backtest("lynx", 10);
    Verdict v = VerdictRules.judge(r);
    assertThat(r.best()).isEqualTo("ar");
    assertThat(v.skill()).isEqualTo(r.skill());
    assertThat(v.predictability()).isEqualTo(r.predictability());
    assertThat(v.expected().low()).isLessThanOrEqualTo(v.expected().mase());
    assertThat(v.expected().high()).isGreaterThanOrEqualTo(v.expected().mase());
    assertThat(v.reasons())
        .anyMatch(s -> s.startsWith("Backtest: 3 forecast origins, 10 steps ahead each"));
    assertThat(v.reasons()).anyMatch(s -> s.startsWith("Best model: ar (AR("));
  }

  @Test
  void aSeasonalSeriesIsExplainedByItsPattern() {
    BacktestResult r = backtest("nottem", 12);
    Verdict v = VerdictRules.judge(r, "yearly");
    assertThat(r.baseline()).isIn("seasonal-naive", "naive2");
    // monthly temperatures: the models beat last year's value clearly, and the words say "a year
    // ago"
    assertThat(v.signal()).isEqualTo(Signal.STRONG);
    assertThat(v.headline()).contains("a year ago");
  }

  @Test
  void usefulStepsAreTheStepsWhereTheModelIsBetter() {
    // skill by step: negative at steps 1, 3 and 5, as a chart would show
    List<Integer> steps = VerdictRules.usefulSteps(List.of(-0.2, 0.3, -0.1, 0.06, -1.7, 0.5, 0.5));
    assertThat(steps).containsExactly(2, 4, 6, 7);
    assertThat(VerdictRules.usefulHorizon(steps)).isZero();
    assertThat(VerdictRules.usefulHorizon(List.of(1, 2, 3, 5))).isEqualTo(3);
    assertThat(dev.signalcheck.core.text.Prose.ranges(steps)).isEqualTo("2, 4 and 6–7");
  }

  @Test
  void expectedIsTheMedianAndRangeOverOrigins() {
    assertThat(VerdictRules.expected(List.of(1.4, 0.9, 1.1)))
        .isEqualTo(new Expected(1.1, 0.9, 1.4));
    assertThat(VerdictRules.expected(List.of(1.0, 2.0))).isEqualTo(new Expected(1.5, 1.0, 2.0));
  }

  @Test
  void withoutACandidateThereIsNothingToJudge() {
    ReferenceSeries s = ReferenceSeries.load("nile");
    BacktestResult r =
        new RollingOriginBacktest(10, 3)
            .run(s.values(), 1, ModelRegistry.defaults().select("mean,naive"));
    Verdict v = VerdictRules.judge(r);
    assertThat(v.signal()).isEqualTo(Signal.NONE);
    assertThat(v.headline()).startsWith("Cannot judge: no candidate model");
  }

  @Test
  void pValuesAreWrittenForPeople() {
    assertThat(VerdictRules.pText(0.4123)).isEqualTo("p = 0.41");
    assertThat(VerdictRules.pText(0.0031)).isEqualTo("p = 0.003");
    assertThat(VerdictRules.pText(1e-9)).isEqualTo("p < 0.001");
  }

  @Test
  void everyReferenceSeriesGetsAVerdictWithItsEvidence() {
    for (String name : ReferenceSeries.NAMES) {
      ReferenceSeries s = ReferenceSeries.load(name);
      Verdict v = VerdictRules.judge(backtest(name, s.horizon()));
      assertThat(v.signal()).as(name).isNotNull();
      assertThat(v.headline()).as(name).isNotBlank();
      assertThat(v.reasons()).as(name).isNotEmpty();
      assertThat(v.usefulHorizon()).as(name).isBetween(0, s.horizon());
    }
  }
}
