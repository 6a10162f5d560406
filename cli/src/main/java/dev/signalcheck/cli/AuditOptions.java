package dev.signalcheck.cli;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.series.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Every option of an audit but its input and its ledger: how to read the data, what to compute,
 * where to write. Shared by {@code audit} and {@code fetch}, so a fetched source is audited exactly
 * as a file is.
 */
public final class AuditOptions {

  @Mixin InputOptions inputOptions = new InputOptions();

  @Option(
      names = "--step",
      paramLabel = "DURATION",
      description =
          "Sampling step, ISO 8601 (PT5M, P1D) or an integer. Default: the most common spacing.")
  String step;

  @Option(
      names = "--season",
      paramLabel = "M",
      description = "Seasonal period in steps. Default: from the step (PT1H→24, P1D→7, …).")
  Integer season;

  @Option(
      names = "--horizon",
      paramLabel = "H",
      description = "Forecast horizon in steps. Default: from the step (hourly 48, daily 14, …).")
  Integer horizon;

  @Option(
      names = "--origins",
      paramLabel = "auto|K",
      defaultValue = "auto",
      description =
          "Rolling forecast origins, H apart: auto (default) uses as many as the series allows, up"
              + " to "
              + dev.signalcheck.core.backtest.RollingOriginBacktest.AUTO_ORIGINS_CAP
              + "; or a number.")
  String origins;

  @Mixin ModelOptions models = new ModelOptions();

  @Option(
      names = "--known-ahead",
      split = ",",
      paramLabel = "COL",
      description =
          "Covariates whose future values are known when forecasting (calendar, planned promotions); they may enter at lag 0.")
  List<String> knownAhead = new ArrayList<>();

  @Option(
      names = "--labels",
      split = ",",
      paramLabel = "COL",
      description =
          "Categorical columns to check for variant spellings (dataset-level label.variants findings).")
  List<String> labels = new ArrayList<>();

  @Option(
      names = "--max-train",
      paramLabel = "N",
      description =
          "Longest history (points) the backtest fits on before its first origin (default 10000; at least three seasons).")
  Integer maxTrain;

  @Option(
      names = "--min",
      paramLabel = "X",
      description = "Physically possible minimum of the target.")
  Double min;

  @Option(
      names = "--max",
      paramLabel = "X",
      description = "Physically possible maximum of the target.")
  Double max;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write report.json and report.html there (default: ./signalcheck-report).")
  Path out;

  @Option(
      names = "--detail",
      split = ",",
      paramLabel = "ID",
      description =
          "Series to show in full in report.html, whatever their rank (ids as in the report).")
  List<String> detail = new ArrayList<>();

  @Option(
      names = "--detail-top",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "How many of the series that most need attention report.html shows in full; the rest are summarised in its table (default: ${DEFAULT-VALUE}).")
  int detailTop;

  @Option(
      names = "--redact",
      description =
          "Write report.json and report.html for sending outside the team: every series scaled to [0, 1] of its own range, errors in its units divided by that range, findings described without quoting values.")
  boolean redact;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the JSON report to FILE, or to standard output with '-'.")
  String json;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "Exit 1 when a finding is at or above LEVEL: warning or critical.")
  String failOn;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--quiet", description = "Print only the per-series lines and errors.")
  boolean quiet;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(names = "--debug", description = "Stack traces on errors.")
  boolean debug;

  /** {@code auto} → {@link AuditSettings#AUTO_ORIGINS}; else a whole number ≥ 1. */
  static int originCount(String value) {
    String v = value == null ? "auto" : value.trim();
    if (v.equalsIgnoreCase("auto")) {
      return AuditSettings.AUTO_ORIGINS;
    }
    int k;
    try {
      k = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--origins must be 'auto' or a whole number, not '" + value + "'");
    }
    if (k < 1) {
      throw new UsageException("--origins must be at least 1, not " + k);
    }
    return k;
  }

  /** The options for an audit of {@code input} (as it is to be shown: a URL without secrets). */
  AuditRun.Options options(String input) {
    return options(input, List.of());
  }

  /** The options for an audit of {@code input} and {@code moreInputs} read as one table. */
  AuditRun.Options options(String input, List<String> moreInputs) {
    if (horizon != null && horizon < 1) {
      throw new UsageException("--horizon must be a positive number of steps, not " + horizon);
    }
    if (season != null && season < 1) {
      throw new UsageException("--season must be a positive number of steps, not " + season);
    }
    int originCount = originCount(origins);
    if (threads != null && threads < 1) {
      throw new UsageException("--threads must be at least 1, not " + threads);
    }
    if (min != null && max != null && min > max) {
      throw new UsageException("--min (" + min + ") is above --max (" + max + ")");
    }
    Step st = null;
    if (step != null) {
      try {
        st = Step.parse(step);
      } catch (RuntimeException e) {
        throw new UsageException(
            "--step '"
                + step
                + "' is not an ISO 8601 duration (PT5M, PT1H, P1D, P1M) or a positive integer");
      }
    }
    Severity fail = FailOn.parse(failOn);
    List<String> modelNames = models.names();
    if (maxTrain != null && maxTrain < 10) {
      throw new UsageException("--max-train must be at least 10 points, not " + maxTrain);
    }
    for (String k : knownAhead) {
      if (inputOptions.covariates.stream().noneMatch(c -> c.trim().equalsIgnoreCase(k.trim()))) {
        throw new UsageException(
            "column '"
                + k
                + "' (--known-ahead) is not among the covariates; name it in"
                + " --covariates too"
                + (inputOptions.covariates.isEmpty()
                    ? ""
                    : " (covariates: " + String.join(", ", inputOptions.covariates) + ")"));
      }
    }
    AuditSettings settings =
        new AuditSettings(
            st, season, horizon, originCount, modelNames, min, max, maxTrain, knownAhead);
    int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (detailTop < 0) {
      throw new UsageException("--detail-top must be 0 or more, not " + detailTop);
    }
    return new AuditRun.Options(
        inputOptions.spec(input, moreInputs),
        settings,
        out,
        json,
        fail,
        nThreads,
        quiet,
        noProgress,
        labels,
        detailTop,
        java.util.List.copyOf(detail),
        redact);
  }
}
