package dev.signalcheck.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

  @Test
  void defaultOrderFollowsTheSpecification() {
    List<String> spec =
        List.of(
            "mean",
            "naive",
            "seasonal-naive",
            "naive2",
            "drift",
            "ses",
            "holt",
            "damped",
            "theta",
            "ets",
            "ar");
    List<String> names = ModelRegistry.defaults().names();
    // whatever is registered appears in the specified order
    assertThat(spec).containsSubsequence(names);
    assertThat(names).contains("mean", "naive", "seasonal-naive", "naive2", "drift", "ar");
    for (String n : names) {
      assertThat(ModelRegistry.defaults().create(n).name()).isEqualTo(n);
    }
  }

  @Test
  void selectsByCommaSeparatedNamesInTheGivenOrder() {
    List<Forecaster> f = ModelRegistry.defaults().select(" AR, naive ,,naive");
    assertThat(f).extracting(Forecaster::name).containsExactly("ar", "naive");
    assertThat(ModelRegistry.defaults().select((String) null))
        .hasSize(ModelRegistry.defaults().names().size());
  }

  @Test
  void theFastSetNamesTheBaselinesAndTheCheapCandidates() {
    assertThat(ModelRegistry.defaults().select("fast, naive"))
        .extracting(Forecaster::name)
        .containsExactly("mean", "naive", "seasonal-naive", "naive2", "ses", "theta", "ar");
  }

  @Test
  void unknownModelListsTheValidNames() {
    assertThatThrownBy(() -> ModelRegistry.defaults().select("naive,prophet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown model 'prophet'")
        .hasMessageContaining("valid models are: mean, naive, seasonal-naive, naive2, drift");
  }

  @Test
  void rejectsDuplicateRegistrations() {
    assertThatThrownBy(
            () ->
                new ModelRegistry(
                    List.of(
                        new ModelRegistry.Entry("naive", Naive::new),
                        new ModelRegistry.Entry("naive", Naive::new))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void m4AdjustedEntriesWrapTheInnerModel() {
    ModelRegistry.Entry e = ModelRegistry.m4Adjusted("seasonal-mean", MeanForecaster::new);
    Forecaster f = e.factory().get();
    assertThat(f).isInstanceOf(M4SeasonalAdjustment.class);
    assertThat(f.name()).isEqualTo("seasonal-mean");
    assertThat(e.baseline()).isFalse();
    assertThat(e.info().m4Adjusted()).isTrue();
    assertThat(new ModelRegistry.Entry("naive2", Naive2::new).baseline())
        .as("an entry without metadata is a candidate, whatever its name")
        .isFalse();
  }

  @Test
  void theMetadataOfTheStandardModelsAgreeWithWhatTheyDo() {
    List<ModelRegistry.Entry> entries = ModelRegistry.defaultEntries();
    assertThat(
            entries.stream().filter(ModelRegistry.Entry::baseline).map(ModelRegistry.Entry::name))
        .containsExactlyInAnyOrder("mean", "naive", "seasonal-naive", "naive2");
    for (ModelRegistry.Entry e : entries) {
      Forecaster f = e.factory().get();
      assertThat(e.info().m4Adjusted())
          .as("%s is seasonally adjusted the M4 way exactly when it runs so", e.name())
          .isEqualTo(f instanceof M4SeasonalAdjustment || f instanceof Naive2);
      assertThat(ModelRegistry.info(e.name())).isEqualTo(e.info());
      assertThat(f.name()).isEqualTo(e.name());
    }
    // each reference the backtest and the verdict look for is there exactly once
    assertThat(entries.stream().filter(e -> e.info().owaReference())).hasSize(1);
    for (ModelInfo.Basis b : List.of(ModelInfo.Basis.MEAN, ModelInfo.Basis.LAST_VALUE)) {
      assertThat(entries.stream().filter(e -> e.baseline() && e.info().basis() == b)).hasSize(1);
    }
    assertThat(ModelRegistry.info("no-such-model")).isEqualTo(ModelInfo.CANDIDATE);
  }

  @Test
  void baselinesFollowR() {
    double[] y = {1, 3, 2, 5, 4, 6};
    assertThat(new MeanForecaster().fit(y, 1).forecast(2)).containsExactly(3.5, 3.5);
    assertThat(new Naive().fit(y, 1).forecast(2)).containsExactly(6, 6);
    assertThat(new SeasonalNaive().fit(y, 4).forecast(5)).containsExactly(2, 5, 4, 6, 2);
    assertThat(new SeasonalNaive().fit(y, 1).forecast(2)).containsExactly(6, 6);
    assertThat(new Drift().fit(y, 1).forecast(2)).containsExactly(7, 8);
    assertThat(new Drift().fit(y, 1).fitted()).containsExactly(Double.NaN, 2, 4, 3, 6, 5);
    assertThatThrownBy(() -> new SeasonalNaive().fit(y, 7)).isInstanceOf(ModelFailure.class);
    assertThatThrownBy(() -> new ArYuleWalker().fit(new double[] {2, 2, 2, 2}, 1))
        .isInstanceOf(ModelFailure.class);
  }
}
