package dev.signalcheck.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/**
 * The dashboard: server-rendered pages over the ledger. Sign-in with a token gives a session cookie
 * (HttpOnly, SameSite=Strict; the token itself is never stored in the browser); every form that
 * changes something carries the session's CSRF token. This class holds the route table; each page
 * is a class of its own ({@link LoginPage}, {@link ProjectsPage}, {@link ProjectPage}, {@link
 * RunPage}, {@link ComparePage}, {@link UsagePage}, {@link SourcesPage}), sharing {@link
 * PageContext} (session, CSRF, answer, usage) and {@link Html} (escaping, the page frame); {@link
 * StaticFiles} serves the style sheets and scripts.
 */
final class Dashboard {
  static final String COOKIE = "sc_session";

  private final PageContext pc;
  private final LoginPage login;
  private final ProjectsPage projects;
  private final ProjectPage project;
  private final RunPage run;
  private final ComparePage compare;
  private final UsagePage usage;
  private final StaticFiles files = new StaticFiles();

  Dashboard(LedgerPool pool, RunStore store, UsageBuffer usageBuffer) {
    this.pc = new PageContext(pool);
    this.login = new LoginPage(pc);
    this.projects = new ProjectsPage(pc);
    this.project = new ProjectPage(pc);
    this.run = new RunPage(pc, store);
    this.compare = new ComparePage(pc);
    this.usage = new UsagePage(pc, usageBuffer);
  }

  void routes(Javalin app) {
    app.before(
        ctx -> {
          String p = ctx.path();
          if (isDashboardPath(ctx.path())) {
            ctx.header("Content-Security-Policy", Html.CSP);
          }
        });
    files.routes(app);
    app.get("/login", login::form);
    app.post("/login", login::login);
    app.post("/logout", login::logout);
    app.get("/", projects::show);
    app.get("/projects/{name}", project::show);
    app.get("/runs/{id}", run::show);
    app.get("/runs/{id}/report.html", run::report);
    app.get("/runs/{id}/report-data.json", run::data);
    app.post("/runs/{id}/share", run::share);
    app.get("/compare", compare::show);
    app.get("/usage", usage::show);
    app.get("/sources", this::sources);
  }

  private void sources(Context ctx) {
    Sessions.Session s = pc.session(ctx);
    List<java.util.Map<String, Object>> docs =
        pc.pool()
            .with(
                l ->
                    dev.signalcheck.sources.SourceHealth.docs(
                        new dev.signalcheck.sources.SourceLedger(l).statuses(),
                        java.time.Instant.now()));
    pc.record(s, "view-sources", null, null);
    PageContext.html(ctx, 200, Html.page("Sources", s.name(), s.csrf(), SourcesPage.body(docs)));
  }

  /** Whether a path is the dashboard's, whose errors are HTML pages, not JSON. */
  static boolean isDashboardPath(String path) {
    return !path.startsWith("/api/") && !path.startsWith("/s/") && !path.equals("/healthz");
  }
}
