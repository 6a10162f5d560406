package dev.signalcheck.server;

import static dev.signalcheck.server.Html.esc;
import static dev.signalcheck.server.Html.url;

import dev.signalcheck.ledger.LedgerQueries;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** The dashboard's first page: every project on one scale beside the reference populations. */
final class ProjectsPage {
  private final PageContext pc;
  private final LedgerPool pool;

  ProjectsPage(PageContext pc) {
    this.pc = pc;
    this.pool = pc.pool();
  }

  void show(Context ctx) {
    Sessions.Session s = pc.session(ctx);
    List<LedgerQueries.ProjectRow> ps = pool.with(l -> new LedgerQueries(l).projects());
    pc.record(s, "view-projects", null, null);
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
    PageContext.html(ctx, 200, Html.page("Projects", s.name(), s.csrf(), b.toString()));
  }
}
