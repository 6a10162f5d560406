package dev.signalcheck.io;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.core.series.TimeParser;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides what each column of the input is: the time (one column, or a date and a time-of-day
 * column), the series keys, the covariates, the recorded-at column, and the targets (the numeric
 * columns left, 0/1 flags apart); how each value column writes decimals; and how the time and
 * recorded-at columns are written. Options name columns; what they leave open is read from the
 * first rows ({@link ColumnSamples}).
 */
final class ColumnRoles {

  private static final Pattern TIME_NAME =
      Pattern.compile("(?i).*(time|date|period|year|month|week|day|ds|stamp).*");

  private final InputSpec spec;
  private final String displayName;
  private final Connection conn;
  private final List<String> columns;
  private final ColumnNames names;
  private final ColumnSamples samples;

  private final List<String> time;
  private final List<String> ids;
  private final List<String> covariates;
  private final String recordedAt;
  private final List<String> targets;
  private final List<String> flags = new ArrayList<>();
  private final Map<String, Boolean> decimalComma = new HashMap<>();
  private final Map<String, Boolean> covariateComma = new HashMap<>();

  /**
   * Resolves the roles, in the order in which their errors are reported: time, ids, covariates and
   * recorded-at as named, targets, then the covariates' own checks.
   *
   * @throws UsageException for a column that is not there, has two roles, or does not hold what its
   *     role needs
   */
  ColumnRoles(
      InputSpec spec,
      String displayName,
      Connection conn,
      List<String> columns,
      ColumnNames names,
      ColumnSamples samples) {
    this.spec = spec;
    this.displayName = displayName;
    this.conn = conn;
    this.columns = columns;
    this.names = names;
    this.samples = samples;
    this.time = resolveTime();
    this.ids = names.resolveAll(spec.ids(), "--id");
    this.covariates = names.resolveAll(spec.covariates(), "--covariates");
    this.recordedAt =
        spec.recordedAt() == null ? null : names.resolve(spec.recordedAt(), "--recorded-at");
    this.targets = resolveTargets();
    checkCovariates();
  }

  List<String> time() {
    return time;
  }

  List<String> ids() {
    return ids;
  }

  List<String> covariates() {
    return covariates;
  }

  /** The recorded-at column, or null. */
  String recordedAt() {
    return recordedAt;
  }

  List<String> targets() {
    return targets;
  }

  /** 0/1 columns left out of the default targets: labels, not measurements (--target adds them). */
  List<String> flags() {
    return List.copyOf(flags);
  }

  /** Whether a target writes decimals with a comma. */
  boolean targetComma(String target) {
    return decimalComma.getOrDefault(target, false);
  }

  /** Whether a covariate writes decimals with a comma. */
  boolean covariateComma(String covariate) {
    return covariateComma.getOrDefault(covariate, false);
  }

  /**
   * How the time is written.
   *
   * @throws InputException when no row has a time that reads as one
   */
  TimeParser sniffTime() {
    TimeParser p = sniffColumn(time, spec.timeFormat());
    List<String> s = samples.sample(time);
    String col = String.join(",", time);
    if (p == null || s.stream().noneMatch(v -> p.parse(v) != TimeParser.UNPARSEABLE)) {
      String first = s.isEmpty() ? "(all empty)" : s.get(0);
      throw new InputException(
          displayName
              + " has no rows with a parseable time in column '"
              + col
              + "' (first value: '"
              + first
              + "'); pass --time-format or fix the column");
    }
    return p;
  }

  /** How the recorded-at column is written; null without one. */
  TimeParser sniffRecordedAt() {
    return recordedAt == null ? null : sniffColumn(List.of(recordedAt), spec.timeFormat());
  }

  private TimeParser sniffColumn(List<String> cols, String format) {
    List<String> s = samples.sample(cols);
    try {
      return TimeParser.sniff(s, format, spec.timezone());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private List<String> resolveTime() {
    if (!spec.time().isEmpty()) {
      if (spec.time().size() > 2) {
        throw new UsageException(
            "--time takes one column, or two (a date and a time-of-day column); got "
                + spec.time().size());
      }
      return names.resolveAll(spec.time(), "--time");
    }
    List<String> candidates = new ArrayList<>();
    samples.sampleWide();
    for (String c : columns) {
      List<String> sample = samples.sample(List.of(c));
      TimeParser p = TimeParser.sniff(sample, spec.timeFormat(), spec.timezone());
      if (p == null) {
        continue;
      }
      if (p.kind() == TimeKind.INDEX && !TIME_NAME.matcher(c).matches()) {
        continue;
      }
      if (p.kind() == TimeKind.YEAR && !TIME_NAME.matcher(c).matches()) {
        continue;
      }
      long ok = sample.stream().filter(s -> p.parse(s) != TimeParser.UNPARSEABLE).count();
      if (!sample.isEmpty() && ok >= 0.9 * sample.size()) {
        candidates.add(c);
      }
    }
    if (candidates.size() == 1) {
      return candidates;
    }
    if (candidates.isEmpty()) {
      throw new UsageException(
          "no time column found in "
              + displayName
              + "; columns are: "
              + names.list()
              + "; pass --time COL (or --time DATE_COL,TIME_COL)");
    }
    List<String> named =
        candidates.stream()
            .filter(c -> TIME_NAME.matcher(c).matches())
            .collect(Collectors.toList());
    if (named.size() == 1) {
      return named;
    }
    throw new UsageException(
        "several columns of "
            + displayName
            + " look like time stamps: "
            + String.join(", ", candidates)
            + "; pass --time COL (or --time DATE_COL,TIME_COL)");
  }

  /** Whether a column is taken by the time, a key, a covariate or recorded-at. */
  private boolean taken(String c) {
    return time.contains(c) || ids.contains(c) || covariates.contains(c) || c.equals(recordedAt);
  }

  private List<String> resolveTargets() {
    if (!spec.targets().isEmpty()) {
      List<String> t = names.resolveAll(spec.targets(), "--target");
      for (String c : t) {
        if (time.contains(c)) {
          throw new UsageException(
              "column '" + c + "' is the time column; it cannot also be a --target");
        }
        if (ids.contains(c)) {
          throw new UsageException(
              "column '" + c + "' is a series key (--id); it cannot also be a --target");
        }
      }
      for (String c : t) {
        decimalComma.put(c, detectDecimalComma(c));
      }
      return t;
    }
    List<String> out = new ArrayList<>();
    if (samples.wide()) {
      samples.sampleWide();
      List<String> candidates = new ArrayList<>();
      for (String c : columns) {
        if (!taken(c)) {
          decimalComma.put(c, detectDecimalComma(c));
          candidates.add(c);
        }
      }
      samples.numericShares(candidates, decimalComma);
    }
    for (String c : columns) {
      if (taken(c)) {
        continue;
      }
      boolean comma = detectDecimalComma(c);
      if (samples.numericShare(c, comma) >= 0.5) {
        if (InputProbe.isFlag(conn, c, comma)) {
          flags.add(c);
          continue;
        }
        out.add(c);
        decimalComma.put(c, comma);
      }
    }
    if (out.isEmpty() && !flags.isEmpty()) {
      throw new UsageException(
          "the numeric columns of "
              + displayName
              + " hold only 0/1 ("
              + String.join(", ", flags)
              + "): flags, not measurements; pass --target "
              + flags.get(0)
              + " to audit one anyway");
    }
    if (out.isEmpty()) {
      throw new UsageException(
          "no numeric column to assess in "
              + displayName
              + "; columns are: "
              + names.list()
              + "; pass --target COL");
    }
    return out;
  }

  /**
   * A covariate must be a column of its own (not the time, a key, a target or recorded-at) and hold
   * numbers: a column with no numeric value among its present ones is a usage error.
   */
  private void checkCovariates() {
    for (String c : covariates) {
      String role =
          time.contains(c)
              ? "the time column"
              : ids.contains(c)
                  ? "a series key (--id)"
                  : targets.contains(c)
                      ? "a target"
                      : c.equals(recordedAt) ? "the --recorded-at column" : null;
      if (role != null) {
        throw new UsageException(
            "column '"
                + c
                + "' is "
                + role
                + "; it cannot also be a covariate"
                + (role.equals("a target")
                    ? " (a target explains itself perfectly: pass other columns to --covariates,"
                        + " or choose the targets with --target)"
                    : ""));
      }
      boolean comma = detectDecimalComma(c);
      covariateComma.put(c, comma);
      String example = samples.nonNumericExample(c, comma);
      if (example != null) {
        throw new UsageException(
            "covariate '"
                + c
                + "' holds no numbers (e.g. '"
                + example
                + "'); covariates must be numeric: encode it as numbers, or check it for variant spellings with --labels");
      }
    }
  }

  /** Whether a column writes decimals with a comma: as {@code --decimal} says, else as it reads. */
  private boolean detectDecimalComma(String col) {
    if (spec.decimal() != null) {
      return spec.decimal().equals(",");
    }
    return DecimalComma.inSample(samples.sample(List.of(col)), col, displayName);
  }
}
