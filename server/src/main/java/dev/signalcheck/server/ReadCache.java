package dev.signalcheck.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * What the read routes answered, kept until the ledger changes: documents (runs listing, projects,
 * a run, a stored report) keyed by what was asked and the {@link LedgerVersion} they were read at,
 * and the tokens that were verified at a version. Any commit to the ledger, by this server or
 * another process, changes the version (but the usage events', which nothing kept depends on), so
 * nothing older is served after it: a new run is listed, a revoked token is refused and a revoked
 * share link is gone at once. The usage figures are the one exception: every call is a usage event,
 * so they change with every request; they are kept for at most {@link #USAGE_MAX_AGE} and may be
 * that much behind. Every cache is bounded (documents by bytes, tokens and usage by count). Only
 * answers are kept: handlers still run, so every call is still recorded as a usage event. On
 * PostgreSQL the version is not tracked and nothing is kept.
 */
final class ReadCache implements AutoCloseable {
  /** How long a usage answer may be served again. */
  static final Duration USAGE_MAX_AGE = Duration.ofSeconds(1);

  /** A kept answer: its bytes and the project it is about (for the usage event). */
  record Doc(byte[] body, String project) {}

  private record Key(String what, long version) {}

  private record Verified(Tokens.TokenInfo token, long version) {}

  private final LedgerVersion version;
  private final Cache<Key, Doc> docs;
  private final Cache<String, Verified> tokens;
  private final Cache<String, Doc> usage;

  /**
   * @param maxBytes the most bytes of documents kept (old versions go first, then the least used)
   */
  ReadCache(LedgerVersion version, long maxBytes) {
    this.version = version;
    this.docs =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Key k, Doc d) -> d.body().length + k.what().length() + 64)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    this.tokens =
        Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(1)).build();
    this.usage = Caffeine.newBuilder().maximumSize(200).expireAfterWrite(USAGE_MAX_AGE).build();
  }

  /**
   * The document {@code what} as of now: the kept one if the ledger has not changed since it was
   * read, else {@code read} (its exceptions go to the caller; nothing is kept then). Concurrent
   * callers of the same document wait for one read.
   */
  Doc doc(String what, Supplier<Doc> read) {
    long v = version.current();
    if (v == LedgerVersion.UNTRACKED) {
      return read.get();
    }
    return docs.get(new Key(what, v), k -> read.get());
  }

  /**
   * A key naming a document: the route and its parameters, each text prefixed by its length, so
   * that no two different queries share a key whatever their text holds.
   */
  static String key(String route, Object... parts) {
    StringBuilder b = new StringBuilder(route);
    for (Object p : parts) {
      String s = String.valueOf(p);
      b.append('|').append(p == null ? "-" : Integer.toString(s.length())).append(':').append(s);
    }
    return b.toString();
  }

  /** The usage answer {@code what}: kept for at most {@link #USAGE_MAX_AGE}. */
  Doc usage(String what, Supplier<Doc> read) {
    if (!version.tracked()) {
      return read.get();
    }
    return usage.get(what, k -> read.get());
  }

  /**
   * The active token a presented value belongs to, or null: the one verified before if the ledger
   * has not changed since, else {@code verify} (whose answer is kept only when it is a token).
   */
  Tokens.TokenInfo token(String presented, Supplier<Tokens.TokenInfo> verify) {
    long v = version.current();
    if (v == LedgerVersion.UNTRACKED) {
      return verify.get();
    }
    // the key is a digest: the cache holds no usable secret
    String key = digest(presented);
    Verified seen = tokens.getIfPresent(key);
    if (seen != null && seen.version() == v) {
      return seen.token();
    }
    Tokens.TokenInfo t = verify.get();
    if (t == null) {
      tokens.invalidate(key);
    } else {
      tokens.put(key, new Verified(t, v));
    }
    return t;
  }

  /** The bytes of documents kept now (after pending evictions). */
  long keptBytes() {
    docs.cleanUp();
    return docs.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  /** How many documents are kept now (after pending evictions). */
  long keptDocs() {
    docs.cleanUp();
    return docs.estimatedSize();
  }

  private static String digest(String s) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    docs.invalidateAll();
    tokens.invalidateAll();
    usage.invalidateAll();
    version.close();
  }
}
