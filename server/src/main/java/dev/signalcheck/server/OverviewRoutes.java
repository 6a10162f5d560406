package dev.signalcheck.server;

import static dev.signalcheck.server.ApiAuth.ACTION;
import static dev.signalcheck.server.ApiAuth.PROJECT;
import static dev.signalcheck.server.Params.blankToNull;
import static dev.signalcheck.server.Params.intParam;
import static dev.signalcheck.server.Params.runId;
import static dev.signalcheck.server.Params.since;
import static dev.signalcheck.server.Responses.json;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.LedgerQueries;
import dev.signalcheck.ledger.Usage;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's views across runs: projects on one scale, the comparison of two runs, usage and the
 * health of fetched sources.
 */
final class OverviewRoutes {
  private final LedgerPool pool;
  private final UsageBuffer usageBuffer;

  OverviewRoutes(LedgerPool pool, UsageBuffer usageBuffer) {
    this.pool = pool;
    this.usageBuffer = usageBuffer;
  }

  void projects(Context ctx) {
    ctx.attribute(ACTION, "list-projects");
    List<LedgerQueries.ProjectRow> ps = pool.with(l -> new LedgerQueries(l).projects());
    json(ctx, 200, Map.of("projects", ps));
  }

  void compare(Context ctx) {
    String a = ctx.queryParam("a");
    String b = ctx.queryParam("b");
    if (a == null || b == null) {
      throw new UsageException("compare needs two runs: ?a=RUN&b=RUN");
    }
    long ia = runId(a);
    long ib = runId(b);
    ctx.attribute(ACTION, "compare");
    LedgerQueries.Comparison c =
        pool.with(l -> new LedgerQueries(l).compare(RunRoutes.run(l, ia), RunRoutes.run(l, ib)));
    ctx.attribute(PROJECT, c.b().project());
    json(ctx, 200, c);
  }

  void sources(Context ctx) {
    ctx.attribute(ACTION, "sources");
    java.time.Instant now = java.time.Instant.now();
    List<Map<String, Object>> docs =
        pool.with(
            l ->
                dev.signalcheck.sources.SourceHealth.docs(
                    new dev.signalcheck.sources.SourceLedger(l).statuses(), now));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("checkedAt", dev.signalcheck.core.sources.SourceChecks.instant(now));
    d.put("sources", docs);
    json(ctx, 200, d);
  }

  void usage(Context ctx) {
    String project = blankToNull(ctx.queryParam("project"));
    Instant since = since(ctx.queryParam("since"));
    int runs = intParam(ctx, "runs", 50, 0, RunRoutes.MAX_LIMIT);
    ctx.attribute(ACTION, "usage");
    ctx.attribute(PROJECT, project);
    usageBuffer.flush();
    Usage.Report r = pool.with(l -> Usage.report(l, project, since, runs));
    json(ctx, 200, r);
  }
}
