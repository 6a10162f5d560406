package dev.signalcheck.server;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.Ledger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Share links ({@code share_link}): a read-only link to one run's report for a client without a
 * token. The link carries a secret stored only as a salted hash; it may expire, and it can be
 * revoked.
 */
public final class Shares {
  private Shares() {}

  /** A share link as stored. */
  public record Share(
      long id,
      long runId,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt) {
    boolean usable(Instant now) {
      return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
  }

  /** A created link: its secret value (handed out once) and the row. */
  public record Created(String value, Share share) {}

  static Created create(Ledger l, long runId, String createdBy, Instant expiresAt) {
    Secrets.Issued s = Secrets.issue("scs");
    Db.update(
        l,
        "INSERT INTO share_link (prefix, salt, secret_hash, run_id, created_by, created_at,"
            + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        s.prefix(),
        s.salt(),
        s.hash(),
        runId,
        createdBy,
        Instant.now(),
        Db.time(expiresAt));
    Share sh =
        Db.query(
                l,
                "SELECT " + COLUMNS + " FROM share_link WHERE prefix = ?",
                rs -> row(l, rs),
                s.prefix())
            .get(0);
    return new Created(s.value(), sh);
  }

  private static final String COLUMNS =
      "id, run_id, created_by, created_at, expires_at, revoked_at";

  private static Share row(Ledger l, java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Share(
        rs.getLong("id"),
        rs.getLong("run_id"),
        rs.getString("created_by"),
        l.dialect().getTime(rs, "created_at"),
        l.dialect().getTime(rs, "expires_at"),
        l.dialect().getTime(rs, "revoked_at"));
  }

  /** The usable share a presented value belongs to (not expired, not revoked), or empty. */
  static Optional<Share> resolve(Ledger l, String presented) {
    Secrets.Presented p = Secrets.parse(presented);
    if (p == null || !p.prefix().startsWith("scs_")) {
      return Optional.empty();
    }
    record Stored(Share share, String salt, String hash) {}
    List<Stored> rows =
        Db.query(
            l,
            "SELECT " + COLUMNS + ", salt, secret_hash FROM share_link WHERE prefix = ?",
            rs -> new Stored(row(l, rs), rs.getString("salt"), rs.getString("secret_hash")),
            p.prefix());
    if (rows.isEmpty()) {
      Secrets.matches("0", "0", p.secret());
      return Optional.empty();
    }
    Stored s = rows.get(0);
    if (!Secrets.matches(s.salt(), s.hash(), p.secret()) || !s.share().usable(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(s.share());
  }

  static Share revoke(Ledger l, long id) {
    List<Share> s =
        Db.query(l, "SELECT " + COLUMNS + " FROM share_link WHERE id = ?", rs -> row(l, rs), id);
    if (s.isEmpty()) {
      throw new UsageException("no share link " + id);
    }
    Db.update(
        l,
        "UPDATE share_link SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        Instant.now(),
        (Object) id);
    return Db.query(l, "SELECT " + COLUMNS + " FROM share_link WHERE id = ?", rs -> row(l, rs), id)
        .get(0);
  }

  static List<Share> ofRun(Ledger l, long runId) {
    return Db.query(
        l,
        "SELECT " + COLUMNS + " FROM share_link WHERE run_id = ? ORDER BY id",
        rs -> row(l, rs),
        runId);
  }
}
