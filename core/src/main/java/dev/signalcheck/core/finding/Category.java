package dev.signalcheck.core.finding;

/** The kind of quality issue a finding belongs to (analyses.md §1). */
public enum Category {
  DATA_COLLECTION("data-collection"),
  DATA_SENSOR_FAULT("data-sensor-fault"),
  DATA_MISSING("data-missing"),
  DATA_LEAKAGE("data-leakage"),
  DATA_UNNORMALIZED_LABELS("data-unnormalized-labels"),
  DATA_NO_SIGNAL("data-no-signal"),
  MODEL_OVERFIT("model-overfit"),
  MODEL_EXPLAINABILITY("model-explainability"),
  EXTERNAL_DEPENDENCY("external-dependency");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
