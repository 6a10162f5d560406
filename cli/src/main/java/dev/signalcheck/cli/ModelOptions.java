package dev.signalcheck.cli;

import dev.signalcheck.core.audit.ModelNames;
import dev.signalcheck.core.errors.UsageException;
import java.util.ArrayList;
import java.util.List;
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
    try {
      return ModelNames.of(models);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (--models)");
    }
  }
}
