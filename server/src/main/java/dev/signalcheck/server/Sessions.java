package dev.signalcheck.server;

import dev.signalcheck.ledger.Ledger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Dashboard sessions in the ledger ({@code dashboard_session}, migration V6), so that a restart
 * keeps the people signed in. The cookie's value is a random id; the ledger holds SHA-256 of it
 * only. A session ends at its expiry, at sign-out, or when its token is revoked.
 */
final class Sessions {
  private Sessions() {}

  /** One signed-in browser: its token and the CSRF value its forms carry. */
  record Session(long tokenId, String name, Scope scope, String csrf, Instant expires) {}

  /** A new session: the id for the cookie (shown only now) and the row. */
  record Started(String id, Session session) {}

  static Started start(Ledger l, Tokens.TokenInfo t, Duration life) {
    String id = Secrets.random(32);
    Instant now = Instant.now();
    Session s = new Session(t.id(), t.name(), t.scope(), Secrets.random(24), now.plus(life));
    Db.update(
        l,
        "INSERT INTO dashboard_session (id_hash, token_id, csrf, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        hash(id),
        t.id(),
        s.csrf(),
        now,
        s.expires());
    return new Started(id, s);
  }

  /**
   * The live session of a cookie value, or empty (unknown, expired or its token revoked; an expired
   * one is removed).
   */
  static Optional<Session> find(Ledger l, String id) {
    if (id == null || id.isEmpty() || id.length() > 200) {
      return Optional.empty();
    }
    String h = hash(id);
    List<Object[]> rows =
        Db.query(
            l,
            "SELECT token_id, csrf, expires_at FROM dashboard_session WHERE id_hash = ?",
            rs ->
                new Object[] {
                  rs.getLong("token_id"),
                  rs.getString("csrf"),
                  l.dialect().getTime(rs, "expires_at")
                },
            h);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    Instant expires = (Instant) r[2];
    Optional<Tokens.TokenInfo> t = Tokens.active(l, (Long) r[0]);
    if (expires.isBefore(Instant.now()) || t.isEmpty()) {
      Db.update(l, "DELETE FROM dashboard_session WHERE id_hash = ?", h);
      return Optional.empty();
    }
    return Optional.of(
        new Session(t.get().id(), t.get().name(), t.get().scope(), (String) r[1], expires));
  }

  /** Ends a session (sign-out). */
  static void end(Ledger l, String id) {
    if (id != null && !id.isEmpty()) {
      Db.update(l, "DELETE FROM dashboard_session WHERE id_hash = ?", hash(id));
    }
  }

  /** Removes every expired session; returns how many. */
  static int purge(Ledger l) {
    return Db.update(l, "DELETE FROM dashboard_session WHERE expires_at < ?", Instant.now());
  }

  static String hash(String id) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
