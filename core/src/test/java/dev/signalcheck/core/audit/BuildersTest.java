package dev.signalcheck.core.audit;

import dev.signalcheck.core.backtest.BacktestResult;
import dev.signalcheck.core.backtest.ModelScore;
import dev.signalcheck.core.covariates.CovariateAssessment;
import dev.signalcheck.core.covariates.CovariateResult;
import dev.signalcheck.core.profile.Profile;
import dev.signalcheck.core.testing.BuilderContract;
import dev.signalcheck.core.verdict.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The builders of the records with many components: each component has a setter of its own name,
 * and what is set is what the record holds (no component forgotten or swapped for another of its
 * type).
 */
class BuildersTest {

  @ParameterizedTest
  @ValueSource(
      classes = {
        SeriesResult.class,
        BacktestResult.class,
        ModelScore.class,
        Decision.class,
        CovariateAssessment.class,
        CovariateResult.class,
        CovariateResult.Item.class,
        Profile.class
      })
  void everyComponentSetIsHeld(Class<?> record) throws Exception {
    BuilderContract.everyComponentSetIsHeld(record);
  }
}
