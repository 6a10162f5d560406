package dev.signalcheck.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.io.JsonReportSink;
import dev.signalcheck.io.ReportWriter;
import dev.signalcheck.io.TableReader;
import dev.signalcheck.io.Version;
import dev.signalcheck.ledger.LedgerSink;
import dev.signalcheck.ledger.ReportUpload;
import dev.signalcheck.ledger.RunRecorder;
import dev.signalcheck.ledger.Usage;
import dev.signalcheck.report.HtmlReport;
import dev.signalcheck.report.HtmlReportSink;
import dev.signalcheck.report.Redaction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Runs the audits the API is sent (the same library call and reader as the command line), records
 * them in the ledger and keeps their reports; receives report.json files made elsewhere. Knows the
 * audits in flight, so a stop can wait for them and record the ones it could not wait for as
 * failed.
 */
final class AuditService {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

  /** What the API answers about a recorded run. */
  record Outcome(long runId, boolean duplicate, String project, JsonNode summary) {}

  /** An audit in flight; {@code abandoned} once a stop gave up waiting for it. */
  record Job(
      long id,
      String actor,
      String project,
      String file,
      java.util.concurrent.atomic.AtomicBoolean abandoned) {}

  private final ServerConfig config;
  private final RunStore store;
  private final LedgerPool pool;

  /**
   * Audits run here, at most {@code concurrentAudits} at once, first come first served; the others
   * wait in its queue. The request threads that sent them only wait for the result, so reads are
   * served on request threads no audit ever computes on.
   */
  private final ThreadPoolExecutor runner;

  private final Map<Long, Job> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean draining;

  AuditService(ServerConfig config, RunStore store, LedgerPool pool) {
    this.config = config;
    this.store = store;
    this.pool = pool;
    int n = Math.max(1, config.concurrentAudits());
    AtomicLong threads = new AtomicLong();
    this.runner =
        new ThreadPoolExecutor(
            n,
            n,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "signalcheck-audit-" + threads.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
  }

  private static JsonSchema schema() {
    try (InputStream in = ReportWriter.class.getResourceAsStream("report.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean draining() {
    return draining;
  }

  /**
   * Audits an uploaded data file and records the run.
   *
   * @param jobDir the job's folder (holds the upload; removed afterwards)
   * @param data the uploaded file, inside {@code jobDir}
   */
  Outcome audit(Path jobDir, Path data, AuditForm form, String actor) {
    if (draining) {
      throw new Unavailable("the server is stopping; send the audit again once it is back");
    }
    Job job =
        new Job(
            ids.incrementAndGet(),
            actor,
            form.project(),
            data.getFileName().toString(),
            new java.util.concurrent.atomic.AtomicBoolean());
    inFlight.put(job.id(), job);
    try {
      return await(runner.submit(() -> runAudit(jobDir, data, form, actor, job)));
    } finally {
      inFlight.remove(job.id());
      synchronized (inFlight) {
        inFlight.notifyAll();
      }
    }
  }

  /** The audit's outcome; its own exceptions pass through as they were thrown. */
  private static Outcome await(Future<Outcome> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          // the audit goes on (a stop waits for it or records it as failed): so does the wait
          interrupted = true;
        } catch (java.util.concurrent.CancellationException e) {
          throw new Unavailable("the server stopped before this audit started; send it again");
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException r) {
            throw r;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw new OutputException("the audit failed: " + c, c);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Ends the audit threads (after {@link #drain}): audits still waiting for their turn are
   * cancelled, and their senders told to send them again. One still running (already recorded as
   * failed) is not interrupted: it ends as it would have, and what it wrote is removed.
   */
  void close() {
    for (Runnable r : new ArrayList<>(runner.getQueue())) {
      if (runner.remove(r) && r instanceof Future<?> f) {
        f.cancel(false);
      }
    }
    runner.shutdown();
  }

  /** How many audits are running or waiting for their turn. */
  int inFlight() {
    return inFlight.size();
  }

  /**
   * How the input was read, part of a run's identity: a redacted audit is a run of its own, so that
   * asking for a redacted report of data already audited never returns the raw one.
   */
  private static JsonNode readerOptions(AuditForm form) {
    JsonNode o = LedgerSink.readerOptions(form.input(), form.labels());
    if (form.redact() && o instanceof com.fasterxml.jackson.databind.node.ObjectNode on) {
      on.put("redact", true);
    }
    return o;
  }

  private Outcome runAudit(Path jobDir, Path data, AuditForm form, String actor, Job job) {
    Path json = jobDir.resolve("report.json");
    Path html = jobDir.resolve("report.html");
    List<String> warnings = new ArrayList<>();
    LedgerSink recorder =
        new LedgerSink(pool.location(), form.project(), data, readerOptions(form), warnings::add)
            .as(actor, "token", "api");
    try (recorder;
        TableReader reader = TableReader.open(form.input())) {
      List<ResultSink> reports = new ArrayList<>();
      reports.add(
          new JsonReportSink(
                  new ReportWriter(
                      new BufferedOutputStream(Files.newOutputStream(json), 1 << 16), true),
                  Version.generator(),
                  "report.json")
              .redacted(form.redact()));
      reports.add(
          new HtmlReportSink(new HtmlReport().redacted(form.redact()), Version.generator(), html));
      List<ResultSink> sinks = new ArrayList<>();
      sinks.add(
          form.redact() ? Redaction.sink(ResultSink.fanOut(reports)) : ResultSink.fanOut(reports));
      if (form.redact()) {
        RunStore.markRedacted(jobDir);
      }
      sinks.add(recorder);
      DatasetAudit.run(
          reader,
          form.settings(),
          ResultSink.fanOut(sinks),
          new DatasetAudit.Options(config.auditThreads(), form.labels()));
      if (job.abandoned().get()) {
        // the stop recorded it as failed; closing the recorder removes what it wrote
        throw new Unavailable("the server stopped before this audit finished; send it again");
      }
      RunRecorder.Recorded r =
          recorder
              .finish(0)
              .orElseThrow(
                  () ->
                      new OutputException(
                          warnings.isEmpty()
                              ? "the audit ran but could not be recorded in the ledger"
                              : warnings.get(0).replace("signalcheck: warning: ", "")));
      JsonNode summary = summary(json, r.runId());
      store.keep(r.runId(), jobDir, "report.json", "report.html", RunStore.REDACTED);
      if (form.keep()) {
        store.keepUpload(r.runId(), data);
      }
      return new Outcome(r.runId(), r.duplicate(), r.project(), summary);
    } catch (IOException e) {
      throw new OutputException("cannot write the reports: " + e.getMessage(), e);
    }
  }

  /**
   * Records a report.json made elsewhere, after checking it against the shipped JSON Schema.
   *
   * @param report the report on disk (inside the job folder)
   * @param html its report.html, or null
   */
  Outcome upload(Path report, Path html, String project, String actor) {
    if (draining) {
      throw new Unavailable("the server is stopping; send the report again once it is back");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(report.toFile());
    } catch (IOException e) {
      throw new InputException(
          "the upload is not JSON ("
              + String.valueOf(
                      e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                          ? j.getOriginalMessage()
                          : e.getMessage())
                  .lines()
                  .findFirst()
                  .orElse("")
              + "); send the report.json that signalcheck audit wrote");
    }
    if (tree == null || !tree.isObject()) {
      throw new InputException("the upload is not a JSON object; send a report.json");
    }
    List<ValidationMessage> errors = new ArrayList<>(SCHEMA.validate(tree));
    if (!errors.isEmpty()) {
      String first =
          errors.stream()
              .limit(3)
              .map(ValidationMessage::getMessage)
              .collect(Collectors.joining("; "));
      throw new InputException(
          "the report does not match the report schema ("
              + errors.size()
              + (errors.size() == 1 ? " problem: " : " problems, first: ")
              + first
              + ")");
    }
    RunRecorder.Recorded r =
        pool.with(
            l -> {
              try (InputStream in = Files.newInputStream(report)) {
                RunRecorder.Recorded rec =
                    ReportUpload.record(in, "the report", l, project, provenance(actor));
                Usage.record(
                    l,
                    new Usage.Event(actor, "token", "api", "upload", rec.project(), rec.runId()));
                return rec;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Path dir = report.getParent();
    List<String> names = new ArrayList<>(List.of("report.json"));
    if (html != null) {
      names.add("report.html");
    }
    // the marker describes the files stored with it: a run already stored keeps its own
    if (tree.path(ReportWriter.REDACTED).asBoolean(false)
        && store.file(r.runId(), "report.json").isEmpty()) {
      RunStore.markRedacted(dir);
      names.add(RunStore.REDACTED);
    }
    store.keep(r.runId(), dir, names.toArray(String[]::new));
    return new Outcome(r.runId(), r.duplicate(), r.project(), tree.get("summary"));
  }

  private static RunRecorder.Provenance provenance(String actor) {
    return RunRecorder.Provenance.upload(actor);
  }

  /** The summary block of a report, read without loading its series. */
  private static JsonNode summary(Path json, long runId) {
    try (JsonParser p = MAPPER.getFactory().createParser(json.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        if (f.equals("summary")) {
          return p.readValueAsTree();
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      throw new OutputException("cannot read the report of run " + runId + ": " + e.getMessage());
    }
  }

  /**
   * Stops taking audits and waits for those in flight; the ones still running when the time is up
   * are recorded as failed (a usage event {@code audit-failed}) and returned.
   */
  List<Job> drain(Duration timeout) {
    draining = true;
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (inFlight) {
      while (!inFlight.isEmpty()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          inFlight.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    List<Job> left = new ArrayList<>(inFlight.values());
    for (Job j : left) {
      j.abandoned().set(true);
      try {
        pool.with(
            l -> {
              Usage.record(
                  l, new Usage.Event(j.actor(), "token", "api", "audit-failed", j.project(), null));
              return null;
            });
      } catch (RuntimeException ignored) {
        // the ledger is going away too; the incomplete run stays invisible
      }
    }
    return left;
  }

  /** 503: the server is stopping. */
  static final class Unavailable extends RuntimeException {
    Unavailable(String m) {
      super(m);
    }
  }
}
