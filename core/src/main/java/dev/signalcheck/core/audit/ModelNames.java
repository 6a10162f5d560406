package dev.signalcheck.core.audit;

import dev.signalcheck.core.forecast.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The models a user asked for, as every front end reads them. */
public final class ModelNames {
  private ModelNames() {}

  /**
   * The names given, trimmed and in lower case, blanks dropped (empty: every model).
   *
   * @throws IllegalArgumentException naming the first that is neither a model nor a set the
   *     registry knows
   */
  public static List<String> of(List<String> given) {
    List<String> names = new ArrayList<>();
    for (String m : given) {
      if (!m.isBlank()) {
        names.add(m.trim().toLowerCase(Locale.ROOT));
      }
    }
    ModelRegistry.defaults().select(names);
    return names;
  }
}
