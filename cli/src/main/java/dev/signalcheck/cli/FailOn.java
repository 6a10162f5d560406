package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.finding.Severity;

/** {@code --fail-on LEVEL}, shared by audit, diff and labels. */
final class FailOn {
  private FailOn() {}

  /**
   * The level, or null when the option was not given; a usage error for anything but warning or
   * critical.
   */
  static Severity parse(String text) {
    if (text == null) {
      return null;
    }
    if (!text.equalsIgnoreCase("warning") && !text.equalsIgnoreCase("critical")) {
      throw new UsageException("--fail-on must be 'warning' or 'critical', not '" + text + "'");
    }
    return Severity.parse(text);
  }
}
