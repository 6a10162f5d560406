package dev.signalcheck.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.sources.Snapshot;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sources' tables of the ledger (migration V5): sources, pulls with their attempts, snapshots;
 * rows are turned into records by {@link SourceRows}. All SQL binds its values.
 */
public final class SourceLedger {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Ledger ledger;
  private final Connection c;
  private final LedgerDialect dialect;

  public SourceLedger(Ledger ledger) {
    this.ledger = ledger;
    this.c = ledger.connection();
    this.dialect = ledger.dialect();
  }

  public Ledger ledger() {
    return ledger;
  }

  /** A snapshot as stored, with where its bytes are (relative to the data folder). */
  public record Stored(long id, Snapshot snapshot, String path, long sizeBytes) {}

  /** One pull as stored. */
  public record Pull(
      long id,
      Instant startedAt,
      Instant finishedAt,
      String outcome,
      String reason,
      int attempts,
      List<Map<String, Object>> findings) {}

  /** A source with its latest pulls, for {@code signalcheck sources}. */
  public record Status(
      String name,
      String url,
      String format,
      Stored lastSnapshot,
      Pull lastPull,
      Pull lastSuccess,
      Pull lastFailure,
      int failedInRow,
      Instant failingSince,
      long pulls,
      long snapshots) {}

  /** The id of the source with this name, created or updated with its URL and format. */
  public long source(String name, String url, String format, Instant now) {
    try {
      Long id = sourceId(name);
      if (id == null) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO source (name, url, format, created_at, updated_at) VALUES (?, ?, ?, ?,"
                    + " ?)")) {
          ps.setString(1, name);
          ps.setString(2, url);
          ps.setString(3, format);
          dialect.setTime(ps, 4, now);
          dialect.setTime(ps, 5, now);
          ps.executeUpdate();
        }
        return sourceId(name);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE source SET url = ?, format = ?, updated_at = ? WHERE id = ?")) {
        ps.setString(1, url);
        ps.setString(2, format);
        dialect.setTime(ps, 3, now);
        ps.setLong(4, id);
        ps.executeUpdate();
      }
      return id;
    } catch (SQLException e) {
      throw failure("record the source " + name, e);
    }
  }

  /** The source's id, or null. */
  public Long sourceId(String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM source WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /**
   * Records a pull, its attempts and (when it succeeded) its snapshot, in one transaction.
   *
   * @param snapshot null for a failed pull
   * @return the pull's id
   */
  public long recordPull(
      long sourceId,
      String url,
      Instant started,
      Instant finished,
      String outcome,
      String reason,
      List<Attempt> attempts,
      List<String> headerNames,
      List<Finding> findings,
      Snapshot snapshot,
      String path,
      long sizeBytes) {
    boolean auto = true;
    try {
      auto = c.getAutoCommit();
      c.setAutoCommit(false);
      long fetchId;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO source_fetch (source_id, url, started_at, finished_at, outcome, reason,"
                  + " attempts, header_names, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, sourceId);
        ps.setString(2, url);
        dialect.setTime(ps, 3, started);
        dialect.setTime(ps, 4, finished);
        ps.setString(5, outcome);
        ps.setString(6, reason);
        ps.setInt(7, attempts.size());
        ps.setString(8, JSON.writeValueAsString(headerNames));
        ps.setString(9, JSON.writeValueAsString(SourceRows.findingsJson(findings)));
        ps.executeUpdate();
        fetchId = generated(ps);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO source_attempt (fetch_id, attempt, started_at, duration_ms, status,"
                  + " bytes, outcome, message, wait_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Attempt a : attempts) {
          ps.setLong(1, fetchId);
          ps.setInt(2, a.number());
          dialect.setTime(ps, 3, a.startedAt());
          ps.setLong(4, a.durationMs());
          if (a.status() == null) {
            ps.setNull(5, Types.INTEGER);
          } else {
            ps.setInt(5, a.status());
          }
          ps.setLong(6, a.bytes());
          ps.setString(7, a.outcome().label());
          ps.setString(8, a.message());
          ps.setLong(9, a.waitMs());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      if (snapshot != null) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO source_snapshot (source_id, fetch_id, fetched_at, content_hash,"
                    + " schema_fingerprint, columns, row_count, series_count, step, first_stamp,"
                    + " last_stamp, last_stamp_ms, size_bytes, path) VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, sourceId);
          ps.setLong(2, fetchId);
          dialect.setTime(ps, 3, snapshot.fetchedAt());
          ps.setString(4, snapshot.contentHash());
          ps.setString(5, SnapshotReader.fingerprint(snapshot.columns()));
          ps.setString(6, JSON.writeValueAsString(snapshot.columns()));
          ps.setLong(7, snapshot.rows());
          ps.setLong(8, snapshot.series());
          ps.setString(9, snapshot.step());
          ps.setString(10, snapshot.firstStamp());
          ps.setString(11, snapshot.lastStamp());
          if (snapshot.lastStampMillis() == null) {
            ps.setNull(12, Types.BIGINT);
          } else {
            ps.setLong(12, snapshot.lastStampMillis());
          }
          ps.setLong(13, sizeBytes);
          ps.setString(14, path);
          ps.executeUpdate();
        }
      }
      c.commit();
      return fetchId;
    } catch (SQLException | JsonProcessingException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // reported below
      }
      throw failure("record the pull", e);
    } finally {
      try {
        c.setAutoCommit(auto);
      } catch (SQLException ignored) {
        // the connection is gone; the next use reports it
      }
    }
  }

  private long generated(PreparedStatement ps) throws SQLException {
    try (ResultSet k = ps.getGeneratedKeys()) {
      if (k.next()) {
        return k.getLong(1);
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT max(id) FROM source_fetch")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The source's snapshots, oldest first, the newest {@code limit} of them. */
  public List<Stored> snapshots(long sourceId, int limit) {
    List<Stored> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM source_snapshot WHERE source_id = ? ORDER BY fetched_at DESC, id DESC"
                + " LIMIT ?")) {
      ps.setLong(1, sourceId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(0, SourceRows.stored(rs, dialect));
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      throw failure("read the snapshots", e);
    }
    return out;
  }

  /** The newest snapshot, if any. */
  public Optional<Stored> lastSnapshot(long sourceId) {
    List<Stored> s = snapshots(sourceId, 1);
    return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0));
  }

  /** The source's pulls, newest first, at most {@code limit}. */
  public List<Pull> pulls(long sourceId, int limit) {
    List<Pull> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM source_fetch WHERE source_id = ? ORDER BY started_at DESC, id DESC"
                + " LIMIT ?")) {
      ps.setLong(1, sourceId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(SourceRows.pull(rs, dialect));
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      throw failure("read the pulls", e);
    }
    return out;
  }

  /** The attempts of a pull, in order. */
  public List<Attempt> attempts(long fetchId) {
    List<Attempt> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM source_attempt WHERE fetch_id = ? ORDER BY attempt")) {
      ps.setLong(1, fetchId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(SourceRows.attempt(rs, dialect));
        }
      }
    } catch (SQLException e) {
      throw failure("read the attempts", e);
    }
    return out;
  }

  /**
   * The newest attempts to a circuit breaker's key (scheme, host and port) over every source of
   * that host, newest first: what {@link BreakerMemory} starts a breaker from.
   */
  public List<Attempt> recentAttempts(String key, int limit) {
    List<Attempt> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.*, f.url AS fetch_url FROM source_attempt a JOIN source_fetch f ON f.id ="
                + " a.fetch_id ORDER BY a.started_at DESC, a.fetch_id DESC, a.attempt DESC LIMIT"
                + " ?")) {
      // other hosts' attempts are skipped here, not in SQL: the key is not a column
      ps.setInt(1, Math.max(limit, 1) * 20);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && out.size() < limit) {
          if (key.equals(SourceUrl.breakerKey(rs.getString("fetch_url")))) {
            out.add(SourceRows.attempt(rs, dialect));
          }
        }
      }
    } catch (SQLException e) {
      throw failure("read the recent attempts", e);
    }
    return out;
  }

  /** Failed pulls since the last good one (newest first), for "failing since". */
  public List<Pull> failuresSinceLastSuccess(long sourceId) {
    List<Pull> out = new ArrayList<>();
    for (Pull p : pulls(sourceId, 1000)) {
      if ("ok".equals(p.outcome())) {
        break;
      }
      out.add(p);
    }
    return out;
  }

  /** Every source with its latest state, by name. */
  public List<Status> statuses() {
    List<Status> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, name, url, format FROM source ORDER BY name")) {
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
      }
      for (Object[] r : rows) {
        long id = (Long) r[0];
        List<Pull> pulls = pulls(id, 1000);
        Pull lastOk = null;
        Pull lastBad = null;
        for (Pull p : pulls) {
          if (lastOk == null && "ok".equals(p.outcome())) {
            lastOk = p;
          }
          if (lastBad == null && !"ok".equals(p.outcome())) {
            lastBad = p;
          }
        }
        List<Pull> failing = failuresSinceLastSuccess(id);
        out.add(
            new Status(
                (String) r[1],
                (String) r[2],
                (String) r[3],
                lastSnapshot(id).orElse(null),
                pulls.isEmpty() ? null : pulls.get(0),
                lastOk,
                lastBad,
                failing.size(),
                failing.isEmpty() ? null : failing.get(failing.size() - 1).startedAt(),
                count("SELECT count(*) FROM source_fetch WHERE source_id = ?", id),
                count("SELECT count(*) FROM source_snapshot WHERE source_id = ?", id)));
      }
    } catch (SQLException e) {
      throw failure("list the sources", e);
    }
    return out;
  }

  private long count(String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private OutputException failure(String what, Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new OutputException(
        "cannot "
            + what
            + " in the ledger "
            + ledger.location().display()
            + ": "
            + m.lines().findFirst().orElse("")
            + "; check the ledger or choose another with --ledger",
        e);
  }
}
