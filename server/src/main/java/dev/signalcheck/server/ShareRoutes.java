package dev.signalcheck.server;

import static dev.signalcheck.server.ApiAuth.ACTION;
import static dev.signalcheck.server.ApiAuth.PROJECT;
import static dev.signalcheck.server.ApiAuth.RUN;
import static dev.signalcheck.server.ApiAuth.principal;
import static dev.signalcheck.server.Params.clip;
import static dev.signalcheck.server.Params.expiry;
import static dev.signalcheck.server.Params.runId;
import static dev.signalcheck.server.Responses.json;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.LedgerQueries;
import dev.signalcheck.ledger.Usage;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Share links: {@code POST /api/v1/shares} makes a read-only link to one run's report (saying
 * whether the report embeds raw values), {@code DELETE /api/v1/shares/{id}} revokes it, and {@code
 * GET /s/{token}} shows the report to whoever holds the link, counted as a view.
 */
final class ShareRoutes {
  private final LedgerPool pool;
  private final RunStore store;
  private final RunRoutes runs;

  ShareRoutes(LedgerPool pool, RunStore store, RunRoutes runs) {
    this.pool = pool;
    this.store = store;
    this.runs = runs;
  }

  void create(Context ctx) {
    ApiAuth.Principal p = principal(ctx);
    Map<String, String> in = new LinkedHashMap<>();
    String ct = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
    if (ct.startsWith("application/json")) {
      try {
        var node = ApiJson.MAPPER.readTree(ctx.body());
        if (node == null || !node.isObject()) {
          throw new UsageException("send a JSON object: {\"runId\": 7, \"expiresInDays\": 7}");
        }
        node.properties().forEach(e -> in.put(e.getKey(), e.getValue().asText()));
      } catch (IOException e) {
        throw new UsageException("the body is not JSON: send {\"runId\": 7, \"expiresInDays\": 7}");
      }
    } else {
      ctx.formParamMap().forEach((k, v) -> in.put(k, v.isEmpty() ? null : v.get(0)));
    }
    long runId = runId(in.get("runId"));
    Instant expires = expiry(in.get("expiresInDays"));
    ctx.attribute(ACTION, "share");
    ctx.attribute(RUN, runId);
    Map<String, Object> doc = share(p.actor(), runId, expires);
    ctx.attribute(PROJECT, doc.get("project"));
    json(ctx, 201, doc);
  }

  Map<String, Object> share(String actor, long runId, Instant expires) {
    return pool.with(
        l -> {
          LedgerQueries.RunRow r = RunRoutes.run(l, runId);
          Shares.Created c = Shares.create(l, runId, actor, expires);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", c.share().id());
          m.put("runId", runId);
          m.put("project", r.project());
          m.put("url", "/s/" + c.value());
          m.put("expiresAt", c.share().expiresAt());
          boolean raw = !store.redacted(runId);
          m.put("rawValues", raw);
          m.put(
              "note",
              "anyone with this link can read the report of run "
                  + runId
                  + " until it expires or is revoked; "
                  + (raw
                      ? "the report embeds the series' raw values (audit with redact for a"
                          + " report scaled to [0, 1])"
                      : "the report is redacted: its values are scaled to [0, 1]"));
          return m;
        });
  }

  void revoke(Context ctx) {
    String s = ctx.pathParam("id");
    if (!s.matches("[0-9]{1,18}")) {
      throw new HttpResponseException(404, "no share link '" + clip(s) + "'");
    }
    long id = Long.parseLong(s);
    ctx.attribute(ACTION, "revoke-share");
    Shares.Share sh =
        pool.with(
            l -> {
              try {
                return Shares.revoke(l, id);
              } catch (UsageException e) {
                throw new HttpResponseException(404, e.getMessage());
              }
            });
    ctx.attribute(RUN, sh.runId());
    json(ctx, 200, Map.of("id", sh.id(), "revokedAt", sh.revokedAt()));
  }

  void view(Context ctx) throws IOException {
    String token = ctx.pathParam("token");
    Shares.Share sh =
        pool.with(
            l -> {
              Shares.Share s = Shares.resolve(l, token).orElse(null);
              if (s != null) {
                LedgerQueries.RunRow r = RunRoutes.run(l, s.runId());
                Usage.record(
                    l,
                    new Usage.Event(
                        "share:" + s.id(),
                        "share",
                        "share",
                        "view-report",
                        r.project(),
                        s.runId()));
              }
              return s;
            });
    if (sh == null) {
      ctx.status(404);
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result("This link is unknown, has expired or was revoked. Ask for a new one.\n");
      return;
    }
    runs.sendStored(ctx, sh.runId(), "report.html");
  }
}
