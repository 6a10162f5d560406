package dev.signalcheck.core.checks;

/** Check ids (analyses.md §1). Binding names: they appear in reports and in users' pipelines. */
public final class Checks {
  private Checks() {}

  public static final String INPUT_REJECTED_ROWS = "input.rejected-rows";
  public static final String TIME_UNPARSEABLE = "time.unparseable";
  public static final String TIME_DUPLICATE = "time.duplicate";
  public static final String TIME_OUT_OF_ORDER = "time.out-of-order";
  public static final String TIME_GAP = "time.gap";
  public static final String TIME_IRREGULAR = "time.irregular";
  public static final String VALUE_MISSING = "value.missing";
  public static final String VALUE_NON_NUMERIC = "value.non-numeric";
  public static final String VALUE_SENTINEL = "value.sentinel";
  public static final String VALUE_STUCK = "value.stuck";
  public static final String VALUE_ZERO_RUN = "value.zero-run";
  public static final String VALUE_OUT_OF_RANGE = "value.out-of-range";
  public static final String VALUE_SPIKE = "value.spike";
  public static final String VALUE_LEVEL_SHIFT = "value.level-shift";
  public static final String HISTORY_LATE_ENTRY = "history.late-entry";
  public static final String HISTORY_REVISED = "history.revised";
  public static final String HISTORY_ADDED = "history.added";
  public static final String HISTORY_REMOVED = "history.removed";
  public static final String LABEL_VARIANTS = "label.variants";
  public static final String SERIES_TOO_SHORT = "series.too-short";
  public static final String SERIES_CONSTANT = "series.constant";
  public static final String SERIES_SEASON_MISMATCH = "series.season-mismatch";
}
