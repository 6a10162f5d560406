package dev.signalcheck.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditHeader;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.Json;
import dev.signalcheck.io.ReportInfo;
import dev.signalcheck.io.ReportWriter;
import dev.signalcheck.io.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Records a local audit in the ledger: a {@link ResultSink} that turns each part of the audit into
 * the JSON report's shape (the same serialisation as report.json) and hands it to a {@link
 * RunRecorder}. It never breaks the audit: the first failure (a ledger that cannot be opened or
 * written) becomes one warning, and the sink goes quiet.
 *
 * <p>Call {@link #finish} with the exit code once the audit is over: only then is the run complete.
 * {@link #close} without {@link #finish} (the audit failed) removes what was written.
 */
public final class LedgerSink implements ResultSink, AutoCloseable {

  private final LedgerLocation location;
  private final String project;
  private final Path inputFile;
  private final JsonNode readerOptions;
  private final Consumer<String> warn;
  private final ObjectMapper mapper = Json.mapper();

  private String actor = System.getProperty("user.name");
  private String actorKind = "os-user";
  private String channel = "cli";

  private Ledger ledger;
  private RunRecorder recorder;
  private AuditEnd end;
  private boolean failed;

  /**
   * @param location where the ledger is
   * @param project the project to file the run under
   * @param inputFile the input file (its bytes are hashed), or null (standard input)
   * @param readerOptions how the input was read (columns, dialect, missing tokens, labels): part of
   *     the settings that identify a run; may be null
   * @param warn receives the one warning line when recording fails
   */
  public LedgerSink(
      LedgerLocation location,
      String project,
      Path inputFile,
      JsonNode readerOptions,
      Consumer<String> warn) {
    this.location = location;
    this.project = project;
    this.inputFile = inputFile;
    this.readerOptions = readerOptions;
    this.warn = warn;
  }

  /**
   * Who runs the audit, for the run's user and its usage event (default: the operating-system user
   * on the command line).
   *
   * @param actor a user or token name
   * @param actorKind {@code os-user} or {@code token}
   * @param channel {@code cli} or {@code api}
   */
  public LedgerSink as(String actor, String actorKind, String channel) {
    this.actor = actor;
    this.actorKind = actorKind;
    this.channel = channel;
    return this;
  }

  @Override
  public void begin(AuditHeader header) {
    guard(
        () -> {
          ledger = Ledger.open(location);
          String sha = null;
          Long size = null;
          if (inputFile != null && Files.isRegularFile(inputFile)) {
            size = Files.size(inputFile);
            sha = sha256(inputFile);
          }
          RunRecorder.Provenance prov =
              new RunRecorder.Provenance(
                  "audit",
                  sha,
                  size,
                  header.source().columns().isEmpty() ? null : header.source().columns(),
                  settings(header.settings()),
                  actor,
                  header.startedAt().truncatedTo(ChronoUnit.MILLIS));
          recorder = new RunRecorder(ledger, project, prov);
          ObjectNode h = mapper.createObjectNode();
          h.put("schemaVersion", ReportWriter.SCHEMA_VERSION);
          h.set("generator", mapper.valueToTree(Version.generator()));
          h.put("createdAt", header.startedAt().truncatedTo(ChronoUnit.SECONDS).toString());
          h.set("settings", mapper.valueToTree(ReportInfo.settings(header.settings())));
          recorder.begin(h);
        });
  }

  @Override
  public void series(SeriesResult result) {
    if (recorder == null || failed) {
      return;
    }
    guard(() -> recorder.series(mapper.valueToTree(result)));
  }

  @Override
  public void end(AuditEnd end) {
    this.end = end;
  }

  /**
   * Completes the run with the audit's exit code.
   *
   * @return the run recorded (or the same run found already there), or empty when recording failed
   */
  public Optional<RunRecorder.Recorded> finish(int exitStatus) {
    if (recorder == null || failed || end == null) {
      return Optional.empty();
    }
    RunRecorder.Recorded[] out = new RunRecorder.Recorded[1];
    guard(
        () ->
            out[0] =
                recorder.end(
                    mapper.valueToTree(ReportInfo.input(end)),
                    mapper.valueToTree(ReportInfo.Summary.of(end.summary())),
                    mapper.valueToTree(end.datasetFindings()),
                    exitStatus,
                    end.elapsed().toMillis()));
    if (out[0] != null) {
      // the audit is a use of the project and its run; a ledger that cannot take it warns once
      guard(
          () ->
              Usage.record(
                  ledger,
                  new Usage.Event(
                      actor, actorKind, channel, "audit", out[0].project(), out[0].runId())));
    }
    return Optional.ofNullable(out[0]);
  }

  /**
   * How an input was read, as part of the settings that identify a run: every reader option except
   * the file name (the input's bytes identify it), and the label columns.
   */
  public static JsonNode readerOptions(InputSpec spec, List<String> labels) {
    ObjectMapper m = Json.mapper();
    ObjectNode o = m.createObjectNode();
    o.set("time", m.valueToTree(spec.time()));
    o.set("targets", m.valueToTree(spec.targets()));
    o.set("ids", m.valueToTree(spec.ids()));
    o.set("covariates", m.valueToTree(spec.covariates()));
    o.put("recordedAt", spec.recordedAt());
    o.put("delimiter", spec.delimiter());
    o.put("decimal", spec.decimal());
    o.set("missing", m.valueToTree(spec.missingTokens()));
    o.put("timeFormat", spec.timeFormat());
    o.put("timezone", spec.timezone() == null ? null : spec.timezone().getId());
    o.set("labels", m.valueToTree(labels == null ? List.of() : labels));
    return o;
  }

  /** Where the run is recorded, as users may see it. */
  public String where() {
    return location.display();
  }

  @Override
  public void close() {
    if (recorder != null) {
      recorder.abort();
    }
    if (ledger != null) {
      ledger.close();
      ledger = null;
    }
  }

  /** The settings that identify a run: the audit settings and how the input was read. */
  private JsonNode settings(AuditSettings s) {
    ObjectNode o = mapper.createObjectNode();
    ObjectNode a = mapper.valueToTree(ReportInfo.settings(s));
    if (s.min() != null) {
      a.put("min", s.min());
    }
    if (s.max() != null) {
      a.put("max", s.max());
    }
    if (s.maxTrain() != null) {
      a.put("maxTrain", s.maxTrain());
    }
    a.set("knownAhead", mapper.valueToTree(s.knownAhead()));
    o.set("audit", a);
    if (readerOptions != null) {
      o.set("input", readerOptions);
    }
    return o;
  }

  private static String sha256(Path f) throws IOException {
    MessageDigest d = Canonical.sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
    }
    return Canonical.hex(d.digest());
  }

  private interface Step {
    void run() throws Exception;
  }

  private void guard(Step step) {
    if (failed) {
      return;
    }
    try {
      step.run();
    } catch (Exception | LinkageError e) {
      failed = true;
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      warn.accept(
          "signalcheck: warning: the audit was not recorded in the ledger ("
              + msg.replace('\n', ' ').replace('\r', ' ').trim()
              + "); its results are as usual (--no-ledger turns recording off)");
      close();
    }
  }
}
