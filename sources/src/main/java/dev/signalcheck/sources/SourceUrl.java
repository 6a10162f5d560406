package dev.signalcheck.sources;

import dev.signalcheck.core.errors.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where a source is: an {@code http(s)://} or {@code file://} URL (a plain path is a file). */
public final class SourceUrl {
  private SourceUrl() {}

  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b(https?://)[^/@\\s]+@");

  /**
   * The URI of a source argument.
   *
   * @throws UsageException for another scheme, a JDBC URL (read as a {@link DatabaseSource}) or a
   *     malformed URL
   */
  public static URI parse(String text) {
    String t = text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:")) {
      throw new UsageException(
          "a JDBC source needs --table NAME or --query 'SELECT …' (in a sources file: table or"
              + " query): "
              + dev.signalcheck.io.JdbcSeriesSource.redact(t));
    }
    if (!lower.contains("://")) {
      return Path.of(t).toAbsolutePath().toUri();
    }
    try {
      URI u = new URI(t);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
        throw new UsageException(
            "unsupported URL scheme '"
                + scheme
                + "' in "
                + withoutUserInfo(t)
                + "; use http://, https:// or file://");
      }
      if (!scheme.equals("file") && (u.getHost() == null || u.getHost().isEmpty())) {
        throw new UsageException("the URL " + withoutUserInfo(t) + " has no host");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new UsageException(
          "'" + withoutUserInfo(t) + "' is not a valid URL (" + e.getReason() + ")");
    }
  }

  /** The text with {@code user:password@} removed from every http(s) URL in it. */
  public static String withoutUserInfo(String s) {
    return s == null ? null : USER_INFO.matcher(s).replaceAll("$1");
  }

  private static final Pattern SECRET_PARAM =
      Pattern.compile("(?i)([?&][^=&#]*(?:token|key|secret|pass|sig|auth)[^=&#]*=)[^&#]*");

  /** The URL as stored and shown: without user info, secret-looking query values masked. */
  public static String display(URI u) {
    return SECRET_PARAM.matcher(withoutUserInfo(u.toString())).replaceAll("$1***");
  }

  /** The circuit breaker's key: scheme, host and port. */
  static String hostKey(URI u) {
    int port = u.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
    return u.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + String.valueOf(u.getHost()).toLowerCase(Locale.ROOT)
        + ":"
        + port;
  }

  /** The breaker's key of a PostgreSQL URL: {@code postgresql://HOST:PORT} (5432 by default). */
  static String postgresKey(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:postgresql://".length());
    int end = rest.length();
    for (char c : new char[] {'/', '?'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String hostPort = rest.substring(0, end);
    int at = hostPort.lastIndexOf('@');
    if (at >= 0) {
      hostPort = hostPort.substring(at + 1);
    }
    if (hostPort.isEmpty()) {
      hostPort = "localhost";
    }
    if (!hostPort.matches(".*:[0-9]+")) {
      hostPort = hostPort + ":5432";
    }
    return "postgresql://" + hostPort.toLowerCase(Locale.ROOT);
  }

  /** The breaker's key of a URL as stored in the ledger, or null when it has none (a file). */
  static String breakerKey(String stored) {
    if (stored == null) {
      return null;
    }
    String lower = stored.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql://")) {
      return postgresKey(stored);
    }
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return null;
    }
    try {
      URI u = new URI(stored.replace("***", "x"));
      return u.getHost() == null ? null : hostKey(u);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
