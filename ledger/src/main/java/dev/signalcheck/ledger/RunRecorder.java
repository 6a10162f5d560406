package dev.signalcheck.ledger;

import static dev.signalcheck.ledger.Cells.arrayText;
import static dev.signalcheck.ledger.Cells.instant;
import static dev.signalcheck.ledger.Cells.longOrNull;
import static dev.signalcheck.ledger.Cells.setInt;
import static dev.signalcheck.ledger.Cells.setLong;
import static dev.signalcheck.ledger.Cells.text;
import static dev.signalcheck.ledger.Cells.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.errors.OutputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way a run enters the ledger, fed with the JSON report's parts as they are made: {@link
 * #begin} with the report's opening fields, {@link #series} with each {@code series[]} element,
 * {@link #end} with the input block, the summary and the dataset findings. A local audit (through
 * {@link LedgerSink}) and an uploaded report.json ({@link ReportUpload}) both come this way.
 *
 * <p>Memory stays constant: series are written in small transactions as they arrive, under a run
 * that is not yet complete; {@link #end} marks it complete in one transaction. Every reader of the
 * ledger (commands, views) sees complete runs only, so a process killed in the middle leaves no
 * half run; an incomplete run left behind is removed by a later recording once it has not moved for
 * a day ({@link #STALE}).
 *
 * <p>Idempotent: a run's identity ({@code run_key}) is the SHA-256 of its project, the input (the
 * SHA-256 of its bytes when known, else of the report's series, input block and findings), the
 * settings hash and the tool and version. Recording the same again returns the run already there,
 * with {@link Recorded#duplicate()} set.
 *
 * <p>This class is the run's life (begin, series, end, abort; identity, duplicates, stale runs) and
 * stays one piece for it; the rows below a run are {@link SeriesRows}', the cells {@link Cells}'.
 */
public final class RunRecorder {

  /** An incomplete run untouched this long belongs to a process that died. */
  static final Duration STALE = Duration.ofDays(1);

  private static final int BATCH = 256;
  private static final long FLUSH_NANOS = 1_000_000_000L;

  /**
   * What the report itself does not say about a run.
   *
   * @param origin {@code audit}, {@code upload} or {@code reference}
   * @param inputSha256 SHA-256 of the input bytes, or null when unknown
   * @param inputSize size of the input in bytes, or null
   * @param columns every column of the input, or null
   * @param settings the full settings (every option that changes results), or null to use the
   *     report's settings block
   * @param osUser who ran it, or null
   * @param startedAt when it started, or null for now
   */
  public record Provenance(
      String origin,
      String inputSha256,
      Long inputSize,
      List<String> columns,
      JsonNode settings,
      String osUser,
      Instant startedAt) {

    /** An uploaded report: nothing beyond the report is known. */
    public static Provenance upload(String osUser) {
      return new Provenance("upload", null, null, null, null, osUser, null);
    }
  }

  /**
   * The outcome of a recording.
   *
   * @param runId the run's id
   * @param duplicate true when the same run was already there (nothing new was written)
   */
  public record Recorded(long runId, boolean duplicate, String project) {}

  private final Ledger ledger;
  private final Connection c;
  private final LedgerDialect dialect;
  private final String project;
  private final Provenance prov;
  private final MessageDigest content = Canonical.sha256();
  private final List<JsonNode> pending = new ArrayList<>();
  private SeriesRows rows = new SeriesRows(null, -1, false); // replaced once the run row exists

  private long projectId;
  private long runId = -1;
  private Long duplicateOf;
  private boolean done;
  private int ordinal;
  private long lastFlush = System.nanoTime();
  private String settingsJson;
  private String settingsHash;
  private String toolName = "signalcheck";
  private String toolVersion = "unknown";
  private String javaVersion;
  private Integer schemaVersion;
  private Instant reportCreatedAt;
  private Instant startedAt;

  public RunRecorder(Ledger ledger, String project, Provenance provenance) {
    this.ledger = ledger;
    this.c = ledger.connection();
    this.dialect = ledger.dialect();
    this.project = project == null || project.isBlank() ? "default" : project.strip();
    this.prov = provenance;
  }

  /** The report's opening fields: schemaVersion, generator, createdAt, settings. */
  public void begin(JsonNode header) {
    ledger.requireWritable();
    JsonNode gen = header.path("generator");
    toolName = text(gen, "name", "signalcheck");
    toolVersion = text(gen, "version", "unknown");
    javaVersion = text(gen, "java", null);
    schemaVersion = header.hasNonNull("schemaVersion") ? header.get("schemaVersion").asInt() : null;
    reportCreatedAt = instant(header.path("createdAt"));
    startedAt =
        prov.startedAt() != null
            ? prov.startedAt()
            : reportCreatedAt != null ? reportCreatedAt : Instant.now();
    JsonNode settings = prov.settings() != null ? prov.settings() : header.path("settings");
    settingsJson = Canonical.json(settings.isMissingNode() ? Canonical.tree(Map.of()) : settings);
    settingsHash = Canonical.sha256(settingsJson);
    try {
      projectId = RunTables.project(c, dialect, project, "reference".equals(prov.origin()));
      if (prov.inputSha256() != null) {
        duplicateOf = RunTables.completeRun(c, key(prov.inputSha256()));
        if (duplicateOf != null) {
          return;
        }
      }
      RunTables.removeStale(c, dialect, STALE);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO run (project_id, origin, tool_name, tool_version, java_version,"
                  + " report_schema_version, settings, settings_hash, os_user, started_at,"
                  + " report_created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " RETURNING id")) {
        ps.setLong(1, projectId);
        ps.setString(2, prov.origin());
        ps.setString(3, toolName);
        ps.setString(4, toolVersion);
        ps.setString(5, javaVersion);
        setInt(ps, 6, schemaVersion);
        ps.setString(7, settingsJson);
        ps.setString(8, settingsHash);
        ps.setString(9, prov.osUser());
        dialect.setTime(ps, 10, startedAt);
        dialect.setTime(ps, 11, reportCreatedAt);
        dialect.setTime(ps, 12, Instant.now());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          runId = rs.getLong(1);
        }
        rows = new SeriesRows(c, runId, autoOrigins(header.path("settings"), settings));
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Whether the run's origins were chosen per series ({@code "origins": "auto"} in the report's
   * settings block, or in the full settings' audit block). A report without it (written before
   * automatic origins existed) used a fixed number.
   */
  static boolean autoOrigins(JsonNode reportSettings, JsonNode settings) {
    for (JsonNode o :
        List.of(
            reportSettings.path("origins"),
            settings.path("origins"),
            settings.path("audit").path("origins"))) {
      if (!o.isMissingNode() && !o.isNull()) {
        return o.isTextual() && MetricDefinition.AUTO.equals(o.asText());
      }
    }
    return false;
  }

  /** The run id (-1 before {@link #begin}, or when the same run was already recorded). */
  public long runId() {
    return runId;
  }

  /** The run already recorded with the same input, settings and version, or null. */
  public Long duplicateOf() {
    return duplicateOf;
  }

  /** One element of the report's {@code series[]}. */
  public void series(JsonNode s) {
    if (duplicateOf != null) {
      return;
    }
    if (prov.inputSha256() == null) {
      content.update(Canonical.json(s).getBytes(StandardCharsets.UTF_8));
    }
    pending.add(s);
    if (pending.size() >= BATCH || System.nanoTime() - lastFlush > FLUSH_NANOS) {
      flush();
    }
  }

  /**
   * The report's closing blocks; marks the run complete.
   *
   * @param input the input block (source, rows, rejectedRows, time, targets, ids, covariates,
   *     recordedAt)
   * @param summary the summary block
   * @param findings the dataset-level findings (an array)
   * @param exitStatus the audit's exit code, or null when not known (an upload)
   * @param durationMs how long the audit took, or null
   */
  public Recorded end(
      JsonNode input, JsonNode summary, JsonNode findings, Integer exitStatus, Long durationMs) {
    if (done) {
      throw new IllegalStateException("run already ended");
    }
    done = true;
    if (duplicateOf != null) {
      return new Recorded(duplicateOf, true, project);
    }
    flush();
    String inputHash = prov.inputSha256();
    if (inputHash == null) {
      content.update(Canonical.json(input).getBytes(StandardCharsets.UTF_8));
      content.update(Canonical.json(findings).getBytes(StandardCharsets.UTF_8));
    }
    String contentHash = Canonical.hex(content.digest());
    String key = key(inputHash != null ? inputHash : "content:" + contentHash);
    try {
      c.setAutoCommit(false);
      try {
        Long other = RunTables.completeRun(c, key);
        if (other != null) {
          RunTables.deleteIncomplete(c, runId);
          c.commit();
          return new Recorded(other, true, project);
        }
        long datasetId = RunTables.dataset(c, dialect, prov, input, contentHash);
        rows.insertFindings(findings, null);
        rows.insertValues();
        rows.executeBatches();
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE run SET dataset_id = ?, run_key = ?, complete = TRUE, updated_at = ?,"
                    + " duration_ms = ?, exit_status = ?, input_rows = ?, rejected_rows = ?,"
                    + " time_columns = ?, targets = ?, ids = ?, covariates = ?,"
                    + " recorded_at_column = ?, series_count = ?, strong = ?, weak = ?,"
                    + " no_signal = ?, insufficient_data = ?, critical = ?, warning = ?, info = ?"
                    + " WHERE id = ?")) {
          int i = 1;
          ps.setLong(i++, datasetId);
          ps.setString(i++, key);
          dialect.setTime(ps, i++, Instant.now());
          setLong(ps, i++, durationMs);
          setInt(ps, i++, exitStatus);
          setLong(ps, i++, longOrNull(input.get("rows")));
          setLong(ps, i++, longOrNull(input.get("rejectedRows")));
          JsonNode time = input.get("time");
          ps.setString(
              i++,
              time == null || time.isNull()
                  ? null
                  : time.isArray()
                      ? time.toString()
                      : Canonical.stringList(List.of(time.asText())));
          ps.setString(i++, arrayText(input.get("targets")));
          ps.setString(i++, arrayText(input.get("ids")));
          ps.setString(i++, arrayText(input.get("covariates")));
          ps.setString(i++, textOrNull(input.get("recordedAt")));
          ps.setLong(i++, summary.path("series").asLong(ordinal));
          JsonNode v = summary.path("verdicts");
          ps.setLong(i++, v.path("strong").asLong());
          ps.setLong(i++, v.path("weak").asLong());
          ps.setLong(i++, v.path("none").asLong());
          ps.setLong(i++, v.path("insufficient-data").asLong());
          JsonNode f = summary.path("findings");
          ps.setLong(i++, f.path("critical").asLong());
          ps.setLong(i++, f.path("warning").asLong());
          ps.setLong(i++, f.path("info").asLong());
          ps.setLong(i, runId);
          ps.executeUpdate();
        }
        c.commit();
        return new Recorded(runId, false, project);
      } catch (SQLException e) {
        c.rollback();
        // the same run completed by another process between the check and the update
        Long other = RunTables.completeRun(c, key);
        if (other != null) {
          RunTables.deleteIncomplete(c, runId);
          c.commit();
          return new Recorded(other, true, project);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
        rows.closeStatements();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Removes what was written of an unfinished run (the audit failed). */
  public void abort() {
    if (done || runId < 0) {
      return;
    }
    done = true;
    rows.closeStatements();
    try {
      ledger.rollbackQuietly();
      c.setAutoCommit(true);
      RunTables.deleteIncomplete(c, runId);
    } catch (SQLException e) {
      // the run stays incomplete, invisible, and is removed once stale
    }
  }

  private void flush() {
    lastFlush = System.nanoTime();
    if (pending.isEmpty()) {
      return;
    }
    try {
      c.setAutoCommit(false);
      try {
        for (JsonNode s : pending) {
          rows.insertSeries(s, ordinal++);
        }
        rows.executeBatches();
        try (PreparedStatement ps =
            c.prepareStatement("UPDATE run SET updated_at = ? WHERE id = ?")) {
          dialect.setTime(ps, 1, Instant.now());
          ps.setLong(2, runId);
          ps.executeUpdate();
        }
        c.commit();
        pending.clear();
      } catch (SQLException e) {
        c.rollback();
        rows.clearBatches();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private String key(String input) {
    return Canonical.sha256("run", project, input, settingsHash, toolName, toolVersion);
  }

  private OutputException failed(SQLException e) {
    return new OutputException(
        "cannot write to the ledger " + ledger.location().display() + ": " + Ledger.reason(e), e);
  }
}
