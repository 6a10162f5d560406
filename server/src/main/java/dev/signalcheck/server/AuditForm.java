package dev.signalcheck.server;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.forecast.ModelRegistry;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.io.InputSpec;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit options of {@code POST /api/v1/audits}, sent as form fields named as the command line's
 * options without the dashes ({@code id}, {@code time}, {@code target}, {@code covariates}, {@code
 * horizon}, {@code origins}, {@code project}, …). They are checked as the command line checks them,
 * with the same messages.
 */
record AuditForm(
    InputSpec input,
    AuditSettings settings,
    List<String> labels,
    String project,
    boolean keep,
    boolean redact) {

  static final Set<String> FIELDS =
      new TreeSet<>(
          List.of(
              "file",
              "id",
              "time",
              "target",
              "covariates",
              "known-ahead",
              "recorded-at",
              "labels",
              "step",
              "season",
              "horizon",
              "origins",
              "models",
              "min",
              "max",
              "max-train",
              "delimiter",
              "decimal",
              "missing",
              "time-format",
              "timezone",
              "project",
              "keep",
              "redact"));

  private static final List<String> TIME_FORMATS =
      List.of("epoch-s", "epoch-ms", "index", "year", "ymd", "dmy", "mdy");

  /**
   * Reads the fields.
   *
   * @param fields every form field (the file's field included or not)
   * @param source the path of the uploaded data on disk
   * @throws UsageException for an unknown field or a bad value
   */
  static AuditForm parse(Map<String, List<String>> fields, String source) {
    for (String k : fields.keySet()) {
      if (!FIELDS.contains(k)) {
        throw new UsageException(
            "unknown field '" + k + "'; the fields are: " + String.join(", ", FIELDS));
      }
    }
    String decimal = one(fields, "decimal");
    if (decimal != null && !decimal.equals(".") && !decimal.equals(",")) {
      throw new UsageException("decimal must be '.' or ',', not '" + decimal + "'");
    }
    String delimiter = one(fields, "delimiter");
    if (delimiter != null && delimiter.isEmpty()) {
      throw new UsageException("delimiter must not be empty");
    }
    String timeFormat = one(fields, "time-format");
    if (timeFormat != null && !TIME_FORMATS.contains(timeFormat.toLowerCase(Locale.ROOT))) {
      throw new UsageException(
          "unknown time format '"
              + timeFormat
              + "' (time-format); use one of "
              + String.join(", ", TIME_FORMATS));
    }
    ZoneId zone = null;
    String tz = one(fields, "timezone");
    if (tz != null) {
      try {
        zone = ZoneId.of(tz);
      } catch (DateTimeException e) {
        throw new UsageException(
            "unknown timezone '" + tz + "'; use a zone id such as Europe/Rome or UTC");
      }
    }
    List<String> covariates = list(fields, "covariates");
    InputSpec spec =
        new InputSpec(
            source,
            list(fields, "time"),
            list(fields, "target"),
            list(fields, "id"),
            covariates,
            one(fields, "recorded-at"),
            "tab".equalsIgnoreCase(delimiter) ? "\t" : delimiter,
            decimal,
            list(fields, "missing"),
            timeFormat,
            zone);
    Integer horizon = integer(fields, "horizon");
    if (horizon != null && horizon < 1) {
      throw new UsageException("horizon must be a positive number of steps, not " + horizon);
    }
    Integer season = integer(fields, "season");
    if (season != null && season < 1) {
      throw new UsageException("season must be a positive number of steps, not " + season);
    }
    Integer origins = integer(fields, "origins");
    int k = origins == null ? 3 : origins;
    if (k < 1) {
      throw new UsageException("origins must be at least 1, not " + k);
    }
    Double min = number(fields, "min");
    Double max = number(fields, "max");
    if (min != null && max != null && min > max) {
      throw new UsageException("min (" + min + ") is above max (" + max + ")");
    }
    Integer maxTrain = integer(fields, "max-train");
    if (maxTrain != null && maxTrain < 10) {
      throw new UsageException("max-train must be at least 10 points, not " + maxTrain);
    }
    Step step = null;
    String st = one(fields, "step");
    if (st != null) {
      try {
        step = Step.parse(st);
      } catch (RuntimeException e) {
        throw new UsageException(
            "step '"
                + st
                + "' is not an ISO 8601 duration (PT5M, PT1H, P1D, P1M) or a positive integer");
      }
    }
    List<String> models = new ArrayList<>();
    for (String m : list(fields, "models")) {
      models.add(m.toLowerCase(Locale.ROOT));
    }
    try {
      ModelRegistry.defaults().select(models);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (models)");
    }
    List<String> knownAhead = list(fields, "known-ahead");
    for (String ka : knownAhead) {
      if (covariates.stream().noneMatch(c -> c.equalsIgnoreCase(ka))) {
        throw new UsageException(
            "column '" + ka + "' (known-ahead) is not among the covariates; name it there too");
      }
    }
    String project = one(fields, "project");
    if (project != null && project.length() > 200) {
      throw new UsageException("project must be at most 200 characters");
    }
    return new AuditForm(
        spec,
        new AuditSettings(step, season, horizon, k, models, min, max, maxTrain, knownAhead),
        list(fields, "labels"),
        project == null || project.isBlank() ? "default" : project.strip(),
        flag(fields, "keep"),
        flag(fields, "redact"));
  }

  static String one(Map<String, List<String>> f, String k) {
    List<String> v = f.get(k);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.size() > 1) {
      throw new UsageException("field '" + k + "' is given " + v.size() + " times; give it once");
    }
    String s = v.get(0);
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A comma-separated list (several fields of the same name add up). */
  static List<String> list(Map<String, List<String>> f, String k) {
    List<String> out = new ArrayList<>();
    for (String v : f.getOrDefault(k, List.of())) {
      for (String p : v.split(",")) {
        if (!p.isBlank()) {
          out.add(p.strip());
        }
      }
    }
    return out;
  }

  static Integer integer(Map<String, List<String>> f, String k) {
    String v = one(f, k);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw new UsageException(k + " must be a whole number, not '" + v + "'");
    }
  }

  static Double number(Map<String, List<String>> f, String k) {
    String v = one(f, k);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UsageException(k + " must be a number, not '" + v + "'");
    }
  }

  static boolean flag(Map<String, List<String>> f, String k) {
    String v = one(f, k);
    if (v == null) {
      return false;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new UsageException(k + " must be true or false, not '" + v + "'");
    };
  }
}
