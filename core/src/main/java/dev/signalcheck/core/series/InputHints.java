package dev.signalcheck.core.series;

import java.util.List;

/**
 * What a series source can tell about likely mistakes in how the input was named, for the messages
 * of findings that say the input cannot be what the user meant: the key columns that would make the
 * time stamps unique, and a time-of-day column left out of {@code --time}.
 *
 * @param idCandidates columns that, added to the series key, make (key, time) unique (best first;
 *     empty when none does or none was needed)
 * @param timeOfDayColumn a column holding times of day while the time column holds dates only, or
 *     null
 * @param dateColumn the date column the time-of-day column belongs with, or null
 */
public record InputHints(List<String> idCandidates, String timeOfDayColumn, String dateColumn) {

  /** Nothing known. */
  public static final InputHints NONE = new InputHints(List.of(), null, null);

  public InputHints {
    idCandidates = idCandidates == null ? List.of() : List.copyOf(idCandidates);
  }
}
