package dev.signalcheck.server;

import dev.signalcheck.core.errors.UsageException;
import java.util.Locale;

/** What a token may do: read (GET), write (POST, and read), admin (everything). */
public enum Scope {
  READ,
  WRITE,
  ADMIN;

  /** Whether a token of this scope may do what {@code needed} allows. */
  public boolean includes(Scope needed) {
    return ordinal() >= needed.ordinal();
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a scope name (read, write, admin). */
  public static Scope parse(String s) {
    if (s != null) {
      for (Scope x : values()) {
        if (x.id().equalsIgnoreCase(s.trim())) {
          return x;
        }
      }
    }
    throw new UsageException("--scope must be read, write or admin, not '" + s + "'");
  }
}
