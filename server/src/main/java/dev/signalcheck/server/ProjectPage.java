package dev.signalcheck.server;

import static dev.signalcheck.server.Html.esc;
import static dev.signalcheck.server.Html.url;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.Ledger;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One project's runs over time: a chart of the latest runs' verdict shares and median best MASE,
 * and the table of all runs, paged and sorted in the database (the sort column is chosen from a
 * fixed map, never taken from the request).
 */
final class ProjectPage {
  static final int PAGE = 50;

  private final PageContext pc;
  private final LedgerPool pool;

  ProjectPage(PageContext pc) {
    this.pc = pc;
    this.pool = pc.pool();
  }

  /** Sortable columns of the runs table: parameter → SQL (never the parameter itself). */
  private static final Map<String, String> SORTS =
      Map.of(
          "started", "r.started_at",
          "id", "r.id",
          "series", "r.series_count",
          "strong", "r.strong",
          "weak", "r.weak",
          "none", "r.no_signal",
          "critical", "r.critical",
          "warning", "r.warning");

  record RunLine(
      long id,
      Instant startedAt,
      String source,
      long series,
      long strong,
      long weak,
      long none,
      long insufficient,
      long critical,
      long warning,
      String user) {}

  void show(Context ctx) {
    Sessions.Session s = pc.session(ctx);
    String name = ctx.pathParam("name");
    String sort = ctx.queryParam("sort") == null ? "started" : ctx.queryParam("sort");
    String sortSql = SORTS.get(sort);
    if (sortSql == null) {
      throw new UsageException(
          "sort '" + Params.clip(sort) + "' is not one of " + String.join(", ", SORTS.keySet()));
    }
    boolean asc = "asc".equals(ctx.queryParam("dir"));
    int page = Params.intParam(ctx, "page", 1, 1, 1_000_000);
    record Data(
        long projectId,
        long total,
        List<RunLine> rows,
        Map<Long, Double> medians,
        List<Svg.RunPoint> chart) {}
    Data d =
        pool.with(
            l -> {
              List<Long> pid =
                  Db.query(l, "SELECT id FROM project WHERE name = ?", rs -> rs.getLong(1), name);
              if (pid.isEmpty()) {
                throw new HttpResponseException(404, "no project '" + Params.clip(name) + "'");
              }
              long id = pid.get(0);
              long total =
                  Db.query(
                          l,
                          "SELECT COUNT(*) FROM run WHERE project_id = ? AND complete",
                          rs -> rs.getLong(1),
                          id)
                      .get(0);
              String dir = asc ? "ASC" : "DESC";
              List<RunLine> rows =
                  Db.query(
                      l,
                      "SELECT r.id, r.started_at, d.source, r.series_count, r.strong, r.weak,"
                          + " r.no_signal, r.insufficient_data, r.critical, r.warning, r.os_user"
                          + " FROM run r LEFT JOIN dataset d ON d.id = r.dataset_id WHERE"
                          + " r.project_id = ? AND r.complete ORDER BY "
                          + sortSql
                          + " "
                          + dir
                          + ", r.id "
                          + dir
                          + " LIMIT ? OFFSET ?",
                      rs -> runLine(l, rs),
                      id,
                      PAGE,
                      (page - 1) * PAGE);
              List<RunLine> recent =
                  Db.query(
                      l,
                      "SELECT r.id, r.started_at, NULL AS source, r.series_count, r.strong, r.weak,"
                          + " r.no_signal, r.insufficient_data, r.critical, r.warning, r.os_user"
                          + " FROM run r WHERE r.project_id = ? AND r.complete ORDER BY"
                          + " r.started_at DESC, r.id DESC LIMIT 200",
                      rs -> runLine(l, rs),
                      id);
              List<Long> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.id()));
              recent.forEach(r -> ids.add(r.id()));
              Map<Long, Double> med = medians(l, ids);
              List<Svg.RunPoint> chart = new ArrayList<>();
              for (int i = recent.size() - 1; i >= 0; i--) {
                RunLine r = recent.get(i);
                chart.add(
                    new Svg.RunPoint(
                        r.id(), r.strong(), r.weak(), r.none(), r.insufficient(), med.get(r.id())));
              }
              return new Data(id, total, rows, med, chart);
            });
    pc.record(s, "view-project", name, null);
    StringBuilder b = new StringBuilder();
    b.append("<h1>Project ").append(esc(name)).append("</h1>");
    b.append("<p class=\"muted\">")
        .append(d.total())
        .append(d.total() == 1 ? " run" : " runs")
        .append(". The chart shows the latest ")
        .append(d.chart().size())
        .append(
            ": verdict shares per run (bars) and the median best MASE (line): is the data"
                + " getting better?</p>");
    b.append("<p class=\"legend\"><span><i class=\"sw strong\"></i>strong</span>")
        .append("<span><i class=\"sw weak\"></i>weak</span>")
        .append("<span><i class=\"sw none\"></i>none</span>")
        .append("<span><i class=\"sw insufficient\"></i>insufficient data</span>")
        .append("<span>line: median best MASE</span></p>");
    b.append(Svg.runs(d.chart()));
    String base = "/projects/" + url(name);
    b.append("<h2>Runs</h2><table class=\"runs\"><thead><tr>");
    for (String[] col :
        new String[][] {
          {"id", "run"},
          {"started", "started (UTC)"},
          {null, "input"},
          {"series", "series"},
          {"strong", "strong"},
          {"weak", "weak"},
          {"none", "none"},
          {null, "insufficient"},
          {null, "median best MASE"},
          {"critical", "critical"},
          {"warning", "warning"},
          {null, "by"}
        }) {
      boolean numeric =
          !col[1].equals("input") && !col[1].equals("by") && !col[1].startsWith("started");
      b.append("<th").append(numeric ? " class=\"num\"" : "").append(">");
      if (col[0] == null) {
        b.append(esc(col[1]));
      } else {
        boolean current = col[0].equals(sort);
        String nextDir = current && !asc ? "asc" : "desc";
        b.append("<a href=\"")
            .append(base)
            .append("?sort=")
            .append(col[0])
            .append("&amp;dir=")
            .append(nextDir)
            .append("\">")
            .append(esc(col[1]))
            .append(current ? (asc ? " ▲" : " ▼") : "")
            .append("</a>");
      }
      b.append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (RunLine r : d.rows()) {
      b.append("<tr><td class=\"num\"><a href=\"/runs/")
          .append(r.id())
          .append("\">")
          .append(r.id())
          .append("</a></td><td>")
          .append(Html.time(r.startedAt()))
          .append("</td><td>")
          .append(esc(Svg.clip(r.source(), 40)))
          .append("</td><td class=\"num\">")
          .append(r.series())
          .append("</td><td class=\"num\">")
          .append(r.strong())
          .append("</td><td class=\"num\">")
          .append(r.weak())
          .append("</td><td class=\"num\">")
          .append(r.none())
          .append("</td><td class=\"num\">")
          .append(r.insufficient())
          .append("</td><td class=\"num\">")
          .append(Html.num(d.medians().get(r.id()), 3))
          .append("</td><td class=\"num\">")
          .append(r.critical())
          .append("</td><td class=\"num\">")
          .append(r.warning())
          .append("</td><td>")
          .append(esc(r.user()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    long pages = Math.max(1, (d.total() + PAGE - 1) / PAGE);
    String q = "sort=" + sort + "&amp;dir=" + (asc ? "asc" : "desc");
    b.append("<p class=\"pager\">");
    if (page > 1) {
      b.append("<a href=\"")
          .append(base)
          .append('?')
          .append(q)
          .append("&amp;page=")
          .append(page - 1)
          .append("\">← newer</a>");
    }
    b.append("<span>page ").append(page).append(" of ").append(pages).append("</span>");
    if (page < pages) {
      b.append("<a rel=\"next\" href=\"")
          .append(base)
          .append('?')
          .append(q)
          .append("&amp;page=")
          .append(page + 1)
          .append("\">older →</a>");
    }
    b.append("</p>");
    PageContext.html(ctx, 200, Html.page("Project " + name, s.name(), s.csrf(), b.toString()));
  }

  private static RunLine runLine(Ledger l, java.sql.ResultSet rs) throws java.sql.SQLException {
    return new RunLine(
        rs.getLong(1),
        l.dialect().getTime(rs, "started_at"),
        rs.getString(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getLong(10),
        rs.getString(11));
  }

  /** The median best MASE of each of these runs (those with any). */
  static Map<Long, Double> medians(Ledger l, List<Long> runIds) {
    Map<Long, List<Double>> v = new HashMap<>();
    List<Long> distinct = runIds.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += 200) {
      List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + 200));
      String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      Db.query(
          l,
          "SELECT run_id, best_mase FROM series WHERE run_id IN ("
              + in
              + ") AND best_mase IS NOT NULL",
          rs -> {
            v.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getDouble(2));
            return null;
          },
          chunk.toArray());
    }
    Map<Long, Double> out = new HashMap<>();
    v.forEach(
        (k, xs) -> {
          double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          int n = a.length;
          out.put(k, n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2);
        });
    return out;
  }
}
