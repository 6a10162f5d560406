package dev.signalcheck.server;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.ledger.Ledger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens in the ledger ({@code api_token}): created with a name and a scope, shown once, stored
 * as a salted SHA-256 hash, revoked by name. A revoked token stays listed (and its name taken) so
 * that the usage history keeps meaning.
 */
public final class Tokens {
  private Tokens() {}

  /** A token as listed (never with its secret). */
  public record TokenInfo(
      long id,
      String name,
      Scope scope,
      String prefix,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  /** A created token: the value to hand out (once) and the stored row. */
  public record Created(String token, TokenInfo info) {}

  /**
   * Creates a token.
   *
   * @throws UsageException when the name is empty, too long or already taken
   */
  public static Created create(Ledger l, String name, Scope scope) {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new UsageException("--name must be 1 to 100 characters");
    }
    String n = name.strip();
    if (find(l, n).isPresent()) {
      throw new UsageException(
          "a token named '"
              + n
              + "' already exists in the ledger "
              + l.location().display()
              + "; choose another name ('signalcheck token list' shows them)");
    }
    Secrets.Issued s = Secrets.issue("sct");
    Instant now = Instant.now();
    Db.update(
        l,
        "INSERT INTO api_token (name, scope, prefix, salt, secret_hash, created_at) VALUES (?, ?,"
            + " ?, ?, ?, ?)",
        n,
        scope.id(),
        s.prefix(),
        s.salt(),
        s.hash(),
        now);
    return new Created(s.value(), find(l, n).orElseThrow());
  }

  private static final String COLUMNS =
      "id, name, scope, prefix, created_at, last_used_at, revoked_at";

  private static TokenInfo row(Ledger l, java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TokenInfo(
        rs.getLong("id"),
        rs.getString("name"),
        Scope.parse(rs.getString("scope")),
        rs.getString("prefix"),
        l.dialect().getTime(rs, "created_at"),
        l.dialect().getTime(rs, "last_used_at"),
        l.dialect().getTime(rs, "revoked_at"));
  }

  public static Optional<TokenInfo> find(Ledger l, String name) {
    return Db.query(
            l, "SELECT " + COLUMNS + " FROM api_token WHERE name = ?", rs -> row(l, rs), name)
        .stream()
        .findFirst();
  }

  /** Every token, oldest first. */
  public static List<TokenInfo> list(Ledger l) {
    return Db.query(l, "SELECT " + COLUMNS + " FROM api_token ORDER BY id", rs -> row(l, rs));
  }

  /**
   * Revokes a token by name.
   *
   * @throws UsageException when there is no such token
   */
  public static TokenInfo revoke(Ledger l, String name) {
    TokenInfo t =
        find(l, name)
            .orElseThrow(
                () ->
                    new UsageException(
                        "no token named '"
                            + name
                            + "' in the ledger "
                            + l.location().display()
                            + "; 'signalcheck token list' shows them"));
    if (t.active()) {
      Db.update(
          l, "UPDATE api_token SET revoked_at = ? WHERE id = ?", Instant.now(), (Object) t.id());
    }
    return find(l, name).orElseThrow();
  }

  /** The active token a presented value belongs to, or empty (unknown, wrong or revoked). */
  public static Optional<TokenInfo> authenticate(Ledger l, String presented) {
    Secrets.Presented p = Secrets.parse(presented);
    if (p == null) {
      return Optional.empty();
    }
    record Stored(TokenInfo info, String salt, String hash) {}
    List<Stored> rows =
        Db.query(
            l,
            "SELECT " + COLUMNS + ", salt, secret_hash FROM api_token WHERE prefix = ?",
            rs -> new Stored(row(l, rs), rs.getString("salt"), rs.getString("secret_hash")),
            p.prefix());
    if (rows.isEmpty()) {
      // the same work as a match, so timing tells nothing about which prefixes exist
      Secrets.matches("0", "0", p.secret());
      return Optional.empty();
    }
    Stored s = rows.get(0);
    if (!Secrets.matches(s.salt(), s.hash(), p.secret()) || !s.info().active()) {
      return Optional.empty();
    }
    return Optional.of(s.info());
  }

  /** The token of this id, if it is still active (a dashboard session checks on every page). */
  public static Optional<TokenInfo> active(Ledger l, long id) {
    return Db.query(
            l,
            "SELECT " + COLUMNS + " FROM api_token WHERE id = ? AND revoked_at IS NULL",
            rs -> row(l, rs),
            id)
        .stream()
        .findFirst();
  }

  /** Notes that a token was used (at most once a minute per token, to spare the database). */
  static void touch(Ledger l, TokenInfo t) {
    Instant now = Instant.now();
    if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60))) {
      Db.update(l, "UPDATE api_token SET last_used_at = ? WHERE id = ?", now, (Object) t.id());
    }
  }
}
