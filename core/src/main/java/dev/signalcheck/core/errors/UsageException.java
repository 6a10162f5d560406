package dev.signalcheck.core.errors;

/** A mistake in how signalcheck was called: unknown option or column, bad option value. */
public class UsageException extends AuditException {

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
