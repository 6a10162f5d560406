package dev.signalcheck.core.errors;

/**
 * A result could not be written (a full disk, a closed pipe, a folder that cannot be created):
 * never lost silently.
 */
public class OutputException extends AuditException {

  public OutputException(String message) {
    super(message);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
