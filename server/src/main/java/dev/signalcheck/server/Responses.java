package dev.signalcheck.server;

import dev.signalcheck.report.HtmlReport;
import io.javalin.http.Context;
import java.util.Map;

/**
 * How the server answers: JSON documents, and errors as JSON {@code {"error": "…"}} for the API or
 * an HTML page for the dashboard, each with its Content-Security-Policy.
 */
final class Responses {
  /** The policy of JSON answers and of anything that is not a page. */
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  /** The report page's own policy, as a header, framed by the dashboard only. */
  static final String REPORT_CSP = HtmlReport.contentSecurityPolicy() + "; frame-ancestors 'self'";

  private Responses() {}

  static void error(Context ctx, int status, String message) {
    ctx.status(status);
    String m = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ').trim();
    if (Dashboard.isDashboardPath(ctx.path())) {
      ctx.header("Content-Security-Policy", Html.CSP);
      ctx.contentType("text/html; charset=utf-8");
      ctx.result(Html.errorPage(status, m));
      return;
    }
    ctx.header("Content-Security-Policy", API_CSP);
    ctx.contentType("application/json");
    ctx.result(ApiJson.write(Map.of("error", m)));
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(ApiJson.write(body));
  }

  /** The innermost message of {@code e}, or a plain sentence for an address already in use. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    for (Throwable x = e; x != null; x = x.getCause() == x ? null : x.getCause()) {
      if (x instanceof java.net.BindException) {
        return "the address is in use or not available here";
      }
      t = x;
    }
    return String.valueOf(t.getMessage());
  }
}
