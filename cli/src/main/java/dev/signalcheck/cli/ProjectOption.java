package dev.signalcheck.cli;

import picocli.CommandLine.Option;

/**
 * {@code --project}: the ledger project a run is filed under, declared once for {@code audit},
 * {@code fetch} and {@code watch} (a command may word it its own way under the resource key {@code
 * project}).
 */
final class ProjectOption {

  @Option(
      names = "--project",
      paramLabel = "NAME",
      defaultValue = "default",
      descriptionKey = "project",
      description = "File the run under this project in the ledger (default: ${DEFAULT-VALUE}).")
  String project;
}
