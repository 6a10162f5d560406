package dev.signalcheck.server;

import dev.signalcheck.ledger.Usage;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * What every dashboard page needs: the signed-in session of a request (or a redirect to the sign-in
 * page), the CSRF check of a state-changing form, the HTML answer with the dashboard's policy, and
 * the view counted as a usage event.
 */
final class PageContext {
  private final LedgerPool pool;

  PageContext(LedgerPool pool) {
    this.pool = pool;
  }

  LedgerPool pool() {
    return pool;
  }

  static void setCookie(Context ctx, String name, String value, long maxAge) {
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
  Sessions.Session session(Context ctx) {
    Sessions.Session s = current(ctx);
    if (s == null) {
      ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
      throw new Redirected();
    }
    return s;
  }

  private Sessions.Session current(Context ctx) {
    String id = ctx.cookie(Dashboard.COOKIE);
    if (id == null) {
      return null;
    }
    // null when unknown, expired (then removed) or its token was revoked since
    return pool.with(l -> Sessions.find(l, id)).orElse(null);
  }

  /** Checks the CSRF field of a state-changing form against the session's. */
  static void checkCsrf(Context ctx, String expected) {
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

  static void html(Context ctx, int status, String page) {
    html(ctx, status, page, Html.CSP);
  }

  /** An HTML answer under its own policy (a page with scripts, {@link Html#RUN_CSP}). */
  static void html(Context ctx, int status, String page, String csp) {
    ctx.status(status);
    ctx.contentType("text/html; charset=utf-8");
    ctx.header("Content-Security-Policy", csp);
    ctx.result(page);
  }

  void record(Sessions.Session s, String action, String project, Long run) {
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
}
