package dev.signalcheck.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --data}: where the snapshots of pulled sources are kept, declared once for {@code fetch}
 * and {@code watch} (a command may word it its own way under the resource key {@code data}).
 */
final class DataOption {

  /** The environment variable for the snapshot folder. */
  static final String DATA_ENV = "SIGNALCHECK_DATA";

  @Option(
      names = "--data",
      paramLabel = "DIR",
      descriptionKey = "data",
      description =
          "Where snapshots are kept (default: $SIGNALCHECK_DATA, else ~/.signalcheck/sources).")
  Path data;

  /** The folder: this option, else {@code fallback} (may be null), else the environment's. */
  Path dir(Path fallback, Map<String, String> env) {
    if (data != null) {
      return data;
    }
    if (fallback != null) {
      return fallback;
    }
    String e = env.get(DATA_ENV);
    if (e != null && !e.isBlank()) {
      return Path.of(e);
    }
    return Path.of(System.getProperty("user.home"), ".signalcheck", "sources");
  }
}
