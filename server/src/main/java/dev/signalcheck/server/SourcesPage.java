package dev.signalcheck.server;

import static dev.signalcheck.server.Html.esc;

import java.util.List;
import java.util.Map;

/**
 * The dashboard's source-health page: every fetched source, its last success and failure, how far
 * its newest reading is behind, and the last pull's findings, from the same documents as
 * `signalcheck sources --json` and `GET /api/v1/sources` ({@code SourceHealth}).
 */
final class SourcesPage {
  private SourcesPage() {}

  static String body(List<Map<String, Object>> sources) {
    StringBuilder b = new StringBuilder("<h1>Sources</h1>");
    if (sources.isEmpty()) {
      return b.append("<p>No sources yet; fetch one with <code>signalcheck fetch URL --source")
          .append(" NAME</code>.</p>")
          .toString();
    }
    b.append("<table class=\"sources\"><thead><tr><th>source</th><th>last success</th>")
        .append("<th>newest reading</th><th>behind</th><th>last failure</th><th>failing</th>")
        .append("<th>last pull's findings</th></tr></thead><tbody>");
    for (Map<String, Object> d : sources) {
      Map<?, ?> ok = (Map<?, ?>) d.get("lastSuccess");
      Map<?, ?> st = (Map<?, ?>) d.get("staleness");
      Map<?, ?> bad = (Map<?, ?>) d.get("lastFailure");
      Map<?, ?> failing = (Map<?, ?>) d.get("failing");
      b.append("<tr><td>")
          .append(esc(text(d.get("name"))))
          .append("<br><small>")
          .append(esc(text(d.get("url"))))
          .append("</small></td><td>")
          .append(ok == null ? "never" : esc(text(ok.get("at")) + " · " + ok.get("rows") + " rows"))
          .append("</td><td>")
          .append(ok == null ? "" : esc(text(ok.get("newest"))))
          .append("</td><td>");
      if (st != null && st.get("stepsBehind") != null) {
        boolean stale = Boolean.TRUE.equals(st.get("stale"));
        b.append(stale ? "<strong>" : "")
            .append(esc(st.get("stepsBehind") + " steps of " + text(st.get("step"))))
            .append(stale ? " (stale)</strong>" : "");
      }
      b.append("</td><td>")
          .append(bad == null ? "none" : esc(text(bad.get("at")) + " · " + text(bad.get("reason"))))
          .append("</td><td>");
      Object inRow = failing == null ? null : failing.get("pulls");
      if (inRow instanceof Number n && n.longValue() > 0) {
        b.append(esc("since " + text(failing.get("since")) + " (" + n + " in a row)"));
      }
      b.append("</td><td>");
      Object changes = d.get("changes");
      if (changes instanceof List<?> l && !l.isEmpty()) {
        b.append("<ul>");
        for (Object o : l) {
          Map<?, ?> f = (Map<?, ?>) o;
          b.append("<li><span class=\"sev-")
              .append(esc(text(f.get("severity"))))
              .append("\">")
              .append(esc(text(f.get("severity"))))
              .append("</span> <code>")
              .append(esc(text(f.get("check"))))
              .append("</code> ")
              .append(esc(text(f.get("message"))))
              .append("</li>");
        }
        b.append("</ul>");
      } else {
        b.append("none");
      }
      b.append("</td></tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }
}
