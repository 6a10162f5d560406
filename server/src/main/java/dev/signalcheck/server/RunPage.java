package dev.signalcheck.server;

import static dev.signalcheck.server.Html.esc;
import static dev.signalcheck.server.Html.url;

import dev.signalcheck.ledger.LedgerQueries;
import dev.signalcheck.ledger.Usage;
import dev.signalcheck.report.HtmlReport;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One run: its summary, whether its report embeds raw values, the form that makes a share link, its
 * share links, and its report drawn into the page by the report's own {@code
 * window.signalcheck.render(data, root)} from the data of its stored report.html ({@code run.js}).
 */
final class RunPage {
  private final PageContext pc;
  private final LedgerPool pool;
  private final RunStore store;

  RunPage(PageContext pc, RunStore store) {
    this.pc = pc;
    this.pool = pc.pool();
    this.store = store;
  }

  void show(Context ctx) {
    Sessions.Session s = pc.session(ctx);
    long id = Params.runId(ctx.pathParam("id"));
    record Data(LedgerQueries.RunRow run, List<Shares.Share> shares) {}
    Data d = pool.with(l -> new Data(RunRoutes.run(l, id), Shares.ofRun(l, id)));
    pc.record(s, "view-run", d.run().project(), id);
    page(ctx, s, d.run(), d.shares(), null);
  }

  private void page(
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
    boolean redacted = store.redacted(id);
    String values =
        redacted
            ? "it is redacted: its charts show values scaled to [0, 1]"
            : "its charts show the series' raw values";
    boolean html = store.file(id, "report.html").isPresent();
    if (html || store.file(id, "report.json").isPresent()) {
      b.append("<p class=\"note redaction\" data-redacted=\"")
          .append(redacted)
          .append("\">")
          .append(
              redacted
                  ? "Redacted report: its charts show every series scaled to [0, 1] and its tables"
                      + " hold no raw values; it can be sent outside the team."
                  : "This report embeds the series' raw values: share it only with those who may"
                      + " see the data (audit with redact for a report scaled to [0, 1]).")
          .append("</p>");
    }
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
    if (!html) {
      b.append("<p class=\"note\">This run's report.html is not stored on this server (it was")
          .append(" recorded from the command line without <code>--push</code>).</p>");
      PageContext.html(ctx, 200, Html.page("Run " + id, s.name(), s.csrf(), b.toString()));
      return;
    }
    // the report drawn into this page by its own script, from the data of its stored report.html
    b.append("<p class=\"muted\">The run's report, drawn here from its data; <a href=\"/runs/")
        .append(id)
        .append("/report.html\">open it as a page of its own</a>.</p>")
        .append("<div id=\"run-report\" class=\"run-report\" data-src=\"/runs/")
        .append(id)
        .append("/report-data.json\"><p class=\"loading\">Loading the report…</p></div>")
        .append("<noscript><p class=\"note\">The report is drawn with JavaScript, which is")
        .append(" turned off; open it as a page of its own.</p></noscript>");
    String page =
        Html.page(
            "Run " + id,
            s.name(),
            s.csrf(),
            b.toString(),
            List.of("/static/uplot.css", "/static/report.css"),
            List.of("/static/uplot.js", "/static/report.js", "/static/run.js"));
    PageContext.html(ctx, 200, page, Html.RUN_CSP);
  }

  /**
   * The report data of a run (the JSON data block of its stored report.html, which the run page's
   * script draws): a view of the report, counted as one.
   */
  void data(Context ctx) throws IOException {
    Sessions.Session s = pc.session(ctx);
    long id = Params.runId(ctx.pathParam("id"));
    LedgerQueries.RunRow r = pool.with(l -> RunRoutes.run(l, id));
    Path f =
        store
            .file(id, "report.html")
            .orElseThrow(
                () -> new HttpResponseException(404, "run " + id + " has no stored report"));
    String json = HtmlReport.embeddedData(Files.readString(f, StandardCharsets.UTF_8));
    if (json == null) {
      throw new HttpResponseException(
          404, "the stored report.html of run " + id + " holds no report data block");
    }
    pc.record(s, "view-report", r.project(), id);
    ctx.header("Content-Security-Policy", Responses.API_CSP);
    ctx.contentType("application/json");
    ctx.result(json);
  }

  void report(Context ctx) throws IOException {
    Sessions.Session s = pc.session(ctx);
    long id = Params.runId(ctx.pathParam("id"));
    LedgerQueries.RunRow r = pool.with(l -> RunRoutes.run(l, id));
    var f =
        store
            .file(id, "report.html")
            .orElseThrow(
                () -> new HttpResponseException(404, "run " + id + " has no stored report"));
    pc.record(s, "view-report", r.project(), id);
    ctx.header("Content-Security-Policy", Responses.REPORT_CSP);
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(java.nio.file.Files.newInputStream(f));
  }

  void share(Context ctx) {
    Sessions.Session s = pc.session(ctx);
    PageContext.checkCsrf(ctx, s.csrf());
    if (!s.scope().includes(Scope.WRITE)) {
      throw new HttpResponseException(403, "making a share link needs a write token");
    }
    long id = Params.runId(ctx.pathParam("id"));
    Instant expires = Params.expiry(ctx.formParam("expiresInDays"));
    record Data(LedgerQueries.RunRow run, Shares.Created created, List<Shares.Share> shares) {}
    Data d =
        pool.with(
            l -> {
              LedgerQueries.RunRow r = RunRoutes.run(l, id);
              Shares.Created c = Shares.create(l, id, s.name(), expires);
              Usage.record(
                  l, new Usage.Event(s.name(), "token", "dashboard", "share", r.project(), id));
              return new Data(r, c, Shares.ofRun(l, id));
            });
    String link = ctx.scheme() + "://" + ctx.host() + "/s/" + d.created().value();
    page(ctx, s, d.run(), d.shares(), link);
  }
}
