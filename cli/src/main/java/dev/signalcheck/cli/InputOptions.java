package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.io.InputSpec;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to read the input: shared by audit, diff and labels. */
public final class InputOptions {

  @Option(
      names = "--time",
      split = ",",
      paramLabel = "COL",
      description =
          "Timestamp column, or two: a date and a time-of-day column (--time Date,Time). Default: the single date/time column.")
  List<String> time = new ArrayList<>();

  @Option(
      names = "--target",
      split = ",",
      paramLabel = "COL",
      description =
          "Value columns to assess (several = wide layout). Default: every numeric column not otherwise used.")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--id",
      split = ",",
      paramLabel = "COL",
      description = "Series key column(s), long layout.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--covariates",
      split = ",",
      paramLabel = "COL",
      description = "Candidate explanatory columns.")
  List<String> covariates = new ArrayList<>();

  @Option(
      names = "--recorded-at",
      paramLabel = "COL",
      description = "When each row was entered or ingested.")
  String recordedAt;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description = "CSV delimiter (sniffed by default); 'tab' for tabs.")
  String delimiter;

  @Option(
      names = "--decimal",
      paramLabel = "CHAR",
      description = "Decimal separator: '.' or ',' (detected by default).")
  String decimal;

  @Option(
      names = "--missing",
      split = ",",
      paramLabel = "TOKENS",
      description =
          "Extra tokens meaning missing (always: NA, N/A, NaN, null, NULL, empty, -, #N/A).")
  List<String> missing = new ArrayList<>();

  @Option(
      names = "--time-format",
      paramLabel = "FORMAT",
      description =
          "How to read times when the guess is wrong: epoch-s, epoch-ms, index, year, ymd, dmy, mdy.")
  String timeFormat;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description = "Zone of time stamps without offset, e.g. Europe/Rome.")
  String timezone;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      description = "Text encoding of the input: utf-8 (default), latin-1 or windows-1252.")
  String encoding;

  InputSpec spec(String source) {
    return spec(source, List.of());
  }

  /** The input spec for a first source and further ones read with it as one table. */
  InputSpec spec(String source, List<String> moreSources) {
    if (encoding != null
        && !List.of("utf-8", "utf8", "latin-1", "latin1", "iso-8859-1", "windows-1252", "cp1252")
            .contains(encoding.toLowerCase(java.util.Locale.ROOT))) {
      throw new UsageException(
          "unknown --encoding '" + encoding + "'; use utf-8, latin-1 or windows-1252");
    }
    if (decimal != null && !decimal.equals(".") && !decimal.equals(",")) {
      throw new UsageException("--decimal must be '.' or ',', not '" + decimal + "'");
    }
    if (delimiter != null && delimiter.isEmpty()) {
      throw new UsageException("--delimiter must not be empty");
    }
    if (timeFormat != null
        && !java.util.List.of("epoch-s", "epoch-ms", "index", "year", "ymd", "dmy", "mdy")
            .contains(timeFormat.toLowerCase(java.util.Locale.ROOT))) {
      throw new UsageException(
          "unknown time format '"
              + timeFormat
              + "' (--time-format); use one of epoch-s, epoch-ms, index, year, ymd, dmy, mdy");
    }
    ZoneId zone = null;
    if (timezone != null) {
      try {
        zone = ZoneId.of(timezone);
      } catch (DateTimeException e) {
        throw new UsageException(
            "unknown --timezone '" + timezone + "'; use a zone id such as Europe/Rome or UTC");
      }
    }
    return new InputSpec(
        source,
        time,
        targets,
        ids,
        covariates,
        recordedAt,
        delimiter,
        decimal,
        missing,
        timeFormat,
        zone,
        encoding,
        moreSources);
  }
}
