package dev.signalcheck.io;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A database to read series from: a JDBC URL ({@code jdbc:postgresql://HOST[:PORT]/DB}, {@code
 * jdbc:sqlite:PATH}, {@code jdbc:duckdb:PATH}) or a database file (SQLite or DuckDB, told apart by
 * the file's header), and either a table (with an optional condition) or a query.
 *
 * <p>The password comes from the environment ({@link #PASSWORD_ENV}), from a password file (its
 * first line), from PostgreSQL's own {@code ~/.pgpass} (the driver reads it), or from the URL; it
 * is kept in {@link #credentials} only and never in {@link #jdbcUrl}, {@link #displayUrl} or {@link
 * #displayName}.
 *
 * @param jdbcUrl the URL handed to the driver, without user or password
 * @param credentials user and password for the driver (may be empty)
 * @param table the table ({@code schema.table} allowed), or null with a query
 * @param where a condition on the table's rows (SQL), or null
 * @param query a SELECT whose rows are the input, or null with a table
 */
public record DatabaseInput(
    String jdbcUrl, Properties credentials, String table, String where, String query) {

  /** The environment variable with the database password. */
  public static final String PASSWORD_ENV = "SIGNALCHECK_DB_PASSWORD";

  /** Whether these options read a database rather than a file. */
  public static boolean isDatabase(String source, String table, String query) {
    return table != null || query != null || (source != null && source.startsWith("jdbc:"));
  }

  /**
   * Reads the options.
   *
   * @param source the audit's INPUT: a JDBC URL or a database file
   * @param passwordFile a file whose first line is the password, or null
   * @param env the environment (System.getenv())
   * @throws UsageException when the options do not name exactly one table or query, or the URL is
   *     not a supported database
   */
  public static DatabaseInput of(
      String source,
      String table,
      String where,
      String query,
      Path passwordFile,
      Map<String, String> env) {
    if ((table == null) == (query == null)) {
      throw new UsageException(
          "database input needs either --table NAME or --query 'SELECT …' (not both): "
              + redactUrl(source));
    }
    if (where != null && table == null) {
      throw new UsageException("--where goes with --table; put the condition in --query instead");
    }
    if (query != null && query.isBlank()) {
      throw new UsageException("--query is empty");
    }
    Properties creds = new Properties();
    String url;
    if (source.startsWith("jdbc:postgresql:")) {
      url = postgres(source, creds);
    } else if (source.startsWith("jdbc:sqlite:")) {
      url = source;
      mustExist(Path.of(source.substring("jdbc:sqlite:".length())), source);
    } else if (source.startsWith("jdbc:duckdb:")) {
      url = source;
      String path = source.substring("jdbc:duckdb:".length());
      if (path.isEmpty() || path.startsWith(":memory:")) {
        throw new UsageException("'" + source + "' is an empty in-memory database; give its file");
      }
      mustExist(Path.of(path), source);
      creds.setProperty("duckdb.read_only", "true");
    } else if (source.startsWith("jdbc:")) {
      throw new UsageException(
          "'"
              + redactUrl(source)
              + "' is not a supported database; use jdbc:postgresql://HOST/DB, jdbc:sqlite:FILE,"
              + " jdbc:duckdb:FILE or a database file");
    } else {
      Path file = Path.of(source);
      mustExist(file, source);
      if (isSqlite(file)) {
        url = "jdbc:sqlite:" + file;
      } else {
        url = "jdbc:duckdb:" + file;
        creds.setProperty("duckdb.read_only", "true");
      }
    }
    String pw = null;
    if (passwordFile != null) {
      try {
        List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
        pw = lines.isEmpty() ? "" : lines.get(0).strip();
      } catch (IOException e) {
        throw new InputException(
            "cannot read the password file " + passwordFile + " (--password-file): " + e, null);
      }
    } else if (env.get(PASSWORD_ENV) != null && !env.get(PASSWORD_ENV).isEmpty()) {
      pw = env.get(PASSWORD_ENV);
    }
    if (pw != null) {
      creds.setProperty("password", pw);
    }
    return new DatabaseInput(url, creds, table, where, query);
  }

  private static void mustExist(Path file, String source) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(
          "no database file " + file + " (" + redactUrl(source) + "); check the path", null);
    }
  }

  private static boolean isSqlite(Path file) {
    byte[] head = new byte[16];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, 16);
      return n == 16 && new String(head, StandardCharsets.US_ASCII).equals("SQLite format 3\0");
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** user and password out of a PostgreSQL URL (query parameters or user:password@host). */
  private static String postgres(String url, Properties creds) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    List<String> kept = new ArrayList<>();
    if (q >= 0) {
      for (String kv : url.substring(q + 1).split("&")) {
        if (kv.isEmpty()) {
          continue;
        }
        int eq = kv.indexOf('=');
        String k = (eq < 0 ? kv : kv.substring(0, eq)).toLowerCase(Locale.ROOT);
        String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        if (k.equals("password") || k.equals("user")) {
          creds.setProperty(k, v);
        } else {
          kept.add(kv);
        }
      }
    }
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
    return kept.isEmpty() ? base : base + "?" + String.join("&", kept);
  }

  /**
   * What follows {@code FROM} to read the input's rows: the quoted table (with its condition), or
   * the query as a subquery. Shared by every reader of a database input.
   */
  public String fromClause() {
    if (query != null) {
      return "(" + query + ") AS q";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : table.split("\\.", -1)) {
      if (part.isEmpty()) {
        throw new UsageException(
            "--table '" + table + "' is not a table name (schema.table or table)");
      }
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(Sql.ident(part));
    }
    if (where != null && !where.isBlank()) {
      sb.append(" WHERE (").append(where).append(')');
    }
    return sb.toString();
  }

  /** The database as users may see it: the URL with the user, never a password. */
  public String displayUrl() {
    String user = credentials.getProperty("user");
    return user == null ? jdbcUrl : jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=" + user;
  }

  /** The input as reports name it: the table or "query" and the database. */
  public String displayName() {
    return (table != null ? "table " + table : "query") + " in " + displayUrl();
  }

  /** A URL with any password replaced by {@code ***}, for messages about URLs not understood. */
  static String redactUrl(String url) {
    return JdbcSeriesSource.redact(url);
  }

  @Override
  public String toString() {
    return "DatabaseInput[" + displayName() + "]";
  }
}
