package dev.signalcheck.server;

import static dev.signalcheck.server.ApiAuth.ACTION;
import static dev.signalcheck.server.ApiAuth.PROJECT;
import static dev.signalcheck.server.ApiAuth.RECORDED;
import static dev.signalcheck.server.ApiAuth.principal;
import static dev.signalcheck.server.Params.clip;
import static dev.signalcheck.server.Responses.json;
import static dev.signalcheck.server.Responses.rootMessage;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two uploads: {@code POST /api/v1/audits} (a data file and the audit options, audited here)
 * and {@code POST /api/v1/runs} (a report.json made elsewhere). Each upload streams into a work
 * folder of its own that is deleted when the request ends; over the upload limit is a 413.
 */
final class UploadRoutes {
  private final ServerConfig config;
  private final RunStore store;
  private final AuditService audits;

  UploadRoutes(ServerConfig config, RunStore store, AuditService audits) {
    this.config = config;
    this.store = store;
    this.audits = audits;
  }

  void postAudit(Context ctx) throws IOException {
    ApiAuth.Principal p = principal(ctx);
    checkLength(ctx);
    requireMultipart(ctx);
    Path job = store.newWorkDir();
    try {
      UploadedFile f = part(ctx, "file");
      if (f == null) {
        throw new UsageException(
            "no 'file' part in the upload; send the data as multipart field 'file'");
      }
      Path data = job.resolve(safeName(f.filename()));
      try (InputStream in = f.content()) {
        Files.copy(in, data);
      }
      Map<String, List<String>> fields = new LinkedHashMap<>(ctx.formParamMap());
      fields.remove("file");
      AuditForm form = AuditForm.parse(fields, data.toString());
      ctx.attribute(ACTION, "audit");
      ctx.attribute(PROJECT, form.project());
      ctx.attribute(RECORDED, Boolean.TRUE);
      AuditService.Outcome o;
      try {
        o = audits.audit(job, data, form, p.actor());
      } catch (UsageException | InputException e) {
        // the reader names the file it read; the client knows it by its own name
        String msg = String.valueOf(e.getMessage()).replace(job.toString() + "/", "");
        if (e instanceof UsageException) {
          throw new UsageException(msg);
        }
        throw new InputException(msg);
      }
      json(ctx, 201, outcome(o));
    } finally {
      RunStore.deleteTree(job);
    }
  }

  void postRun(Context ctx) throws IOException {
    ApiAuth.Principal p = principal(ctx);
    checkLength(ctx);
    Path job = store.newWorkDir();
    try {
      Path report = job.resolve("report.json");
      Path html = null;
      String project;
      String ct = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
      if (ct.startsWith("multipart/")) {
        UploadedFile f = part(ctx, "report");
        if (f == null) {
          throw new UsageException("no 'report' part in the upload; send report.json as 'report'");
        }
        try (InputStream in = f.content()) {
          Files.copy(in, report);
        }
        UploadedFile h = part(ctx, "html");
        if (h != null) {
          html = job.resolve("report.html");
          try (InputStream in = h.content()) {
            Files.copy(in, html);
          }
        }
        project = ctx.formParam("project");
      } else {
        try (InputStream in = ctx.bodyInputStream()) {
          long n = copyLimited(in, report, config.uploadLimit());
          if (n < 0) {
            throw new HttpResponseException(413, uploadLimitMessage());
          }
        }
        project = ctx.queryParam("project");
      }
      ctx.attribute(ACTION, "upload");
      ctx.attribute(RECORDED, Boolean.TRUE);
      AuditService.Outcome o =
          audits.upload(
              report, html, project == null || project.isBlank() ? null : project, p.actor());
      json(ctx, o.duplicate() ? 200 : 201, outcome(o));
    } finally {
      RunStore.deleteTree(job);
    }
  }

  /** A part of a multipart upload: 413 over the limit, 400 when the body is not multipart. */
  private UploadedFile part(Context ctx, String name) {
    try {
      return ctx.uploadedFile(name);
    } catch (Exception e) { // the multipart parser throws IOException undeclared
      String tooLarge = tooLarge(e);
      if (tooLarge != null) {
        throw new HttpResponseException(413, tooLarge);
      }
      throw new UsageException(
          "the upload is not valid multipart/form-data ("
              + clip(String.valueOf(rootMessage(e)))
              + "); send the file as a 'file' part, e.g. curl -F file=@data.csv");
    }
  }

  /** Copies at most {@code limit} bytes; -1 when there were more. */
  private static long copyLimited(InputStream in, Path to, long limit) throws IOException {
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (var out = Files.newOutputStream(to)) {
      for (int r; (r = in.read(buf)) > 0; ) {
        n += r;
        if (n > limit) {
          return -1;
        }
        out.write(buf, 0, r);
      }
    }
    return n;
  }

  private void checkLength(Context ctx) {
    long len = ctx.req().getContentLengthLong();
    if (len > config.uploadLimit() + (1 << 20)) {
      throw new HttpResponseException(413, uploadLimitMessage());
    }
  }

  private static void requireMultipart(Context ctx) {
    String ct = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
    if (!ct.startsWith("multipart/form-data")) {
      throw new HttpResponseException(
          415,
          "send the data as multipart/form-data with a 'file' part and the options as fields (e.g."
              + " curl -F file=@data.csv -F horizon=14)");
    }
  }

  /** A file name safe to create: its last segment, plain characters only, a known extension. */
  static String safeName(String name) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("[^A-Za-z0-9._-]", "_");
    while (n.startsWith(".")) {
      n = n.substring(1);
    }
    if (n.isEmpty()) {
      n = "upload.csv";
    }
    if (n.length() > 120) {
      n = n.substring(n.length() - 120);
    }
    String low = n.toLowerCase(Locale.ROOT);
    if (!low.matches(".*\\.(csv|tsv|txt|parquet|json|jsonl)(\\.gz)?")) {
      throw new InputException(
          "'"
              + name
              + "' is not a supported format; send a .csv, .tsv, .txt (optionally .gz), .parquet,"
              + " .json or .jsonl file");
    }
    return n;
  }

  private Map<String, Object> outcome(AuditService.Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", o.runId());
    m.put("project", o.project());
    m.put("duplicate", o.duplicate());
    m.put("summary", o.summary());
    m.put("links", RunRoutes.links(o.runId()));
    return m;
  }

  /** The upload-limit message when {@code e} comes from a part or request over the limit. */
  String tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("exceeds max") || m.contains("exceeds maxRequestSize") || m.contains("413")) {
        return uploadLimitMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private String uploadLimitMessage() {
    return "the upload is larger than this server's limit of "
        + config.uploadLimit()
        + " bytes; send a smaller file, or start the server with a larger --upload-limit";
  }
}
