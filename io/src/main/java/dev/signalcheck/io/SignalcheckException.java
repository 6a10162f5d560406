package dev.signalcheck.io;

/**
 * An error the user can act on, with the exit code of contract.md: 2 for usage errors (unknown
 * option or column, bad option value), 3 for input errors (file missing or unreadable, no parseable
 * rows, unsupported format). The message is one line and says what to do.
 */
public class SignalcheckException extends RuntimeException {

  public static final int USAGE = 2;
  public static final int INPUT = 3;

  private final int exitCode;

  public SignalcheckException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public SignalcheckException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static SignalcheckException usage(String message) {
    return new SignalcheckException(USAGE, message);
  }

  public static SignalcheckException input(String message) {
    return new SignalcheckException(INPUT, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
