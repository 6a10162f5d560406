package dev.signalcheck.ledger;

import dev.signalcheck.core.testing.BuilderContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The builders of the ledger's rows with many components: each component has a setter of its own
 * name, and what is set is what the row holds.
 */
class RowBuildersTest {

  @ParameterizedTest
  @ValueSource(classes = {LedgerQueries.RunRow.class, LedgerQueries.SeriesRow.class})
  void everyComponentSetIsHeld(Class<?> record) throws Exception {
    BuilderContract.everyComponentSetIsHeld(record);
  }
}
