package dev.signalcheck.ledger;

import dev.signalcheck.core.errors.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the ledger is: {@code --ledger URL} over the environment variable {@code
 * SIGNALCHECK_LEDGER} over {@code ~/.signalcheck/ledger.db}. A URL is a file path, {@code
 * jdbc:sqlite:PATH} or {@code jdbc:postgresql://HOST:PORT/DB?user=U}. A PostgreSQL password comes
 * from the URL ({@code password=}), from {@code SIGNALCHECK_LEDGER_PASSWORD}, or from the driver's
 * own password file ({@code ~/.pgpass}, {@code PGPASSFILE}); it never appears in {@link
 * #display()}, in messages or in the ledger.
 *
 * @param dialect SQLite or PostgreSQL
 * @param jdbcUrl the JDBC URL without credentials
 * @param file the SQLite file, or null for PostgreSQL
 * @param credentials user and password for the driver (may be empty)
 */
public record LedgerLocation(
    LedgerDialect dialect, String jdbcUrl, Path file, Properties credentials) {

  /** The environment variable that names the ledger. */
  public static final String ENV = "SIGNALCHECK_LEDGER";

  /** The environment variable with a PostgreSQL password. */
  public static final String PASSWORD_ENV = "SIGNALCHECK_LEDGER_PASSWORD";

  /**
   * The ledger to use.
   *
   * @param option the {@code --ledger} value, or null
   * @param env the environment (System.getenv())
   * @param home the user's home folder
   */
  public static LedgerLocation resolve(String option, Map<String, String> env, Path home) {
    String url = option;
    if (url == null || url.isBlank()) {
      url = env.get(ENV);
    }
    if (url == null || url.isBlank()) {
      return sqlite(home.resolve(".signalcheck").resolve("ledger.db"));
    }
    return parse(url.trim(), env, home);
  }

  /** A SQLite ledger in this file. */
  public static LedgerLocation sqlite(Path file) {
    Path f = file.toAbsolutePath().normalize();
    return new LedgerLocation(LedgerDialect.SQLITE, "jdbc:sqlite:" + f, f, new Properties());
  }

  /** Reads a ledger URL (a file path, jdbc:sqlite:… or jdbc:postgresql://…). */
  public static LedgerLocation parse(String url, Map<String, String> env, Path home) {
    if (url.startsWith("jdbc:sqlite:")) {
      String path = url.substring("jdbc:sqlite:".length());
      if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
        throw new UsageException(
            "--ledger '"
                + url
                + "' is not a ledger file; give a path, e.g. jdbc:sqlite:/data/ledger.db");
      }
      return sqlite(expand(path, home));
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return postgres(url, env);
    }
    if (url.startsWith("jdbc:")) {
      throw new UsageException(
          "--ledger '"
              + redact(url)
              + "' is not supported; use a file path, jdbc:sqlite:PATH or"
              + " jdbc:postgresql://HOST:PORT/DB");
    }
    return sqlite(expand(url, home));
  }

  private static Path expand(String path, Path home) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2));
    }
    return Path.of(path);
  }

  private static LedgerLocation postgres(String url, Map<String, String> env) {
    Properties creds = new Properties();
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    List<String> kept = new ArrayList<>();
    if (q >= 0) {
      for (String kv : url.substring(q + 1).split("&")) {
        if (kv.isEmpty()) {
          continue;
        }
        int eq = kv.indexOf('=');
        String k = eq < 0 ? kv : kv.substring(0, eq);
        String v = eq < 0 ? "" : kv.substring(eq + 1);
        if (k.equals("password")) {
          creds.setProperty(
              "password", java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8));
        } else if (k.equals("user")) {
          creds.setProperty(
              "user", java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8));
        } else {
          kept.add(kv);
        }
      }
    }
    // user:password@host in the URL
    String prefix = "jdbc:postgresql://";
    if (base.startsWith(prefix)) {
      String rest = base.substring(prefix.length());
      int at = rest.indexOf('@');
      int slash = rest.indexOf('/');
      if (at >= 0 && (slash < 0 || at < slash)) {
        String userInfo = rest.substring(0, at);
        int colon = userInfo.indexOf(':');
        creds.setProperty("user", colon < 0 ? userInfo : userInfo.substring(0, colon));
        if (colon >= 0) {
          creds.setProperty("password", userInfo.substring(colon + 1));
        }
        base = prefix + rest.substring(at + 1);
      }
    }
    String pw = env.get(PASSWORD_ENV);
    if (!creds.containsKey("password") && pw != null && !pw.isEmpty()) {
      creds.setProperty("password", pw);
    }
    String clean = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    return new LedgerLocation(LedgerDialect.POSTGRES, clean, null, creds);
  }

  /** The ledger as users may see it: a file path, or the URL with the user but no password. */
  public String display() {
    if (file != null) {
      return file.toString();
    }
    String user = credentials.getProperty("user");
    return user == null ? jdbcUrl : jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=" + user;
  }

  /** A URL with any password removed (for messages about URLs that could not be read). */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
  }
}
