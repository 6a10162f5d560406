package dev.signalcheck.server;

import static dev.signalcheck.server.Html.esc;
import static dev.signalcheck.server.Html.url;

import dev.signalcheck.ledger.Usage;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Usage per project and per run: events, views, distinct and repeat actors, first and last use, a
 * weekly chart, and runs that were opened once and never again.
 */
final class UsagePage {
  private final PageContext pc;
  private final LedgerPool pool;

  /** The API's buffered usage events, written before the page reads them. */
  private final UsageBuffer usageBuffer;

  UsagePage(PageContext pc, UsageBuffer usageBuffer) {
    this.pc = pc;
    this.pool = pc.pool();
    this.usageBuffer = usageBuffer;
  }

  void show(Context ctx) {
    Sessions.Session s = pc.session(ctx);
    String project = Params.blankToNull(ctx.queryParam("project"));
    usageBuffer.flush();
    Usage.Report r = pool.with(l -> Usage.report(l, project, null, 100));
    pc.record(s, "view-usage", project, null);
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
    PageContext.html(ctx, 200, Html.page("Usage", s.name(), s.csrf(), b.toString()));
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
}
