package dev.signalcheck.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets (API tokens, share links) of the form {@code KIND_PREFIX.SECRET}: the prefix
 * (public, unique) finds the stored row, which holds only a random salt and SHA-256(salt ||
 * secret). A stolen ledger gives no usable token; secrets are compared in constant time.
 */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A new secret: its public prefix, the whole value handed out once, and what is stored. */
  record Issued(String prefix, String value, String salt, String hash) {}

  /** A parsed presented value. */
  record Presented(String prefix, String secret) {}

  static Issued issue(String kind) {
    String prefix = kind + "_" + random(9);
    String secret = random(32);
    String salt = random(16);
    return new Issued(prefix, prefix + "." + secret, salt, hash(salt, secret));
  }

  /** A random URL-safe string of {@code bytes} random bytes. */
  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static Presented parse(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    int dot = v.indexOf('.');
    if (dot <= 0 || dot == v.length() - 1 || v.length() > 200) {
      return null;
    }
    String prefix = v.substring(0, dot);
    String secret = v.substring(dot + 1);
    if (!prefix.matches("[a-z]+_[A-Za-z0-9_-]{4,40}") || !secret.matches("[A-Za-z0-9_-]+")) {
      return null;
    }
    return new Presented(prefix, secret);
  }

  static String hash(String salt, String secret) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(salt.getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean matches(String salt, String storedHash, String secret) {
    return MessageDigest.isEqual(
        hash(salt, secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
