package dev.signalcheck.server;

import static dev.signalcheck.server.ApiAuth.ACTION;
import static dev.signalcheck.server.ApiAuth.PROJECT;
import static dev.signalcheck.server.ApiAuth.RUN;
import static dev.signalcheck.server.Params.blankToNull;
import static dev.signalcheck.server.Params.clip;
import static dev.signalcheck.server.Params.cursor;
import static dev.signalcheck.server.Params.encodeCursor;
import static dev.signalcheck.server.Params.intParam;
import static dev.signalcheck.server.Params.runId;
import static dev.signalcheck.server.Params.since;
import static dev.signalcheck.server.Responses.json;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerQueries;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of the API: {@code GET /api/v1/runs} (paged by an opaque cursor), one run with its
 * series, findings and placements, and its stored report.json and report.html.
 */
final class RunRoutes {
  static final int MAX_LIMIT = 500;

  private final LedgerPool pool;
  private final RunStore store;

  RunRoutes(LedgerPool pool, RunStore store) {
    this.pool = pool;
    this.store = store;
  }

  static Map<String, String> links(long id) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("self", "/api/v1/runs/" + id);
    l.put("json", "/api/v1/runs/" + id + "/report.json");
    l.put("html", "/api/v1/runs/" + id + "/report.html");
    l.put("dashboard", "/runs/" + id);
    return l;
  }

  /** The complete run of this id, or a 404. */
  static LedgerQueries.RunRow run(Ledger l, long id) {
    try {
      return new LedgerQueries(l).resolve(Long.toString(id), null);
    } catch (UsageException e) {
      throw new HttpResponseException(404, "no run " + id + " in the ledger");
    }
  }

  void list(Context ctx) {
    String project = blankToNull(ctx.queryParam("project"));
    Instant since = since(ctx.queryParam("since"));
    int limit = intParam(ctx, "limit", 50, 1, MAX_LIMIT);
    int offset = cursor(ctx.queryParam("cursor"));
    ctx.attribute(ACTION, "list-runs");
    ctx.attribute(PROJECT, project);
    List<LedgerQueries.RunRow> rows =
        pool.with(
            l -> {
              if (project != null && !new LedgerQueries(l).projectExists(project)) {
                throw new HttpResponseException(404, "no project '" + clip(project) + "'");
              }
              return new LedgerQueries(l).runs(project, since, limit + 1, offset);
            });
    boolean more = rows.size() > limit;
    List<Map<String, Object>> out = new ArrayList<>();
    for (LedgerQueries.RunRow r : rows.subList(0, Math.min(limit, rows.size()))) {
      Map<String, Object> m = runJson(r);
      m.put("links", links(r.id()));
      out.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runs", out);
    doc.put("nextCursor", more ? encodeCursor(offset + limit) : null);
    json(ctx, 200, doc);
  }

  static Map<String, Object> runJson(LedgerQueries.RunRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("project", r.project());
    m.put("reference", r.reference());
    m.put("origin", r.origin());
    m.put("startedAt", r.startedAt());
    m.put("source", r.source());
    m.put("sha256", r.sha256());
    m.put("sizeBytes", r.sizeBytes());
    m.put("series", r.series());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("strong", r.strong());
    v.put("weak", r.weak());
    v.put("none", r.none());
    v.put("insufficient-data", r.insufficientData());
    m.put("verdicts", v);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("critical", r.critical());
    f.put("warning", r.warning());
    f.put("info", r.info());
    m.put("findings", f);
    m.put("toolVersion", r.toolVersion());
    m.put("durationMs", r.durationMs());
    m.put("exitStatus", r.exitStatus());
    m.put("user", r.osUser());
    m.put("settingsHash", r.settingsHash());
    return m;
  }

  void get(Context ctx) {
    long id = runId(ctx.pathParam("id"));
    ctx.attribute(ACTION, "view-run");
    ctx.attribute(RUN, id);
    Map<String, Object> doc =
        pool.with(
            l -> {
              LedgerQueries q = new LedgerQueries(l);
              LedgerQueries.RunRow r = run(l, id);
              ctx.attribute(PROJECT, r.project());
              Map<String, Object> m = runJson(r);
              List<LedgerQueries.SeriesRow> series = q.series(id);
              m.put("seriesTruncated", series.size() > 1000);
              m.put("seriesRows", series.subList(0, Math.min(1000, series.size())));
              List<LedgerQueries.FindingRow> findings = q.findings(id);
              m.put("findingsTruncated", findings.size() > 1000);
              m.put("findingRows", findings.subList(0, Math.min(1000, findings.size())));
              m.put("placements", q.placements(id));
              m.put("stored", store.file(id, "report.html").isPresent());
              m.put("redacted", store.redacted(id));
              m.put("links", links(id));
              return m;
            });
    json(ctx, 200, doc);
  }

  void reportFile(Context ctx, String name) throws IOException {
    long id = runId(ctx.pathParam("id"));
    ctx.attribute(ACTION, name.endsWith(".html") ? "view-report" : "get-report-json");
    ctx.attribute(RUN, id);
    LedgerQueries.RunRow r = pool.with(l -> run(l, id));
    ctx.attribute(PROJECT, r.project());
    sendStored(ctx, id, name);
  }

  /** Sends a stored report file of a run, or a 404 saying why there is none. */
  void sendStored(Context ctx, long id, String name) throws IOException {
    Path f =
        store
            .file(id, name)
            .orElseThrow(
                () ->
                    new HttpResponseException(
                        404,
                        "run "
                            + id
                            + " has no stored "
                            + name
                            + " (it was recorded without sending its reports to this server;"
                            + " 'signalcheck audit --push' sends them)"));
    if (name.endsWith(".html")) {
      ctx.header("Content-Security-Policy", Responses.REPORT_CSP);
      ctx.contentType("text/html; charset=utf-8");
    } else {
      ctx.contentType("application/json");
    }
    ctx.result(Files.newInputStream(f));
  }
}
