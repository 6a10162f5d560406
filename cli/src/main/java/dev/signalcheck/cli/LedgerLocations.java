package dev.signalcheck.cli;

import dev.signalcheck.ledger.LedgerLocation;
import java.nio.file.Path;

/** The ledger a command uses: {@code --ledger} over {@code SIGNALCHECK_LEDGER} over the default. */
final class LedgerLocations {
  private LedgerLocations() {}

  static LedgerLocation resolve(String option) {
    return LedgerLocation.resolve(
        option, System.getenv(), Path.of(System.getProperty("user.home")));
  }
}
