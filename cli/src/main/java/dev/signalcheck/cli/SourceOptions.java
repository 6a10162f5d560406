package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.sources.FetchSettings;
import dev.signalcheck.sources.Header;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How {@code fetch} reaches a source: timeouts, retries, headers, limits, where snapshots go. */
final class SourceOptions {

  /** Where snapshots are kept unless {@code --data} says otherwise. */
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "csv, json or parquet (default: from the URL's extension, else the Content-Type, else csv).")
  String format;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "Longest one attempt may take, from connecting to the last byte (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Attempts after the first on timeouts, resets, 429 and 5xx, with jittered exponential"
              + " backoff (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--header",
      paramLabel = "'NAME: VALUE'",
      description =
          "A request header; the value may come from the environment: 'Authorization: env:API_TOKEN'"
              + " or 'Authorization: Bearer ${API_TOKEN}'. Values are never stored or shown.")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      description = "Largest body accepted, in bytes (default: 512 MiB).")
  Long maxBytes;

  @Option(
      names = "--max-delay",
      paramLabel = "DURATION",
      description =
          "How old the newest reading may be before source.stale (default: 3 of the series' steps).")
  String maxDelay;

  @Option(
      names = "--records",
      paramLabel = "PATH",
      description = "For a JSON document: the dot path of its array of records (e.g. data.items).")
  String records;

  @Mixin DataOption data = new DataOption();

  FetchSettings settings(Function<String, String> env) {
    if (retries < 0 || retries > 20) {
      throw new UsageException("--retries must be between 0 and 20, not " + retries);
    }
    if (format != null) {
      format = format.toLowerCase(Locale.ROOT);
      if (!List.of("csv", "json", "parquet").contains(format)) {
        throw new UsageException("--format must be csv, json or parquet, not '" + format + "'");
      }
    }
    if (maxBytes != null && maxBytes < 1) {
      throw new UsageException("--max-bytes must be positive, not " + maxBytes);
    }
    List<Header> hs = new ArrayList<>();
    for (String h : headers) {
      hs.add(Header.parse(h, env));
    }
    Duration t = Durations.parse(timeout, "--timeout");
    FetchSettings s = FetchSettings.defaults().withTimeout(t).withRetries(retries).withHeaders(hs);
    return maxBytes == null ? s : s.withMaxBytes(maxBytes);
  }

  Duration maxDelay() {
    return Durations.parse(maxDelay, "--max-delay");
  }
}
