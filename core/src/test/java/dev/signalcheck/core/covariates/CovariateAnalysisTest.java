package dev.signalcheck.core.covariates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.RollingOriginBacktest;
import dev.signalcheck.core.finding.Category;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.verdict.Signal;
import dev.signalcheck.core.verdict.Verdict;
import dev.signalcheck.core.verdict.VerdictRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The five synthetic kinds of covariate, each recognised for what it is. */
class CovariateAnalysisTest {
  static final int N = 800;
  static final int H = 6;
  static final int K = 20;

  private static CovariateAnalysis.Outcome run(
      Synthetic s, Set<String> known, BacktestResult main) {
    return CovariateAnalysis.analyse(s.y, s.x, Map.of(), known, 1, H, K, main);
  }

  private static BacktestResult main(Synthetic s) {
    return new RollingOriginBacktest(H, K)
        .run(s.y, 1, ModelRegistry.defaults().select(List.of("mean", "naive", "ar")));
  }

  private static CovariateResult.Item item(CovariateResult r, String name) {
    return r.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<Finding> about(List<Finding> f, String covariate) {
    return f.stream().filter(x -> covariate.equals(x.details().get("covariate"))).toList();
  }

  @Test
  void driverAndItsCopyAreUsefulNoiseIsNotTheFutureAndSameTimeValuesLeak() {
    Synthetic s = new Synthetic(1, N);
    BacktestResult main = main(s);
    CovariateAnalysis.Outcome o = run(s, Set.of(), main);
    CovariateResult r = o.result();
    assertThat(r.origins()).isEqualTo(K);
    assertThat(item(r, "driver").assessment()).isEqualTo("useful");
    assertThat(item(r, "driver").gain()).isGreaterThan(0.1);
    assertThat(item(r, "copy").assessment()).isEqualTo("useful");
    assertThat(item(r, "noise").assessment()).isEqualTo("no-value");
    assertThat(item(r, "next").assessment()).isEqualTo("leakage");
    assertThat(item(r, "same").assessment()).isEqualTo("leakage");

    // the driver acts two steps later: its pre-whitened cross-correlation peaks at lag 2
    List<Double> ccf = item(r, "driver").crossCorrelation();
    assertThat(ccf).hasSize(H + 1);
    int peak = 0;
    for (int k = 1; k < ccf.size(); k++) {
      if (Math.abs(ccf.get(k)) > Math.abs(ccf.get(peak))) {
        peak = k;
      }
    }
    assertThat(peak).isEqualTo(2);
    assertThat(item(r, "driver").granger().pValue()).isLessThan(0.001);
    assertThat(item(r, "noise").granger().pValue()).isGreaterThan(0.01);
    // the target's next value: a perfect mirror at lag 1
    assertThat(item(r, "next").crossCorrelation().get(1)).isGreaterThan(0.95);
    // the same-time measurement would look great at lag 0
    assertThat(item(r, "same").sameTimeGain()).isGreaterThan(0.5);

    List<Finding> f = o.findings();
    Finding leakNext = about(f, "next").get(0);
    assertThat(leakNext.check()).isEqualTo("covariate.leakage");
    assertThat(leakNext.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(leakNext.category()).isEqualTo(Category.DATA_LEAKAGE);
    assertThat(leakNext.message())
        .contains("reproduces the target's future noise")
        .contains("1 step later");
    Finding leakSame = about(f, "same").get(0);
    assertThat(leakSame.check()).isEqualTo("covariate.leakage");
    assertThat(leakSame.message()).contains("only at lag 0").contains("--known-ahead");
    assertThat(about(f, "driver").get(0).check()).isEqualTo("covariate.useful");
    assertThat(about(f, "noise").get(0).check()).isEqualTo("covariate.no-value");
    assertThat(about(f, "noise").get(0).category()).isEqualTo(Category.DATA_NO_SIGNAL);

    // the near-copy of the driver is collinear with it, and nothing else is
    assertThat(r.collinear()).containsExactly(List.of("driver", "copy"));
    Finding col =
        f.stream().filter(x -> x.check().equals("covariate.collinear")).findFirst().orElseThrow();
    assertThat(col.category()).isEqualTo(Category.MODEL_EXPLAINABILITY);
    assertThat(col.severity()).isEqualTo(Severity.INFO);
    assertThat(col.details().get("covariates")).isEqualTo(List.of("driver", "copy"));
    assertThat(col.message()).contains("SHAP");

    // the best covariate model uses useful ones (either or both: they carry the same information)
    // and
    // beats the target's own models
    assertThat(r.modelInputs()).isNotEmpty().isSubsetOf("driver", "copy");
    assertThat(r.skill()).isGreaterThan(main.skill());
    // arx joins the model table as a candidate and the verdict rests on it
    BacktestResult withArx = RollingOriginBacktest.withModel(main, r.model());
    assertThat(withArx.best()).isEqualTo("arx");
    assertThat(withArx.model("arx").orElseThrow().usesCovariates()).isTrue();
    Verdict v = VerdictRules.judge(withArx, r, null);
    assertThat(v.signal()).isIn(Signal.WEAK, Signal.STRONG);
    assertThat(v.decision().bestUsesCovariates()).isTrue();
    assertThat(v.headline())
        .contains("the best model (arx with")
        .contains("driver and copy carry it")
        .contains("next and same would leak");
  }

  @Test
  void aSameTimeMeasurementDeclaredKnownAheadIsUsefulNotLeakage() {
    Synthetic s = new Synthetic(2, N);
    CovariateAnalysis.Outcome o = run(s, Set.of("same"), main(s));
    CovariateResult.Item same = item(o.result(), "same");
    assertThat(same.knownAhead()).isTrue();
    assertThat(same.assessment()).isEqualTo("useful");
    assertThat(same.gain()).isGreaterThan(0.5);
    assertThat(about(o.findings(), "same"))
        .extracting(Finding::check)
        .containsExactly("covariate.useful");
    assertThat(about(o.findings(), "same").get(0).message()).contains("known ahead");
    // the mirror of the future stays leakage whatever is declared
    CovariateAnalysis.Outcome o2 = run(s, Set.of("same", "next"), main(s));
    assertThat(item(o2.result(), "next").assessment()).isEqualTo("leakage");
  }

  @Test
  void aCovariateMissingForMostRowsIsAFindingNotACrash() {
    Synthetic s = new Synthetic(3, 300);
    double[] sparse = s.x.get("driver").clone();
    for (int t = 0; t < sparse.length; t++) {
      if (t % 10 != 0) {
        sparse[t] = Double.NaN;
      }
    }
    CovariateAnalysis.Outcome o =
        CovariateAnalysis.analyse(s.y, Map.of("sparse", sparse), Map.of(), Set.of(), 1, H, 3, null);
    assertThat(item(o.result(), "sparse").assessment()).isEqualTo("not-assessed");
    Finding f = o.findings().get(0);
    assertThat(f.check()).isEqualTo("covariate.no-value");
    assertThat(f.category()).isEqualTo(Category.DATA_MISSING);
    assertThat(f.message()).contains("only 10%");
  }

  @Test
  void tooShortForABacktestIsProfiledOnly() {
    Synthetic s = new Synthetic(4, 14);
    CovariateAnalysis.Outcome o =
        CovariateAnalysis.analyse(s.y, s.x, Map.of(), Set.of(), 1, H, 3, null);
    assertThat(o.result().origins()).isZero();
    assertThat(o.result().notes()).anyMatch(n -> n.contains("too short"));
  }
}
