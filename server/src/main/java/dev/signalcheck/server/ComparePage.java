package dev.signalcheck.server;

import static dev.signalcheck.server.Html.esc;

import dev.signalcheck.ledger.LedgerQueries;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Two runs side by side: verdicts that changed, MASE per series and model, findings new and gone.
 */
final class ComparePage {
  private final PageContext pc;
  private final LedgerPool pool;

  ComparePage(PageContext pc) {
    this.pc = pc;
    this.pool = pc.pool();
  }

  void show(Context ctx) {
    Sessions.Session s = pc.session(ctx);
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
      long ia = Params.runId(a.strip());
      long ib = Params.runId(bb.strip());
      LedgerQueries.Comparison c =
          pool.with(l -> new LedgerQueries(l).compare(RunRoutes.run(l, ia), RunRoutes.run(l, ib)));
      pc.record(s, "compare", c.b().project(), ib);
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
    PageContext.html(ctx, 200, Html.page("Compare", s.name(), s.csrf(), b.toString()));
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
}
