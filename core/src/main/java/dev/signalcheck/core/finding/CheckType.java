package dev.signalcheck.core.finding;

import java.util.Optional;

/**
 * Every check signalcheck can report, defined once: its id (a binding name: it appears in reports
 * and in users' pipelines), its category, its base severity and a one-line description. The Java
 * code, the HTML report (through the data it embeds) and the documentation tables all read this
 * enum; a test keeps the documentation in step with it.
 */
public enum CheckType {
  INPUT_REJECTED_ROWS(
      "input.rejected-rows",
      Category.DATA_COLLECTION,
      Severity.WARNING,
      "Rows with neither a usable time nor a value, or without a series id; left out and counted."),
  TIME_UNPARSEABLE(
      "time.unparseable",
      Category.DATA_COLLECTION,
      Severity.WARNING,
      "Time values that do not read as a time."),
  TIME_DUPLICATE(
      "time.duplicate",
      Category.DATA_COLLECTION,
      Severity.WARNING,
      "More than one row for the same time stamp; the first (or latest recorded) is kept."),
  TIME_OUT_OF_ORDER(
      "time.out-of-order",
      Category.DATA_COLLECTION,
      Severity.WARNING,
      "Time goes backwards, e.g. a clock set back at a daylight-saving change; the data were sorted."),
  TIME_GAP(
      "time.gap", Category.DATA_MISSING, Severity.WARNING, "Expected time stamps that are absent."),
  TIME_IRREGULAR(
      "time.irregular",
      Category.DATA_COLLECTION,
      Severity.INFO,
      "Spacings that are not a multiple of the step; such stamps were moved to the nearest grid"
          + " point."),
  TIME_OUT_OF_RANGE(
      "time.out-of-range",
      Category.DATA_COLLECTION,
      Severity.CRITICAL,
      "Time stamps far outside the others (an epoch in milliseconds read as seconds, a mistyped"
          + " year), left out of the grid; or a span too long for the step to put on a grid."),
  VALUE_MISSING(
      "value.missing", Category.DATA_MISSING, Severity.WARNING, "Missing values, as runs."),
  VALUE_NON_NUMERIC(
      "value.non-numeric",
      Category.DATA_COLLECTION,
      Severity.WARNING,
      "Text where a number was expected."),
  VALUE_SENTINEL(
      "value.sentinel",
      Category.DATA_SENSOR_FAULT,
      Severity.WARNING,
      "A code such as -200 or 9999 that stands for \"missing\"."),
  VALUE_STUCK(
      "value.stuck",
      Category.DATA_SENSOR_FAULT,
      Severity.WARNING,
      "A frozen sensor: the same reading far longer than usual."),
  VALUE_ZERO_RUN(
      "value.zero-run",
      Category.DATA_SENSOR_FAULT,
      Severity.WARNING,
      "A run of zeros in a series otherwise far from zero: a sensor that is off."),
  VALUE_OUT_OF_RANGE(
      "value.out-of-range",
      Category.DATA_SENSOR_FAULT,
      Severity.CRITICAL,
      "Values outside the physically possible range."),
  VALUE_SPIKE(
      "value.spike",
      Category.DATA_SENSOR_FAULT,
      Severity.WARNING,
      "Isolated outliers against the local level and season."),
  VALUE_LEVEL_SHIFT(
      "value.level-shift",
      Category.DATA_SENSOR_FAULT,
      Severity.INFO,
      "An abrupt lasting change of level."),
  HISTORY_LATE_ENTRY(
      "history.late-entry",
      Category.DATA_COLLECTION,
      Severity.WARNING,
      "Rows recorded later than their time stamp: a backtest on them is optimistic."),
  HISTORY_REVISED(
      "history.revised",
      Category.DATA_COLLECTION,
      Severity.WARNING,
      "Values for the same time that changed later."),
  HISTORY_ADDED(
      "history.added",
      Category.DATA_COLLECTION,
      Severity.INFO,
      "Time stamps present in the newer extract only."),
  HISTORY_REMOVED(
      "history.removed",
      Category.DATA_COLLECTION,
      Severity.WARNING,
      "Time stamps present in the older extract only: deleted history."),
  LABEL_VARIANTS(
      "label.variants",
      Category.DATA_UNNORMALIZED_LABELS,
      Severity.WARNING,
      "Distinct values of a label column that are spellings of one thing."),
  COVARIATE_USEFUL(
      "covariate.useful",
      Category.EXTERNAL_DEPENDENCY,
      Severity.INFO,
      "A covariate that improves out-of-sample accuracy, significantly."),
  COVARIATE_NO_VALUE(
      "covariate.no-value",
      Category.DATA_NO_SIGNAL,
      Severity.INFO,
      "A covariate that does not improve out-of-sample accuracy."),
  COVARIATE_LEAKAGE(
      "covariate.leakage",
      Category.DATA_LEAKAGE,
      Severity.CRITICAL,
      "A covariate whose value would not be available at forecast time."),
  COVARIATE_COLLINEAR(
      "covariate.collinear",
      Category.MODEL_EXPLAINABILITY,
      Severity.INFO,
      "Covariates so correlated that attributions among them are unreliable."),
  SERIES_TOO_SHORT(
      "series.too-short",
      Category.DATA_MISSING,
      Severity.WARNING,
      "Too few points for some of the analyses."),
  SERIES_CONSTANT(
      "series.constant", Category.DATA_NO_SIGNAL, Severity.CRITICAL, "No variation at all."),
  SERIES_SEASON_MISMATCH(
      "series.season-mismatch",
      Category.DATA_COLLECTION,
      Severity.INFO,
      "The data repeat with a different period than the season used."),
  SERIES_SEASON_FROM_DATA(
      "series.season-from-data",
      Category.DATA_COLLECTION,
      Severity.INFO,
      "The history is too short to show the calendar season of its step; the data's own dominant"
          + " cycle (or none) is used instead."),
  MODEL_OVERFIT(
      "model.overfit",
      Category.MODEL_OVERFIT,
      Severity.INFO,
      "A model that fits the past far better than it forecasts."),
  SOURCE_UNAVAILABLE(
      "source.unavailable",
      Category.EXTERNAL_DEPENDENCY,
      Severity.CRITICAL,
      "Every attempt to fetch the source failed; not evaluated, the previous snapshot is kept."),
  SOURCE_STALE(
      "source.stale",
      Category.EXTERNAL_DEPENDENCY,
      Severity.WARNING,
      "The newest time stamp is older than the series' own step allows."),
  SOURCE_SCHEMA_CHANGED(
      "source.schema-changed",
      Category.EXTERNAL_DEPENDENCY,
      Severity.WARNING,
      "Columns added, removed, renamed or retyped since the previous snapshot."),
  SOURCE_REVISED(
      "source.revised",
      Category.EXTERNAL_DEPENDENCY,
      Severity.WARNING,
      "Values for time stamps already seen changed since the previous snapshot."),
  SOURCE_SHRUNK(
      "source.shrunk",
      Category.EXTERNAL_DEPENDENCY,
      Severity.WARNING,
      "Rows or series present in the previous snapshot are gone."),
  SOURCE_IRREGULAR_ARRIVAL(
      "source.irregular-arrival",
      Category.EXTERNAL_DEPENDENCY,
      Severity.INFO,
      "New data arrive at irregular times relative to the source's own rhythm.");

  private final String id;
  private final Category category;
  private final Severity severity;
  private final String description;

  CheckType(String id, Category category, Severity severity, String description) {
    this.id = id;
    this.category = category;
    this.severity = severity;
    this.description = description;
  }

  /** The binding id, e.g. {@code time.gap}. */
  public String id() {
    return id;
  }

  /** The category its findings usually carry (a finding may state another, e.g. data-missing). */
  public Category category() {
    return category;
  }

  /** The base severity; some checks raise it (e.g. above a share of the data). */
  public Severity severity() {
    return severity;
  }

  /** One sentence on what the check finds, for reports and documentation. */
  public String description() {
    return description;
  }

  /** The check with this id, if there is one. */
  public static Optional<CheckType> byId(String id) {
    for (CheckType c : values()) {
      if (c.id.equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
