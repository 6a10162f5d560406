package dev.signalcheck.cli;

import dev.signalcheck.core.verdict.Verdict;

/** Reads the parts of a verdict the console needs. */
final class VerdictText {
  private VerdictText() {}

  /** The signal class of a verdict, or null when there is none. */
  static String signal(Verdict verdict) {
    return verdict == null ? null : verdict.signal().label();
  }
}
