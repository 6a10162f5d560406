package dev.signalcheck.server;

import dev.signalcheck.ledger.Usage;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who calls the API: the Bearer token of every {@code /api/v1} call but the health check (401
 * without or with an unknown or revoked one, 403 with too little scope: read for GET, write for the
 * rest), and each call recorded as a usage event afterwards from the attributes its handler set.
 */
final class ApiAuth {
  static final String PRINCIPAL = "signalcheck.principal";
  static final String ACTION = "signalcheck.action";
  static final String PROJECT = "signalcheck.project";
  static final String RUN = "signalcheck.run";
  static final String RECORDED = "signalcheck.recorded";

  private final LedgerPool pool;
  private final UsageBuffer usageBuffer;

  /** Who called: a token (API, dashboard) or a share link. */
  record Principal(String actor, String kind, Scope scope, Long tokenId) {}

  ApiAuth(LedgerPool pool, UsageBuffer usageBuffer) {
    this.pool = pool;
    this.usageBuffer = usageBuffer;
  }

  void authenticate(Context ctx) {
    if (ctx.path().equals("/api/v1/healthz")) {
      return;
    }
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"signalcheck\"");
      throw new HttpResponseException(
          401,
          "this call needs a token: send 'Authorization: Bearer TOKEN' (make one with"
              + " 'signalcheck token create --name NAME --scope read')");
    }
    String presented = h.substring(7).trim();
    Tokens.TokenInfo t =
        pool.with(
            l -> {
              Optional<Tokens.TokenInfo> found = Tokens.authenticate(l, presented);
              found.ifPresent(x -> Tokens.touch(l, x));
              return found.orElse(null);
            });
    if (t == null) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"signalcheck\", error=\"invalid_token\"");
      throw new HttpResponseException(
          401, "the token is unknown or revoked; ask for a new one ('signalcheck token list')");
    }
    Scope needed =
        ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD")
            ? Scope.READ
            : Scope.WRITE;
    if (!t.scope().includes(needed)) {
      throw new HttpResponseException(
          403,
          "token '"
              + t.name()
              + "' has scope "
              + t.scope().id()
              + "; "
              + ctx.method()
              + " "
              + ctx.path()
              + " needs "
              + needed.id());
    }
    ctx.attribute(PRINCIPAL, new Principal(t.name(), "token", t.scope(), t.id()));
  }

  /** Records the API call as a usage event (audits record their own). */
  void recordUse(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null || Boolean.TRUE.equals(ctx.attribute(RECORDED))) {
      return;
    }
    String action = ctx.attribute(ACTION);
    if (action == null) {
      action = ctx.method().name().toLowerCase(Locale.ROOT) + " " + ctx.endpointHandlerPath();
    }
    if (ctx.statusCode() >= 400) {
      action = "failed " + action;
    }
    Usage.Event e =
        new Usage.Event(
            p.actor(), p.kind(), "api", action, ctx.attribute(PROJECT), ctx.attribute(RUN));
    usageBuffer.add(e);
  }

  static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new HttpResponseException(401, "this call needs a token");
    }
    return p;
  }
}
