package dev.signalcheck.core.verdict;

import java.util.List;

/**
 * The verdict for a series whose rows cannot be what the user meant (most time stamps repeated or
 * unparseable): none is given. The signal is {@code insufficient-data}, the headline says why and
 * what to change.
 */
public final class Withheld {

  /** The headline's first words, so that readers and tests can tell a withheld verdict apart. */
  public static final String PREFIX = "Verdict withheld: ";

  private Withheld() {}

  /**
   * @param reason what is wrong with the input and the likely fix, e.g. "most rows (99.5%) repeat a
   *     time stamp: … pass --id series_id"
   */
  public static Verdict verdict(String reason) {
    Decision withheld =
        Decision.builder()
            .signal(Signal.INSUFFICIENT_DATA)
            .basis(Decision.Basis.WITHHELD)
            .season(1)
            .expected(Expected.UNKNOWN)
            .build();
    return new Verdict(
        Signal.INSUFFICIENT_DATA,
        Double.NaN,
        Double.NaN,
        0,
        List.of(),
        Expected.UNKNOWN,
        PREFIX + reason + ".",
        List.of(
            "The input cannot be one series as read, so any model verdict would describe a"
                + " misreading; fix the options and rerun."),
        withheld);
  }

  /** Whether a verdict is one of these. */
  public static boolean is(Verdict v) {
    return v != null && v.headline() != null && v.headline().startsWith(PREFIX);
  }
}
