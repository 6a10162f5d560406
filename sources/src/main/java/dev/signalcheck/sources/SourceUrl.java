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
   * @throws UsageException for another scheme (JDBC sources are not fetched; audit the table
   *     directly) or a malformed URL
   */
  public static URI parse(String text) {
    String t = text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:")) {
      throw new UsageException(
          "fetch reads http(s):// and file:// sources; a JDBC source is not supported yet"
              + " (export the table to a file, or serve it over HTTP)");
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
}
