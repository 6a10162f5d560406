package dev.signalcheck.server;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.io.Version;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerQueries;
import dev.signalcheck.ledger.Usage;
import dev.signalcheck.report.HtmlReport;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code signalcheck serve}: the JSON API under {@code /api/v1} (Bearer tokens: read scope for GET,
 * write for POST and DELETE), share links under {@code /s/}, and the dashboard ({@link Dashboard}).
 * Errors are JSON {@code {"error": "…"}} with a 4xx status, or 500 for a bug; a stack trace goes to
 * the server's log, never to a client. Every response carries a Content-Security-Policy.
 */
public final class SignalcheckServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SignalcheckServer.class.getName());

  /** The policy of JSON answers and of anything that is not a page. */
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  /** The report page's own policy, as a header, framed by the dashboard only. */
  static final String REPORT_CSP = HtmlReport.contentSecurityPolicy() + "; frame-ancestors 'self'";

  static final String PRINCIPAL = "signalcheck.principal";
  static final String ACTION = "signalcheck.action";
  static final String PROJECT = "signalcheck.project";
  static final String RUN = "signalcheck.run";
  static final String RECORDED = "signalcheck.recorded";

  private static final int MAX_LIMIT = 500;

  private final ServerConfig config;
  private final LedgerPool pool;
  private final UsageBuffer usageBuffer;
  private final RunStore store;
  private final AuditService audits;
  private final Dashboard dashboard;
  private final Javalin app;
  private volatile boolean stopped;

  /** Who called: a token (API, dashboard) or a share link. */
  record Principal(String actor, String kind, Scope scope, Long tokenId) {}

  private SignalcheckServer(ServerConfig config) {
    this.config = config;
    this.pool = new LedgerPool(config.ledger(), 6);
    this.usageBuffer = new UsageBuffer(pool);
    this.store = new RunStore(config.data());
    this.audits = new AuditService(config, store, pool);
    this.dashboard = new Dashboard(pool, store, usageBuffer);
    String cache = store.work().toString();
    long limit = config.uploadLimit();
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.http.maxRequestSize = limit;
              cfg.jetty.multipartConfig.cacheDirectory(cache);
              cfg.jetty.multipartConfig.maxFileSize(limit, SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxTotalRequestSize(limit + (1 << 20), SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxInMemoryFileSize(64 * 1024, SizeUnit.BYTES);
              cfg.jetty.modifyServer(s -> s.setStopTimeout(5_000));
              cfg.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
            });
    routes();
  }

  /** Starts a server; {@link #port()} tells the port when it was 0. */
  public static SignalcheckServer start(ServerConfig config) {
    SignalcheckServer s = new SignalcheckServer(config);
    try {
      s.app.start(config.bind(), config.port());
      // only once the port is ours: another server on the same folder keeps its jobs
      s.store.cleanWork();
    } catch (Exception e) { // Kotlin code may throw a checked BindException undeclared
      s.usageBuffer.close();
      s.pool.close();
      throw new OutputException(
          "cannot listen on "
              + config.bind()
              + ":"
              + config.port()
              + " ("
              + rootMessage(e)
              + "); choose another --port or --bind",
          e);
    }
    return s;
  }

  public int port() {
    return app.port();
  }

  /** Audits running or waiting for their turn. */
  int auditsInFlight() {
    return audits.inFlight();
  }

  public ServerConfig config() {
    return config;
  }

  /**
   * Stops: new audits are refused (503), audits in flight get up to the configured stop timeout to
   * finish; any still running then are recorded as failed. Idempotent.
   *
   * @return how many audits were cut short
   */
  public synchronized int stop() {
    if (stopped) {
      return 0;
    }
    stopped = true;
    List<AuditService.Job> cut = audits.drain(config.stopTimeout());
    for (AuditService.Job j : cut) {
      LOG.warning(
          "audit of " + j.file() + " for " + j.actor() + " did not finish; recorded as failed");
    }
    audits.close();
    try {
      app.stop();
    } catch (RuntimeException e) {
      // Jetty could not finish a request cut short in time; the server is down all the same
      LOG.warning("stopped with requests still open: " + rootMessage(e));
    }
    usageBuffer.close();
    pool.close();
    return cut.size();
  }

  @Override
  public void close() {
    stop();
  }

  // ---------------------------------------------------------------- routes

  private void routes() {
    app.before(
        ctx -> {
          ctx.header("Content-Security-Policy", API_CSP);
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("Referrer-Policy", "no-referrer");
          ctx.header("Cache-Control", "no-store");
        });
    app.before("/api/v1/*", this::authenticate);
    app.after("/api/v1/*", this::recordUse);

    app.get("/healthz", this::health);
    app.get("/api/v1/healthz", this::health);
    app.post("/api/v1/audits", this::postAudit);
    app.post("/api/v1/runs", this::postRun);
    app.get("/api/v1/runs", this::listRuns);
    app.get("/api/v1/runs/{id}", this::getRun);
    app.get("/api/v1/runs/{id}/report.html", ctx -> reportFile(ctx, "report.html"));
    app.get("/api/v1/runs/{id}/report.json", ctx -> reportFile(ctx, "report.json"));
    app.get("/api/v1/projects", this::projects);
    app.get("/api/v1/compare", this::compare);
    app.get("/api/v1/usage", this::usage);
    app.get("/api/v1/sources", this::sources);
    app.post("/api/v1/shares", this::createShare);
    app.delete("/api/v1/shares/{id}", this::revokeShare);
    app.get("/s/{token}", this::viewShare);
    dashboard.routes(app);

    app.exception(Dashboard.Redirected.class, (e, ctx) -> {});
    app.exception(
        HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
    app.exception(UsageException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    app.exception(InputException.class, (e, ctx) -> error(ctx, 422, e.getMessage()));
    app.exception(AuditService.Unavailable.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
    app.exception(Exception.class, this::unexpected);
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null
              || ctx.result().isEmpty()
              || ctx.result().startsWith("Endpoint")) {
            error(ctx, 404, "no such resource: " + ctx.method() + " " + ctx.path());
          }
        });
    app.error(
        405, ctx -> error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
  }

  private void unexpected(Exception e, Context ctx) {
    String tooLarge = tooLarge(e);
    if (tooLarge != null) {
      error(ctx, 413, tooLarge);
      return;
    }
    if (e instanceof OutputException) {
      LOG.log(Level.WARNING, "request failed: " + e.getMessage(), e);
      // the server's own folders are nobody else's business
      error(ctx, 500, String.valueOf(e.getMessage()).replace(store.root().toString(), "DATA"));
      return;
    }
    LOG.log(Level.SEVERE, "internal error on " + ctx.method() + " " + ctx.path(), e);
    error(
        ctx,
        500,
        "internal error ("
            + e.getClass().getSimpleName()
            + "); this is a bug: please report it with the server's log");
  }

  /** The upload-limit message when {@code e} comes from a part or request over the limit. */
  private String tooLarge(Throwable e) {
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

  static void error(Context ctx, int status, String message) {
    ctx.status(status);
    String m = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ').trim();
    if (Dashboard.isDashboardPath(ctx.path())) {
      ctx.header("Content-Security-Policy", Html.CSP);
      ctx.contentType("text/html; charset=utf-8");
      ctx.result(Dashboard.errorPage(status, m));
      return;
    }
    ctx.header("Content-Security-Policy", API_CSP);
    ctx.contentType("application/json");
    ctx.result(ApiJson.write(Map.of("error", m)));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    for (Throwable x = e; x != null; x = x.getCause() == x ? null : x.getCause()) {
      if (x instanceof java.net.BindException) {
        return "the address is in use or not available here";
      }
      t = x;
    }
    return String.valueOf(t.getMessage());
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(ApiJson.write(body));
  }

  // ---------------------------------------------------------------- authentication

  private void authenticate(Context ctx) {
    if (ctx.path().equals("/api/v1/healthz")) {
      return;
    }
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"signalcheck\"");
      throw new HttpResponseException(
          401,
          "this call needs a token: send 'Authorization: Bearer TOKEN' (make one with"
              + " 'signalcheck token create --name NAME --scope read')");
    }
    String presented = h.substring(7).trim();
    Tokens.TokenInfo t =
        pool.with(
            l -> {
              Optional<Tokens.TokenInfo> found = Tokens.authenticate(l, presented);
              found.ifPresent(x -> Tokens.touch(l, x));
              return found.orElse(null);
            });
    if (t == null) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"signalcheck\", error=\"invalid_token\"");
      throw new HttpResponseException(
          401, "the token is unknown or revoked; ask for a new one ('signalcheck token list')");
    }
    Scope needed =
        ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD")
            ? Scope.READ
            : Scope.WRITE;
    if (!t.scope().includes(needed)) {
      throw new HttpResponseException(
          403,
          "token '"
              + t.name()
              + "' has scope "
              + t.scope().id()
              + "; "
              + ctx.method()
              + " "
              + ctx.path()
              + " needs "
              + needed.id());
    }
    ctx.attribute(PRINCIPAL, new Principal(t.name(), "token", t.scope(), t.id()));
  }

  /** Records the API call as a usage event (audits record their own). */
  private void recordUse(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null || Boolean.TRUE.equals(ctx.attribute(RECORDED))) {
      return;
    }
    String action = ctx.attribute(ACTION);
    if (action == null) {
      action = ctx.method().name().toLowerCase(Locale.ROOT) + " " + ctx.endpointHandlerPath();
    }
    if (ctx.statusCode() >= 400) {
      action = "failed " + action;
    }
    Usage.Event e =
        new Usage.Event(
            p.actor(), p.kind(), "api", action, ctx.attribute(PROJECT), ctx.attribute(RUN));
    usageBuffer.add(e);
  }

  static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new HttpResponseException(401, "this call needs a token");
    }
    return p;
  }

  // ---------------------------------------------------------------- handlers

  private void health(Context ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", stopped || audits.draining() ? "stopping" : "ok");
    m.put("version", Version.current());
    m.put("ledger", config.ledger().dialect().name().toLowerCase(Locale.ROOT));
    json(ctx, stopped ? 503 : 200, m);
  }

  private void postAudit(Context ctx) throws IOException {
    Principal p = principal(ctx);
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

  private void postRun(Context ctx) throws IOException {
    Principal p = principal(ctx);
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
    m.put("links", links(o.runId()));
    return m;
  }

  static Map<String, String> links(long id) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("self", "/api/v1/runs/" + id);
    l.put("json", "/api/v1/runs/" + id + "/report.json");
    l.put("html", "/api/v1/runs/" + id + "/report.html");
    l.put("dashboard", "/runs/" + id);
    return l;
  }

  /** A run id from the path: digits only, else a 404 (never a file name). */
  static long runId(String s) {
    if (s == null || !s.matches("[0-9]{1,18}")) {
      throw new HttpResponseException(404, "no run '" + clip(s) + "'; run ids are numbers");
    }
    return Long.parseLong(s);
  }

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[\\p{Cntrl}]", "?");
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  /** The complete run of this id, or a 404. */
  static LedgerQueries.RunRow run(Ledger l, long id) {
    try {
      return new LedgerQueries(l).resolve(Long.toString(id), null);
    } catch (UsageException e) {
      throw new HttpResponseException(404, "no run " + id + " in the ledger");
    }
  }

  private void listRuns(Context ctx) {
    String project = blankToNull(ctx.queryParam("project"));
    Instant since = since(ctx.queryParam("since"));
    int limit = intParam(ctx, "limit", 50, 1, MAX_LIMIT);
    int offset = cursor(ctx.queryParam("cursor"));
    ctx.attribute(ACTION, "list-runs");
    ctx.attribute(PROJECT, project);
    List<LedgerQueries.RunRow> rows =
        pool.with(
            l -> {
              if (project != null && !new LedgerQueries(l).projectExists(project)) {
                throw new HttpResponseException(404, "no project '" + clip(project) + "'");
              }
              return new LedgerQueries(l).runs(project, since, limit + 1, offset);
            });
    boolean more = rows.size() > limit;
    List<Map<String, Object>> out = new ArrayList<>();
    for (LedgerQueries.RunRow r : rows.subList(0, Math.min(limit, rows.size()))) {
      Map<String, Object> m = runJson(r);
      m.put("links", links(r.id()));
      out.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runs", out);
    doc.put("nextCursor", more ? encodeCursor(offset + limit) : null);
    json(ctx, 200, doc);
  }

  static Map<String, Object> runJson(LedgerQueries.RunRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("project", r.project());
    m.put("reference", r.reference());
    m.put("origin", r.origin());
    m.put("startedAt", r.startedAt());
    m.put("source", r.source());
    m.put("sha256", r.sha256());
    m.put("sizeBytes", r.sizeBytes());
    m.put("series", r.series());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("strong", r.strong());
    v.put("weak", r.weak());
    v.put("none", r.none());
    v.put("insufficient-data", r.insufficientData());
    m.put("verdicts", v);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("critical", r.critical());
    f.put("warning", r.warning());
    f.put("info", r.info());
    m.put("findings", f);
    m.put("toolVersion", r.toolVersion());
    m.put("durationMs", r.durationMs());
    m.put("exitStatus", r.exitStatus());
    m.put("user", r.osUser());
    m.put("settingsHash", r.settingsHash());
    return m;
  }

  private void getRun(Context ctx) {
    long id = runId(ctx.pathParam("id"));
    ctx.attribute(ACTION, "view-run");
    ctx.attribute(RUN, id);
    Map<String, Object> doc =
        pool.with(
            l -> {
              LedgerQueries q = new LedgerQueries(l);
              LedgerQueries.RunRow r = run(l, id);
              ctx.attribute(PROJECT, r.project());
              Map<String, Object> m = runJson(r);
              List<LedgerQueries.SeriesRow> series = q.series(id);
              m.put("seriesTruncated", series.size() > 1000);
              m.put("seriesRows", series.subList(0, Math.min(1000, series.size())));
              List<LedgerQueries.FindingRow> findings = q.findings(id);
              m.put("findingsTruncated", findings.size() > 1000);
              m.put("findingRows", findings.subList(0, Math.min(1000, findings.size())));
              m.put("placements", q.placements(id));
              m.put("stored", store.file(id, "report.html").isPresent());
              m.put("links", links(id));
              return m;
            });
    json(ctx, 200, doc);
  }

  private void reportFile(Context ctx, String name) throws IOException {
    long id = runId(ctx.pathParam("id"));
    ctx.attribute(ACTION, name.endsWith(".html") ? "view-report" : "get-report-json");
    ctx.attribute(RUN, id);
    LedgerQueries.RunRow r = pool.with(l -> run(l, id));
    ctx.attribute(PROJECT, r.project());
    sendStored(ctx, id, name);
  }

  /** Sends a stored report file of a run, or a 404 saying why there is none. */
  void sendStored(Context ctx, long id, String name) throws IOException {
    Path f =
        store
            .file(id, name)
            .orElseThrow(
                () ->
                    new HttpResponseException(
                        404,
                        "run "
                            + id
                            + " has no stored "
                            + name
                            + " (it was recorded without sending its reports to this server;"
                            + " 'signalcheck audit --push' sends them)"));
    if (name.endsWith(".html")) {
      ctx.header("Content-Security-Policy", REPORT_CSP);
      ctx.contentType("text/html; charset=utf-8");
    } else {
      ctx.contentType("application/json");
    }
    ctx.result(Files.newInputStream(f));
  }

  private void projects(Context ctx) {
    ctx.attribute(ACTION, "list-projects");
    List<LedgerQueries.ProjectRow> ps = pool.with(l -> new LedgerQueries(l).projects());
    json(ctx, 200, Map.of("projects", ps));
  }

  private void compare(Context ctx) {
    String a = ctx.queryParam("a");
    String b = ctx.queryParam("b");
    if (a == null || b == null) {
      throw new UsageException("compare needs two runs: ?a=RUN&b=RUN");
    }
    long ia = runId(a);
    long ib = runId(b);
    ctx.attribute(ACTION, "compare");
    LedgerQueries.Comparison c =
        pool.with(l -> new LedgerQueries(l).compare(run(l, ia), run(l, ib)));
    ctx.attribute(PROJECT, c.b().project());
    json(ctx, 200, c);
  }

  private void sources(Context ctx) {
    ctx.attribute(ACTION, "sources");
    java.time.Instant now = java.time.Instant.now();
    List<Map<String, Object>> docs =
        pool.with(
            l ->
                dev.signalcheck.sources.SourceHealth.docs(
                    new dev.signalcheck.sources.SourceLedger(l).statuses(), now));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("checkedAt", dev.signalcheck.core.sources.SourceChecks.instant(now));
    d.put("sources", docs);
    json(ctx, 200, d);
  }

  private void usage(Context ctx) {
    String project = blankToNull(ctx.queryParam("project"));
    Instant since = since(ctx.queryParam("since"));
    int runs = intParam(ctx, "runs", 50, 0, MAX_LIMIT);
    ctx.attribute(ACTION, "usage");
    ctx.attribute(PROJECT, project);
    usageBuffer.flush();
    Usage.Report r = pool.with(l -> Usage.report(l, project, since, runs));
    json(ctx, 200, r);
  }

  private void createShare(Context ctx) {
    Principal p = principal(ctx);
    Map<String, String> in = new LinkedHashMap<>();
    String ct = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
    if (ct.startsWith("application/json")) {
      try {
        var node = ApiJson.MAPPER.readTree(ctx.body());
        if (node == null || !node.isObject()) {
          throw new UsageException("send a JSON object: {\"runId\": 7, \"expiresInDays\": 7}");
        }
        node.properties().forEach(e -> in.put(e.getKey(), e.getValue().asText()));
      } catch (IOException e) {
        throw new UsageException("the body is not JSON: send {\"runId\": 7, \"expiresInDays\": 7}");
      }
    } else {
      ctx.formParamMap().forEach((k, v) -> in.put(k, v.isEmpty() ? null : v.get(0)));
    }
    long runId = runId(in.get("runId"));
    Instant expires = expiry(in.get("expiresInDays"));
    ctx.attribute(ACTION, "share");
    ctx.attribute(RUN, runId);
    Map<String, Object> doc = share(p.actor(), runId, expires);
    ctx.attribute(PROJECT, doc.get("project"));
    json(ctx, 201, doc);
  }

  /** Days until a share expires (default 30; 0 or "never" for no expiry). */
  static Instant expiry(String days) {
    if (days == null || days.isBlank()) {
      return Instant.now().plus(Duration.ofDays(30));
    }
    if (days.equalsIgnoreCase("never")) {
      return null;
    }
    try {
      double d = Double.parseDouble(days);
      if (!(d >= 0) || d > 3650) {
        throw new NumberFormatException();
      }
      return d == 0 ? null : Instant.now().plusMillis((long) (d * 86_400_000L));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "expiresInDays must be a number of days from 0 (never) to 3650, not '"
              + clip(days)
              + "'");
    }
  }

  Map<String, Object> share(String actor, long runId, Instant expires) {
    return pool.with(
        l -> {
          LedgerQueries.RunRow r = run(l, runId);
          Shares.Created c = Shares.create(l, runId, actor, expires);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", c.share().id());
          m.put("runId", runId);
          m.put("project", r.project());
          m.put("url", "/s/" + c.value());
          m.put("expiresAt", c.share().expiresAt());
          boolean raw = store.file(runId, AuditService.REDACTED).isEmpty();
          m.put("rawValues", raw);
          m.put(
              "note",
              "anyone with this link can read the report of run "
                  + runId
                  + " until it expires or is revoked; "
                  + (raw
                      ? "the report embeds the series' raw values (audit with redact for a"
                          + " report scaled to [0, 1])"
                      : "the report is redacted: its values are scaled to [0, 1]"));
          return m;
        });
  }

  private void revokeShare(Context ctx) {
    String s = ctx.pathParam("id");
    if (!s.matches("[0-9]{1,18}")) {
      throw new HttpResponseException(404, "no share link '" + clip(s) + "'");
    }
    long id = Long.parseLong(s);
    ctx.attribute(ACTION, "revoke-share");
    Shares.Share sh =
        pool.with(
            l -> {
              try {
                return Shares.revoke(l, id);
              } catch (UsageException e) {
                throw new HttpResponseException(404, e.getMessage());
              }
            });
    ctx.attribute(RUN, sh.runId());
    json(ctx, 200, Map.of("id", sh.id(), "revokedAt", sh.revokedAt()));
  }

  private void viewShare(Context ctx) throws IOException {
    String token = ctx.pathParam("token");
    Shares.Share sh =
        pool.with(
            l -> {
              Shares.Share s = Shares.resolve(l, token).orElse(null);
              if (s != null) {
                LedgerQueries.RunRow r = run(l, s.runId());
                Usage.record(
                    l,
                    new Usage.Event(
                        "share:" + s.id(),
                        "share",
                        "share",
                        "view-report",
                        r.project(),
                        s.runId()));
              }
              return s;
            });
    if (sh == null) {
      ctx.status(404);
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result("This link is unknown, has expired or was revoked. Ask for a new one.\n");
      return;
    }
    sendStored(ctx, sh.runId(), "report.html");
  }

  // ---------------------------------------------------------------- parameters

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static Instant since(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(s);
    } catch (DateTimeException e) {
      throw new UsageException(
          "since '"
              + clip(s)
              + "' is not a date (2026-12-01) or an instant (2026-12-01T09:00:00Z)");
    }
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(
          name + " must be a whole number from " + min + " to " + max + ", not '" + clip(v) + "'");
    }
  }

  static String encodeCursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int cursor(String c) {
    if (c == null || c.isBlank()) {
      return 0;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(c.trim()), StandardCharsets.UTF_8);
      if (!s.startsWith("o:")) {
        throw new IllegalArgumentException();
      }
      int o = Integer.parseInt(s.substring(2));
      if (o < 0) {
        throw new IllegalArgumentException();
      }
      return o;
    } catch (IllegalArgumentException e) {
      throw new UsageException("cursor '" + clip(c) + "' is not one this server gave out");
    }
  }

  static String readAll(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
