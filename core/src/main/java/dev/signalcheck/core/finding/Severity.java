package dev.signalcheck.core.finding;

import java.util.Locale;

/** How serious a finding is; ordered from least to most serious. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  /** The lower-case name used in JSON and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code info}, {@code warning} or {@code critical} (any case). */
  public static Severity parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
