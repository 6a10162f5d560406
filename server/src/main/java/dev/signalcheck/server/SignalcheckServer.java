package dev.signalcheck.server;

import static dev.signalcheck.server.Responses.error;
import static dev.signalcheck.server.Responses.json;
import static dev.signalcheck.server.Responses.rootMessage;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.io.Version;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code signalcheck serve}: the JSON API under {@code /api/v1} (Bearer tokens: read scope for GET,
 * write for POST and DELETE), share links under {@code /s/}, and the dashboard ({@link Dashboard}).
 * This class starts and stops the server and holds the route table; the handlers live in one class
 * per resource ({@link UploadRoutes}, {@link RunRoutes}, {@link OverviewRoutes}, {@link
 * ShareRoutes}), authentication in {@link ApiAuth}. Errors are JSON {@code {"error": "…"}} with a
 * 4xx status, or 500 for a bug; a stack trace goes to the server's log, never to a client. Every
 * response carries a Content-Security-Policy.
 */
public final class SignalcheckServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SignalcheckServer.class.getName());

  private final ServerConfig config;
  private final LedgerPool pool;
  private final UsageBuffer usageBuffer;
  private final RunStore store;
  private final AuditService audits;
  private final ApiAuth auth;
  private final UploadRoutes uploads;
  private final RunRoutes runs;
  private final OverviewRoutes overview;
  private final ShareRoutes shares;
  private final Dashboard dashboard;
  private final Javalin app;
  private volatile boolean stopped;

  private SignalcheckServer(ServerConfig config) {
    this.config = config;
    this.pool = new LedgerPool(config.ledger(), 6);
    this.usageBuffer = new UsageBuffer(pool);
    this.store = new RunStore(config.data());
    this.audits = new AuditService(config, store, pool);
    this.auth = new ApiAuth(pool, usageBuffer);
    this.uploads = new UploadRoutes(config, store, audits);
    this.runs = new RunRoutes(pool, store);
    this.overview = new OverviewRoutes(pool, usageBuffer);
    this.shares = new ShareRoutes(pool, store, runs);
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

  private void routes() {
    app.before(
        ctx -> {
          ctx.header("Content-Security-Policy", Responses.API_CSP);
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("Referrer-Policy", "no-referrer");
          ctx.header("Cache-Control", "no-store");
        });
    app.before("/api/v1/*", auth::authenticate);
    app.after("/api/v1/*", auth::recordUse);

    app.get("/healthz", this::health);
    app.get("/api/v1/healthz", this::health);
    app.post("/api/v1/audits", uploads::postAudit);
    app.post("/api/v1/runs", uploads::postRun);
    app.get("/api/v1/runs", runs::list);
    app.get("/api/v1/runs/{id}", runs::get);
    app.get("/api/v1/runs/{id}/report.html", ctx -> runs.reportFile(ctx, "report.html"));
    app.get("/api/v1/runs/{id}/report.json", ctx -> runs.reportFile(ctx, "report.json"));
    app.get("/api/v1/projects", overview::projects);
    app.get("/api/v1/compare", overview::compare);
    app.get("/api/v1/usage", overview::usage);
    app.get("/api/v1/sources", overview::sources);
    app.post("/api/v1/shares", shares::create);
    app.delete("/api/v1/shares/{id}", shares::revoke);
    app.get("/s/{token}", shares::view);
    dashboard.routes(app);

    app.exception(PageContext.Redirected.class, (e, ctx) -> {});

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
    String tooLarge = uploads.tooLarge(e);
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

  private void health(Context ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", stopped || audits.draining() ? "stopping" : "ok");
    m.put("version", Version.current());
    m.put("ledger", config.ledger().dialect().name().toLowerCase(Locale.ROOT));
    json(ctx, stopped ? 503 : 200, m);
  }
}
