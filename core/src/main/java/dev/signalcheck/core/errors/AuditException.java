package dev.signalcheck.core.errors;

/**
 * An error the user can act on. The message is one line: what was expected, where (file, row,
 * column) and what to do. Each kind is its own subclass, thrown where the problem is found; the
 * command line maps the kinds to exit codes in one place.
 */
public abstract class AuditException extends RuntimeException {

  protected AuditException(String message) {
    super(message);
  }

  protected AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
