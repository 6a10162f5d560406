package dev.signalcheck.core.errors;

/**
 * The input cannot be read as asked: file missing or unreadable, no parseable rows, unsupported
 * format, malformed content.
 */
public class InputException extends AuditException {

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
