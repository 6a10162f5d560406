package dev.signalcheck.ledger;

import dev.signalcheck.core.errors.OutputException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage tracking: every command-line audit, API call and report view is one event in the ledger
 * ({@code usage_event}); {@link #report} sums them per project and per run: events, views, distinct
 * actors, <b>repeat actors</b> (active on at least two distinct UTC days), first and last use, and
 * events per ISO week. The measure of whether a tool is used again by the same people.
 */
public final class Usage {

  /** Actions that count as a view of a run or its report. */
  public static final List<String> VIEWS = List.of("view-report", "view-run");

  /**
   * One thing done.
   *
   * @param actor a token name, {@code share:<id>}, or the operating-system user
   * @param actorKind {@code token}, {@code share} or {@code os-user}
   * @param channel {@code cli}, {@code api}, {@code dashboard} or {@code share}
   * @param action what was done: {@code audit}, {@code upload}, {@code view-report}, …
   * @param project the project, or null
   * @param runId the run, or null
   */
  public record Event(
      String actor, String actorKind, String channel, String action, String project, Long runId) {}

  /** Figures of one project (runId null) or one run. */
  public record Stats(
      String project,
      Long runId,
      long events,
      long views,
      long actors,
      long repeatActors,
      Instant first,
      Instant last) {}

  /** Events of one ISO week (its Monday, yyyy-mm-dd). */
  public record Week(String week, long events, long views, long actors) {}

  /** Usage per project, per run (most recently used first) and per week. */
  public record Report(
      long events,
      long actors,
      long repeatActors,
      List<Stats> projects,
      List<Stats> runs,
      List<Week> weeks) {}

  private Usage() {}

  /** Records an event now. */
  public static void record(Ledger ledger, Event e) {
    record(ledger, e, Instant.now());
  }

  /** Records an event at a given time. */
  public static void record(Ledger ledger, Event e, Instant at) {
    ledger.requireWritable();
    LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate monday = day.with(DayOfWeek.MONDAY);
    try (PreparedStatement ps =
        ledger
            .connection()
            .prepareStatement(
                "INSERT INTO usage_event (at, day, week, actor, actor_kind, channel, action,"
                    + " project, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ledger.dialect().setTime(ps, 1, at);
      ps.setString(2, day.toString());
      ps.setString(3, monday.toString());
      ps.setString(4, e.actor() == null ? "unknown" : e.actor());
      ps.setString(5, e.actorKind());
      ps.setString(6, e.channel());
      ps.setString(7, e.action());
      ps.setString(8, e.project());
      if (e.runId() == null) {
        ps.setNull(9, java.sql.Types.BIGINT);
      } else {
        ps.setLong(9, e.runId());
      }
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new OutputException(
          "cannot record a usage event in the ledger "
              + ledger.location().display()
              + ": "
              + Ledger.reason(ex),
          ex);
    }
  }

  /**
   * The usage figures.
   *
   * @param project only this project, or null for all
   * @param since only events at or after this instant, or null
   * @param runLimit at most this many runs (most recently used first)
   */
  public static Report report(Ledger ledger, String project, Instant since, int runLimit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (project != null) {
      where.append(" AND project = ?");
      args.add(project);
    }
    if (since != null) {
      where.append(" AND at >= ?");
      args.add(since);
    }
    String w = where.toString();
    String views =
        "SUM(CASE WHEN action IN ("
            + String.join(", ", VIEWS.stream().map(v -> "'" + v + "'").toList())
            + ") THEN 1 ELSE 0 END)";
    Q q = new Q(ledger);

    long[] totals = new long[3];
    q.each(
        "SELECT COUNT(*), COUNT(DISTINCT actor) FROM usage_event" + w,
        args,
        rs -> {
          totals[0] = rs.getLong(1);
          totals[1] = rs.getLong(2);
        });
    q.each(
        "SELECT COUNT(*) FROM (SELECT actor FROM usage_event"
            + w
            + " GROUP BY actor HAVING COUNT(DISTINCT day) >= 2) x",
        args,
        rs -> totals[2] = rs.getLong(1));

    Map<String, Long> projectRepeat = new HashMap<>();
    q.each(
        "SELECT project, COUNT(*) FROM (SELECT project, actor FROM usage_event"
            + w
            + " AND project IS NOT NULL GROUP BY project, actor HAVING COUNT(DISTINCT day) >= 2)"
            + " x GROUP BY project",
        args,
        rs -> projectRepeat.put(rs.getString(1), rs.getLong(2)));
    List<Stats> projects = new ArrayList<>();
    q.each(
        "SELECT project, COUNT(*) AS events, "
            + views
            + " AS views, COUNT(DISTINCT actor) AS actors, MIN(at) AS first_at, MAX(at) AS"
            + " last_at FROM usage_event"
            + w
            + " AND project IS NOT NULL GROUP BY project ORDER BY project",
        args,
        rs -> {
          String p = rs.getString(1);
          projects.add(
              new Stats(
                  p,
                  null,
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  projectRepeat.getOrDefault(p, 0L),
                  ledger.dialect().getTime(rs, "first_at"),
                  ledger.dialect().getTime(rs, "last_at")));
        });

    Map<Long, Stats> runs = new LinkedHashMap<>();
    List<Object> runArgs = new ArrayList<>(args);
    runArgs.add(runLimit);
    q.each(
        "SELECT run_id, MAX(project) AS project, COUNT(*) AS events, "
            + views
            + " AS views, COUNT(DISTINCT actor) AS actors, MIN(at) AS first_at, MAX(at) AS"
            + " last_at FROM usage_event"
            + w
            + " AND run_id IS NOT NULL GROUP BY run_id ORDER BY MAX(at) DESC, run_id DESC LIMIT ?",
        runArgs,
        rs ->
            runs.put(
                rs.getLong(1),
                new Stats(
                    rs.getString(2),
                    rs.getLong(1),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    0,
                    ledger.dialect().getTime(rs, "first_at"),
                    ledger.dialect().getTime(rs, "last_at"))));
    if (!runs.isEmpty()) {
      List<Object> repArgs = new ArrayList<>(args);
      StringBuilder in = new StringBuilder();
      for (Long id : runs.keySet()) {
        in.append(in.length() == 0 ? "?" : ", ?");
        repArgs.add(id);
      }
      q.each(
          "SELECT run_id, COUNT(*) FROM (SELECT run_id, actor FROM usage_event"
              + w
              + " AND run_id IN ("
              + in
              + ") GROUP BY run_id, actor HAVING COUNT(DISTINCT day) >= 2) x GROUP BY run_id",
          repArgs,
          rs -> {
            Stats s = runs.get(rs.getLong(1));
            runs.put(
                s.runId(),
                new Stats(
                    s.project(),
                    s.runId(),
                    s.events(),
                    s.views(),
                    s.actors(),
                    rs.getLong(2),
                    s.first(),
                    s.last()));
          });
    }
    List<Week> weeks = new ArrayList<>();
    q.each(
        "SELECT week, COUNT(*), "
            + views
            + ", COUNT(DISTINCT actor) FROM usage_event"
            + w
            + " GROUP BY week ORDER BY week",
        args,
        rs -> weeks.add(new Week(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))));
    return new Report(
        totals[0], totals[1], totals[2], projects, new ArrayList<>(runs.values()), weeks);
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs queries with bound arguments (strings, numbers, instants). */
  private record Q(Ledger ledger) {
    void each(String sql, List<Object> args, RowReader reader) {
      try (PreparedStatement ps = ledger.connection().prepareStatement(sql)) {
        int i = 1;
        for (Object a : args) {
          if (a instanceof Instant t) {
            ledger.dialect().setTime(ps, i++, t);
          } else if (a instanceof Integer n) {
            ps.setInt(i++, n);
          } else if (a instanceof Long n) {
            ps.setLong(i++, n);
          } else {
            ps.setString(i++, String.valueOf(a));
          }
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            reader.read(rs);
          }
        }
      } catch (SQLException e) {
        throw new OutputException(
            "cannot read usage from the ledger "
                + ledger.location().display()
                + ": "
                + Ledger.reason(e),
            e);
      }
    }
  }
}
