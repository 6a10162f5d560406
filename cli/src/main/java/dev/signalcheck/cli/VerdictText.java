package dev.signalcheck.cli;

/** Reads the parts of a verdict the console needs, whatever its concrete type. */
final class VerdictText {
  private VerdictText() {}

  /** The signal class of a verdict, or null when there is none. */
  static String signal(Object verdict) {
    if (verdict == null) {
      return null;
    }
    try {
      Object s = verdict.getClass().getMethod("signal").invoke(verdict);
      return s == null ? null : s.toString();
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
