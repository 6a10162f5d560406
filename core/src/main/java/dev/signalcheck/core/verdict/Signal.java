package dev.signalcheck.core.verdict;

/** How much a model can add over doing nothing clever (analyses.md §5). */
public enum Signal {
  STRONG("strong"),
  WEAK("weak"),
  NONE("none"),
  INSUFFICIENT_DATA("insufficient-data");

  private final String label;

  Signal(String label) {
    this.label = label;
  }

  /**
   * The name used in JSON: {@code strong}, {@code weak}, {@code none}, {@code insufficient-data}.
   */
  public String label() {
    return label;
  }
}
