package dev.signalcheck.server;

import static dev.signalcheck.server.Html.esc;
import static dev.signalcheck.server.Html.url;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerQueries;
import dev.signalcheck.ledger.Usage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard: server-rendered pages over the ledger. Sign-in with a token gives a session cookie
 * (HttpOnly, SameSite=Strict; the token itself is never stored in the browser); every form that
 * changes something carries the session's CSRF token. Pages: projects on one scale (beside the
 * reference populations), a project's runs over time (paged and sorted in the database), a run (its
 * report.html), compare, usage.
 */
final class Dashboard {
  static final String COOKIE = "sc_session";
  static final String PRE_COOKIE = "sc_login";
  static final int PAGE = 50;
  private static final Duration SESSION = Duration.ofHours(12);

  private final LedgerPool pool;
  private final RunStore store;

  /** A signed-in browser: the token it signed in with, and its CSRF token. */
  /** The API's buffered usage events, written before the usage page reads them. */
  private final UsageBuffer usageBuffer;

  Dashboard(LedgerPool pool, RunStore store, UsageBuffer usageBuffer) {
    this.pool = pool;
    this.store = store;
    this.usageBuffer = usageBuffer;
  }

  void routes(Javalin app) {
    app.before(
        ctx -> {
          String p = ctx.path();
          if (!p.startsWith("/api/") && !p.startsWith("/s/") && !p.equals("/healthz")) {
            ctx.header("Content-Security-Policy", Html.CSP);
          }
        });
    app.get("/static/dashboard.css", this::css);
    app.get("/login", this::loginPage);
    app.post("/login", this::login);
    app.post("/logout", this::logout);
    app.get("/", this::projects);
    app.get("/projects/{name}", this::project);
    app.get("/runs/{id}", this::run);
    app.get("/runs/{id}/report.html", this::report);
    app.post("/runs/{id}/share", this::share);
    app.get("/compare", this::compare);
    app.get("/usage", this::usage);
    app.get("/sources", this::sources);
  }

  private void sources(Context ctx) {
    Sessions.Session s = session(ctx);
    List<java.util.Map<String, Object>> docs =
        pool.with(
            l ->
                dev.signalcheck.sources.SourceHealth.docs(
                    new dev.signalcheck.sources.SourceLedger(l).statuses(),
                    java.time.Instant.now()));
    record(s, "view-sources", null, null);
    html(ctx, 200, Html.page("Sources", s.name(), s.csrf(), SourcesPage.body(docs)));
  }

  // ------------------------------------------------------------ sessions

  private static void setCookie(Context ctx, String name, String value, long maxAge) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/; Max-Age="
                + maxAge
                + "; HttpOnly; SameSite=Strict"
                + (ctx.scheme().equals("https") ? "; Secure" : ""));
  }

  /** The session of this request, or a redirect to the sign-in page. */
  private Sessions.Session session(Context ctx) {
    Sessions.Session s = current(ctx);
    if (s == null) {
      ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
      throw new Redirected();
    }
    return s;
  }

  private Sessions.Session current(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id == null) {
      return null;
    }
    // null when unknown, expired (then removed) or its token was revoked since
    return pool.with(l -> Sessions.find(l, id)).orElse(null);
  }

  /** Checks the CSRF field of a state-changing form against the session's. */
  private static void checkCsrf(Context ctx, String expected) {
    String got = ctx.formParam("csrf");
    if (got == null
        || expected == null
        || !java.security.MessageDigest.isEqual(got.getBytes(), expected.getBytes())) {
      throw new HttpResponseException(
          403, "this form has expired or did not come from this dashboard; reload the page");
    }
  }

  /** Thrown after a redirect was set, to end the handler. */
  static final class Redirected extends RuntimeException {
    Redirected() {
      super(null, null, false, false);
    }
  }

  private void html(Context ctx, int status, String page) {
    ctx.status(status);
    ctx.contentType("text/html; charset=utf-8");
    ctx.header("Content-Security-Policy", Html.CSP);
    ctx.result(page);
  }

  private void record(Sessions.Session s, String action, String project, Long run) {
    try {
      pool.with(
          l -> {
            Usage.record(l, new Usage.Event(s.name(), "token", "dashboard", action, project, run));
            return null;
          });
    } catch (RuntimeException ignored) {
      // a page is still shown when its view cannot be counted
    }
  }

  // ------------------------------------------------------------ pages

  private void css(Context ctx) throws IOException {
    try (InputStream in = Dashboard.class.getResourceAsStream("dashboard.css")) {
      ctx.contentType("text/css; charset=utf-8");
      ctx.header("Cache-Control", "max-age=3600");
      ctx.result(in.readAllBytes());
    }
  }

  private void loginPage(Context ctx) {
    loginForm(ctx, 200, null);
  }

  private void loginForm(Context ctx, int status, String error) {
    String pre = Secrets.random(18);
    setCookie(ctx, PRE_COOKIE, pre, 600);
    String body =
        "<h1>Sign in</h1>"
            + (error == null ? "" : "<p class=\"error\">" + esc(error) + "</p>")
            + "<form class=\"card\" method=\"post\" action=\"/login\">"
            + Html.csrfField(pre)
            + "<p><label>API token<br><input type=\"password\" name=\"token\" size=\"70\""
            + " autocomplete=\"off\" required></label></p>"
            + "<p><button type=\"submit\">Sign in</button></p>"
            + "<p class=\"muted\">A token from <code>signalcheck token create --name NAME --scope"
            + " read</code>. The browser keeps a session cookie, never the token.</p></form>";
    html(ctx, status, Html.page("Sign in", null, null, body));
  }

  private void login(Context ctx) {
    checkCsrf(ctx, ctx.cookie(PRE_COOKIE));
    String token = ctx.formParam("token");
    Optional<Tokens.TokenInfo> t = pool.with(l -> Tokens.authenticate(l, token));
    if (t.isEmpty()) {
      loginForm(ctx, 401, "That token is unknown or revoked.");
      return;
    }
    Sessions.Started started =
        pool.with(
            l -> {
              Sessions.purge(l);
              return Sessions.start(l, t.get(), SESSION);
            });
    Sessions.Session s = started.session();
    setCookie(ctx, COOKIE, started.id(), SESSION.toSeconds());
    setCookie(ctx, PRE_COOKIE, "", 0);
    record(s, "sign-in", null, null);
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    Sessions.Session s = session(ctx);
    checkCsrf(ctx, s.csrf());
    pool.with(
        l -> {
          Sessions.end(l, ctx.cookie(COOKIE));
          return null;
        });
    setCookie(ctx, COOKIE, "", 0);
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void projects(Context ctx) {
    Sessions.Session s = session(ctx);
    List<LedgerQueries.ProjectRow> ps = pool.with(l -> new LedgerQueries(l).projects());
    record(s, "view-projects", null, null);
    StringBuilder b = new StringBuilder("<h1>Projects on one scale</h1>");
    List<Svg.Range> ranges = new ArrayList<>();
    for (LedgerQueries.ProjectRow p : ps) {
      LedgerQueries.Quartiles q = p.bestMase();
      if (q.median() != null) {
        ranges.add(new Svg.Range(p.name(), q.q1(), q.median(), q.q3(), p.reference()));
      }
    }
    b.append(
        "<p class=\"muted\">Best MASE of each project's series (latest run of each data set):"
            + " quartile box and median; lower is better. Reference populations (grey) are"
            + " signalcheck's own audits of M4 and M3.</p>");
    b.append("<p class=\"legend\"><span><i class=\"sw proj\"></i>your projects</span>")
        .append("<span><i class=\"sw ref\"></i>reference populations</span></p>");
    b.append(Svg.ranges(ranges));
    b.append("<h2>All projects</h2><table class=\"projects\"><thead><tr><th>project</th>")
        .append("<th class=\"num\">runs</th><th class=\"num\">series</th>")
        .append("<th class=\"num\">strong</th><th class=\"num\">weak</th>")
        .append("<th class=\"num\">none</th><th class=\"num\">insufficient</th>")
        .append("<th class=\"num\">best MASE median</th><th>latest run</th></tr></thead><tbody>");
    for (LedgerQueries.ProjectRow p : ps) {
      b.append("<tr><td><a href=\"/projects/")
          .append(url(p.name()))
          .append("\">")
          .append(esc(p.name()))
          .append("</a>")
          .append(p.reference() ? " <span class=\"muted\">(reference)</span>" : "")
          .append("</td><td class=\"num\">")
          .append(p.runs())
          .append("</td><td class=\"num\">")
          .append(p.series())
          .append("</td><td class=\"num\">")
          .append(Html.pct(p.shareStrong()))
          .append("</td><td class=\"num\">")
          .append(Html.pct(p.shareWeak()))
          .append("</td><td class=\"num\">")
          .append(Html.pct(p.shareNone()))
          .append("</td><td class=\"num\">")
          .append(Html.pct(p.shareInsufficientData()))
          .append("</td><td class=\"num\">")
          .append(Html.num(p.bestMase().median(), 3))
          .append("</td><td><a href=\"/runs/")
          .append(p.latestRun())
          .append("\">run ")
          .append(p.latestRun())
          .append("</a> <span class=\"muted\">")
          .append(Html.time(p.latestRunAt()))
          .append("</span></td></tr>");
    }
    b.append("</tbody></table>");
    html(ctx, 200, Html.page("Projects", s.name(), s.csrf(), b.toString()));
  }

  /** Sortable columns of the runs table: parameter → SQL (never the parameter itself). */
  private static final Map<String, String> SORTS =
      Map.of(
          "started", "r.started_at",
          "id", "r.id",
          "series", "r.series_count",
          "strong", "r.strong",
          "weak", "r.weak",
          "none", "r.no_signal",
          "critical", "r.critical",
          "warning", "r.warning");

  record RunLine(
      long id,
      Instant startedAt,
      String source,
      long series,
      long strong,
      long weak,
      long none,
      long insufficient,
      long critical,
      long warning,
      String user) {}

  private void project(Context ctx) {
    Sessions.Session s = session(ctx);
    String name = ctx.pathParam("name");
    String sort = ctx.queryParam("sort") == null ? "started" : ctx.queryParam("sort");
    String sortSql = SORTS.get(sort);
    if (sortSql == null) {
      throw new UsageException(
          "sort '"
              + SignalcheckServer.clip(sort)
              + "' is not one of "
              + String.join(", ", SORTS.keySet()));
    }
    boolean asc = "asc".equals(ctx.queryParam("dir"));
    int page = SignalcheckServer.intParam(ctx, "page", 1, 1, 1_000_000);
    record Data(
        long projectId,
        long total,
        List<RunLine> rows,
        Map<Long, Double> medians,
        List<Svg.RunPoint> chart) {}
    Data d =
        pool.with(
            l -> {
              List<Long> pid =
                  Db.query(l, "SELECT id FROM project WHERE name = ?", rs -> rs.getLong(1), name);
              if (pid.isEmpty()) {
                throw new HttpResponseException(
                    404, "no project '" + SignalcheckServer.clip(name) + "'");
              }
              long id = pid.get(0);
              long total =
                  Db.query(
                          l,
                          "SELECT COUNT(*) FROM run WHERE project_id = ? AND complete",
                          rs -> rs.getLong(1),
                          id)
                      .get(0);
              String dir = asc ? "ASC" : "DESC";
              List<RunLine> rows =
                  Db.query(
                      l,
                      "SELECT r.id, r.started_at, d.source, r.series_count, r.strong, r.weak,"
                          + " r.no_signal, r.insufficient_data, r.critical, r.warning, r.os_user"
                          + " FROM run r LEFT JOIN dataset d ON d.id = r.dataset_id WHERE"
                          + " r.project_id = ? AND r.complete ORDER BY "
                          + sortSql
                          + " "
                          + dir
                          + ", r.id "
                          + dir
                          + " LIMIT ? OFFSET ?",
                      rs -> runLine(l, rs),
                      id,
                      PAGE,
                      (page - 1) * PAGE);
              List<RunLine> recent =
                  Db.query(
                      l,
                      "SELECT r.id, r.started_at, NULL AS source, r.series_count, r.strong, r.weak,"
                          + " r.no_signal, r.insufficient_data, r.critical, r.warning, r.os_user"
                          + " FROM run r WHERE r.project_id = ? AND r.complete ORDER BY"
                          + " r.started_at DESC, r.id DESC LIMIT 200",
                      rs -> runLine(l, rs),
                      id);
              List<Long> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.id()));
              recent.forEach(r -> ids.add(r.id()));
              Map<Long, Double> med = medians(l, ids);
              List<Svg.RunPoint> chart = new ArrayList<>();
              for (int i = recent.size() - 1; i >= 0; i--) {
                RunLine r = recent.get(i);
                chart.add(
                    new Svg.RunPoint(
                        r.id(), r.strong(), r.weak(), r.none(), r.insufficient(), med.get(r.id())));
              }
              return new Data(id, total, rows, med, chart);
            });
    record(s, "view-project", name, null);
    StringBuilder b = new StringBuilder();
    b.append("<h1>Project ").append(esc(name)).append("</h1>");
    b.append("<p class=\"muted\">")
        .append(d.total())
        .append(d.total() == 1 ? " run" : " runs")
        .append(". The chart shows the latest ")
        .append(d.chart().size())
        .append(
            ": verdict shares per run (bars) and the median best MASE (line): is the data"
                + " getting better?</p>");
    b.append("<p class=\"legend\"><span><i class=\"sw strong\"></i>strong</span>")
        .append("<span><i class=\"sw weak\"></i>weak</span>")
        .append("<span><i class=\"sw none\"></i>none</span>")
        .append("<span><i class=\"sw insufficient\"></i>insufficient data</span>")
        .append("<span>line: median best MASE</span></p>");
    b.append(Svg.runs(d.chart()));
    String base = "/projects/" + url(name);
    b.append("<h2>Runs</h2><table class=\"runs\"><thead><tr>");
    for (String[] col :
        new String[][] {
          {"id", "run"},
          {"started", "started (UTC)"},
          {null, "input"},
          {"series", "series"},
          {"strong", "strong"},
          {"weak", "weak"},
          {"none", "none"},
          {null, "insufficient"},
          {null, "median best MASE"},
          {"critical", "critical"},
          {"warning", "warning"},
          {null, "by"}
        }) {
      boolean numeric =
          !col[1].equals("input") && !col[1].equals("by") && !col[1].startsWith("started");
      b.append("<th").append(numeric ? " class=\"num\"" : "").append(">");
      if (col[0] == null) {
        b.append(esc(col[1]));
      } else {
        boolean current = col[0].equals(sort);
        String nextDir = current && !asc ? "asc" : "desc";
        b.append("<a href=\"")
            .append(base)
            .append("?sort=")
            .append(col[0])
            .append("&amp;dir=")
            .append(nextDir)
            .append("\">")
            .append(esc(col[1]))
            .append(current ? (asc ? " ▲" : " ▼") : "")
            .append("</a>");
      }
      b.append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (RunLine r : d.rows()) {
      b.append("<tr><td class=\"num\"><a href=\"/runs/")
          .append(r.id())
          .append("\">")
          .append(r.id())
          .append("</a></td><td>")
          .append(Html.time(r.startedAt()))
          .append("</td><td>")
          .append(esc(Svg.clip(r.source(), 40)))
          .append("</td><td class=\"num\">")
          .append(r.series())
          .append("</td><td class=\"num\">")
          .append(r.strong())
          .append("</td><td class=\"num\">")
          .append(r.weak())
          .append("</td><td class=\"num\">")
          .append(r.none())
          .append("</td><td class=\"num\">")
          .append(r.insufficient())
          .append("</td><td class=\"num\">")
          .append(Html.num(d.medians().get(r.id()), 3))
          .append("</td><td class=\"num\">")
          .append(r.critical())
          .append("</td><td class=\"num\">")
          .append(r.warning())
          .append("</td><td>")
          .append(esc(r.user()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    long pages = Math.max(1, (d.total() + PAGE - 1) / PAGE);
    String q = "sort=" + sort + "&amp;dir=" + (asc ? "asc" : "desc");
    b.append("<p class=\"pager\">");
    if (page > 1) {
      b.append("<a href=\"")
          .append(base)
          .append('?')
          .append(q)
          .append("&amp;page=")
          .append(page - 1)
          .append("\">← newer</a>");
    }
    b.append("<span>page ").append(page).append(" of ").append(pages).append("</span>");
    if (page < pages) {
      b.append("<a rel=\"next\" href=\"")
          .append(base)
          .append('?')
          .append(q)
          .append("&amp;page=")
          .append(page + 1)
          .append("\">older →</a>");
    }
    b.append("</p>");
    html(ctx, 200, Html.page("Project " + name, s.name(), s.csrf(), b.toString()));
  }

  private static RunLine runLine(Ledger l, java.sql.ResultSet rs) throws java.sql.SQLException {
    return new RunLine(
        rs.getLong(1),
        l.dialect().getTime(rs, "started_at"),
        rs.getString(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getLong(10),
        rs.getString(11));
  }

  /** The median best MASE of each of these runs (those with any). */
  static Map<Long, Double> medians(Ledger l, List<Long> runIds) {
    Map<Long, List<Double>> v = new HashMap<>();
    List<Long> distinct = runIds.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += 200) {
      List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + 200));
      String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      Db.query(
          l,
          "SELECT run_id, best_mase FROM series WHERE run_id IN ("
              + in
              + ") AND best_mase IS NOT NULL",
          rs -> {
            v.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getDouble(2));
            return null;
          },
          chunk.toArray());
    }
    Map<Long, Double> out = new HashMap<>();
    v.forEach(
        (k, xs) -> {
          double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          int n = a.length;
          out.put(k, n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2);
        });
    return out;
  }

  private void run(Context ctx) {
    Sessions.Session s = session(ctx);
    long id = SignalcheckServer.runId(ctx.pathParam("id"));
    record Data(LedgerQueries.RunRow run, List<Shares.Share> shares) {}
    Data d = pool.with(l -> new Data(SignalcheckServer.run(l, id), Shares.ofRun(l, id)));
    record(s, "view-run", d.run().project(), id);
    runPage(ctx, s, d.run(), d.shares(), null);
  }

  private void runPage(
      Context ctx,
      Sessions.Session s,
      LedgerQueries.RunRow r,
      List<Shares.Share> shares,
      String newLink) {
    long id = r.id();
    StringBuilder b = new StringBuilder();
    b.append("<h1>Run ")
        .append(id)
        .append(" · <a href=\"/projects/")
        .append(url(r.project()))
        .append("\">")
        .append(esc(r.project()))
        .append("</a></h1>");
    b.append("<p class=\"card\">")
        .append(esc(r.source()))
        .append(" · started ")
        .append(Html.time(r.startedAt()))
        .append(" UTC · ")
        .append(r.series())
        .append(" series: strong ")
        .append(r.strong())
        .append(", weak ")
        .append(r.weak())
        .append(", none ")
        .append(r.none())
        .append(", insufficient data ")
        .append(r.insufficientData())
        .append(" · findings: critical ")
        .append(r.critical())
        .append(", warning ")
        .append(r.warning())
        .append(", info ")
        .append(r.info())
        .append(" · <a href=\"/compare?b=")
        .append(id)
        .append("\">compare with…</a></p>");
    // whether the stored report embeds the series' raw values (it does unless audited with redact)
    String values =
        store.file(id, AuditService.REDACTED).isPresent()
            ? "it is redacted: its charts show values scaled to [0, 1]"
            : "its charts show the series' raw values";
    if (newLink != null) {
      b.append("<div class=\"note\"><p>Share link (shown once; anyone with it can read this")
          .append(" report until it expires or is revoked — ")
          .append(values)
          .append("):</p>")
          .append("<p><code class=\"link\">")
          .append(esc(newLink))
          .append("</code></p></div>");
    }
    if (s.scope().includes(Scope.WRITE)) {
      b.append("<form class=\"card\" method=\"post\" action=\"/runs/")
          .append(id)
          .append("/share\">")
          .append(Html.csrfField(s.csrf()))
          .append("Share this report with a client: link valid for ")
          .append(
              "<input type=\"number\" name=\"expiresInDays\" value=\"30\" min=\"0\" max=\"3650\">")
          .append(" days (0: no expiry) <button type=\"submit\">Make a link</button>")
          .append(" <span class=\"muted\">The report: ")
          .append(values)
          .append(".</span>")
          .append("</form>");
    }
    if (!shares.isEmpty()) {
      b.append("<p class=\"muted\">Share links of this run: ");
      for (Shares.Share sh : shares) {
        b.append("#")
            .append(sh.id())
            .append(" by ")
            .append(esc(sh.createdBy()))
            .append(
                sh.revokedAt() != null
                    ? " (revoked)"
                    : sh.expiresAt() == null
                        ? " (no expiry)"
                        : " (until " + Html.time(sh.expiresAt()) + ")")
            .append("; ");
      }
      b.append("</p>");
    }
    if (store.file(id, "report.html").isPresent()) {
      b.append("<iframe class=\"report\" title=\"report of run ")
          .append(id)
          .append("\" src=\"/runs/")
          .append(id)
          .append("/report.html\"></iframe>");
    } else {
      b.append("<p class=\"note\">This run's report.html is not stored on this server (it was")
          .append(" recorded from the command line without <code>--push</code>).</p>");
    }
    html(ctx, 200, Html.page("Run " + id, s.name(), s.csrf(), b.toString()));
  }

  private void report(Context ctx) throws IOException {
    Sessions.Session s = session(ctx);
    long id = SignalcheckServer.runId(ctx.pathParam("id"));
    LedgerQueries.RunRow r = pool.with(l -> SignalcheckServer.run(l, id));
    var f =
        store
            .file(id, "report.html")
            .orElseThrow(
                () -> new HttpResponseException(404, "run " + id + " has no stored report"));
    record(s, "view-report", r.project(), id);
    ctx.header("Content-Security-Policy", SignalcheckServer.REPORT_CSP);
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(java.nio.file.Files.newInputStream(f));
  }

  private void share(Context ctx) {
    Sessions.Session s = session(ctx);
    checkCsrf(ctx, s.csrf());
    if (!s.scope().includes(Scope.WRITE)) {
      throw new HttpResponseException(403, "making a share link needs a write token");
    }
    long id = SignalcheckServer.runId(ctx.pathParam("id"));
    Instant expires = SignalcheckServer.expiry(ctx.formParam("expiresInDays"));
    record Data(LedgerQueries.RunRow run, Shares.Created created, List<Shares.Share> shares) {}
    Data d =
        pool.with(
            l -> {
              LedgerQueries.RunRow r = SignalcheckServer.run(l, id);
              Shares.Created c = Shares.create(l, id, s.name(), expires);
              Usage.record(
                  l, new Usage.Event(s.name(), "token", "dashboard", "share", r.project(), id));
              return new Data(r, c, Shares.ofRun(l, id));
            });
    String link = ctx.scheme() + "://" + ctx.host() + "/s/" + d.created().value();
    runPage(ctx, s, d.run(), d.shares(), link);
  }

  private void compare(Context ctx) {
    Sessions.Session s = session(ctx);
    String a = ctx.queryParam("a");
    String bb = ctx.queryParam("b");
    StringBuilder b = new StringBuilder("<h1>Compare two runs</h1>");
    b.append("<form class=\"card\" method=\"get\" action=\"/compare\">Run A <input type=\"text\"")
        .append(" name=\"a\" size=\"8\" value=\"")
        .append(esc(a))
        .append("\"> run B <input type=\"text\" name=\"b\" size=\"8\" value=\"")
        .append(esc(bb))
        .append("\"> <button type=\"submit\">Compare</button></form>");
    if (a != null && bb != null && !a.isBlank() && !bb.isBlank()) {
      long ia = SignalcheckServer.runId(a.strip());
      long ib = SignalcheckServer.runId(bb.strip());
      LedgerQueries.Comparison c =
          pool.with(
              l ->
                  new LedgerQueries(l)
                      .compare(SignalcheckServer.run(l, ia), SignalcheckServer.run(l, ib)));
      record(s, "compare", c.b().project(), ib);
      b.append("<p>Run <a href=\"/runs/")
          .append(ia)
          .append("\">")
          .append(ia)
          .append("</a> (")
          .append(esc(c.a().project()))
          .append(", ")
          .append(Html.time(c.a().startedAt()))
          .append(") → run <a href=\"/runs/")
          .append(ib)
          .append("\">")
          .append(ib)
          .append("</a> (")
          .append(esc(c.b().project()))
          .append(", ")
          .append(Html.time(c.b().startedAt()))
          .append("): ")
          .append(c.seriesInBoth())
          .append(" series in both, ")
          .append(c.onlyInA().size())
          .append(" only in A, ")
          .append(c.onlyInB().size())
          .append(" only in B.</p>");
      b.append("<h2>Verdicts that changed (").append(c.verdictChanges().size()).append(")</h2>");
      b.append(
              "<table><thead><tr><th>series</th><th>A</th><th>B</th><th class=\"num\">skill A</th>")
          .append("<th class=\"num\">skill B</th></tr></thead><tbody>");
      for (LedgerQueries.VerdictChange v :
          c.verdictChanges().subList(0, Math.min(500, c.verdictChanges().size()))) {
        b.append("<tr><td>")
            .append(esc(v.series()))
            .append("</td><td>")
            .append(esc(v.from()))
            .append("</td><td>")
            .append(esc(v.to()))
            .append("</td><td class=\"num\">")
            .append(Html.num(v.skillFrom(), 3))
            .append("</td><td class=\"num\">")
            .append(Html.num(v.skillTo(), 3))
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
      b.append("<h2>MASE per series and model, same definition (")
          .append(c.maseDeltas().size())
          .append(")</h2>");
      b.append("<table><thead><tr><th>series</th><th>model</th><th class=\"num\">A</th>")
          .append("<th class=\"num\">B</th><th class=\"num\">change</th></tr></thead><tbody>");
      for (LedgerQueries.MaseDelta m :
          c.maseDeltas().subList(0, Math.min(500, c.maseDeltas().size()))) {
        b.append("<tr><td>")
            .append(esc(m.series()))
            .append("</td><td>")
            .append(esc(m.model()))
            .append("</td><td class=\"num\">")
            .append(Html.num(m.a(), 3))
            .append("</td><td class=\"num\">")
            .append(Html.num(m.b(), 3))
            .append("</td><td class=\"num\">")
            .append(String.format(Locale.ROOT, "%+.3f", m.delta()))
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
      if (!c.notComparable().isEmpty()) {
        b.append("<p class=\"note\">")
            .append(c.notComparable().size())
            .append(" series have MASE under different definitions and are not compared.</p>");
      }
      b.append("<h2>Findings new in B (")
          .append(c.newFindings().size())
          .append(") and gone (")
          .append(c.goneFindings().size())
          .append(")</h2><table><thead><tr><th></th><th>series</th>")
          .append(
              "<th>check</th><th>severity</th><th class=\"num\">count</th></tr></thead><tbody>");
      for (var f : c.newFindings().subList(0, Math.min(300, c.newFindings().size()))) {
        findingRow(b, "new", f);
      }
      for (var f : c.goneFindings().subList(0, Math.min(300, c.goneFindings().size()))) {
        findingRow(b, "gone", f);
      }
      b.append("</tbody></table>");
    }
    html(ctx, 200, Html.page("Compare", s.name(), s.csrf(), b.toString()));
  }

  private static void findingRow(StringBuilder b, String what, LedgerQueries.FindingChange f) {
    b.append("<tr><td>")
        .append(what)
        .append("</td><td>")
        .append(esc(f.series() == null ? "(data set)" : f.series()))
        .append("</td><td>")
        .append(esc(f.check()))
        .append("</td><td>")
        .append(esc(f.severity()))
        .append("</td><td class=\"num\">")
        .append(f.count() == null ? "" : f.count())
        .append("</td></tr>");
  }

  private void usage(Context ctx) {
    Sessions.Session s = session(ctx);
    String project = SignalcheckServer.blankToNull(ctx.queryParam("project"));
    usageBuffer.flush();
    Usage.Report r = pool.with(l -> Usage.report(l, project, null, 100));
    record(s, "view-usage", project, null);
    StringBuilder b = new StringBuilder("<h1>Usage");
    if (project != null) {
      b.append(" of ").append(esc(project));
    }
    b.append("</h1><p>")
        .append(r.events())
        .append(" events by ")
        .append(r.actors())
        .append(" actors; <strong>")
        .append(r.repeatActors())
        .append(" repeat actors</strong> (active on two days or more).</p>");
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (Usage.Week w : r.weeks()) {
      labels.add(w.week());
      values.add(w.events());
    }
    b.append(Svg.bars(labels, values, "events per week (week of Monday)"));
    b.append("<h2>Per project</h2><table class=\"usage-projects\"><thead><tr><th>project</th>")
        .append(
            "<th class=\"num\">events</th><th class=\"num\">views</th><th class=\"num\">actors</th>")
        .append(
            "<th class=\"num\">repeat actors</th><th>first use</th><th>last use</th></tr></thead><tbody>");
    for (Usage.Stats p : r.projects()) {
      b.append("<tr><td><a href=\"/usage?project=")
          .append(url(p.project()))
          .append("\">")
          .append(esc(p.project()))
          .append("</a></td>");
      stats(b, p);
    }
    b.append("</tbody></table>");
    b.append("<h2>Per run (most recently used first)</h2><table class=\"usage-runs\"><thead><tr>")
        .append(
            "<th>run</th><th>project</th><th class=\"num\">events</th><th class=\"num\">views</th>")
        .append(
            "<th class=\"num\">actors</th><th class=\"num\">repeat actors</th><th>first use</th>")
        .append("<th>last use</th><th></th></tr></thead><tbody>");
    for (Usage.Stats u : r.runs()) {
      b.append("<tr><td><a href=\"/runs/")
          .append(u.runId())
          .append("\">")
          .append(u.runId())
          .append("</a></td><td>")
          .append(esc(u.project()))
          .append("</td>");
      stats(b, u);
      b.setLength(b.length() - "</tr>".length());
      b.append("<td>")
          .append(
              u.views() == 0 ? "never viewed" : u.views() == 1 ? "viewed once, never again" : "")
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    html(ctx, 200, Html.page("Usage", s.name(), s.csrf(), b.toString()));
  }

  private static void stats(StringBuilder b, Usage.Stats p) {
    b.append("<td class=\"num\">")
        .append(p.events())
        .append("</td><td class=\"num\">")
        .append(p.views())
        .append("</td><td class=\"num\">")
        .append(p.actors())
        .append("</td><td class=\"num\">")
        .append(p.repeatActors())
        .append("</td><td>")
        .append(Html.time(p.first()))
        .append("</td><td>")
        .append(Html.time(p.last()))
        .append("</td></tr>");
  }

  /** Error pages of the dashboard: HTML, not JSON, for a browser. */
  static boolean isDashboardPath(String path) {
    return !path.startsWith("/api/") && !path.startsWith("/s/") && !path.equals("/healthz");
  }

  static String errorPage(int status, String message) {
    return Html.page(
        "Error " + status,
        null,
        null,
        "<h1>Error "
            + status
            + "</h1><p class=\"error\">"
            + esc(message)
            + "</p><p><a href=\"/\">Back to the projects</a></p>");
  }

  static Map<String, Object> noArgs() {
    return new LinkedHashMap<>();
  }
}
