package dev.signalcheck.server;

import static dev.signalcheck.server.Html.esc;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * Signing in and out: a token typed into a form (guarded by a short-lived pre-session cookie
 * against forged sign-ins) starts a session whose cookie is HttpOnly and SameSite=Strict; the token
 * itself never reaches the browser's storage.
 */
final class LoginPage {
  static final String PRE_COOKIE = "sc_login";
  private static final Duration SESSION = Duration.ofHours(12);

  private final PageContext pc;
  private final LedgerPool pool;

  LoginPage(PageContext pc) {
    this.pc = pc;
    this.pool = pc.pool();
  }

  void form(Context ctx) {
    loginForm(ctx, 200, null);
  }

  private void loginForm(Context ctx, int status, String error) {
    String pre = Secrets.random(18);
    PageContext.setCookie(ctx, PRE_COOKIE, pre, 600);
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
    PageContext.html(ctx, status, Html.page("Sign in", null, null, body));
  }

  void login(Context ctx) {
    PageContext.checkCsrf(ctx, ctx.cookie(PRE_COOKIE));
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
    PageContext.setCookie(ctx, Dashboard.COOKIE, started.id(), SESSION.toSeconds());
    PageContext.setCookie(ctx, PRE_COOKIE, "", 0);
    pc.record(s, "sign-in", null, null);
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    Sessions.Session s = pc.session(ctx);
    PageContext.checkCsrf(ctx, s.csrf());
    pool.with(
        l -> {
          Sessions.end(l, ctx.cookie(Dashboard.COOKIE));
          return null;
        });
    PageContext.setCookie(ctx, Dashboard.COOKIE, "", 0);
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }
}
