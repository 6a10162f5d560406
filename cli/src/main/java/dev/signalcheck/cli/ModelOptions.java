package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.forecast.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --models}: the models to backtest, declared once for {@code audit}, {@code fetch} and
 * {@code watch} (a command may word it its own way under the resource key {@code models}).
 */
final class ModelOptions {

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "LIST",
      descriptionKey = "models",
      description =
          "Models to backtest, or the set 'fast' (mean, naive, seasonal-naive, naive2, ses, theta, ar) for large fleets (default: all).")
  List<String> models = new ArrayList<>();

  /** The names given, trimmed and in lower case, each a model or a set the registry knows. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    for (String m : models) {
      if (!m.isBlank()) {
        names.add(m.trim().toLowerCase(Locale.ROOT));
      }
    }
    try {
      ModelRegistry.defaults().select(names);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (--models)");
    }
    return names;
  }
}
