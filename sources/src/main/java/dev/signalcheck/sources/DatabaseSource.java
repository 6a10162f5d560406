package dev.signalcheck.sources;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.io.DatabaseInput;
import dev.signalcheck.io.JdbcSeriesSource;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A database table or query as a source: a JDBC URL ({@code jdbc:postgresql://…}, {@code
 * jdbc:sqlite:…}, {@code jdbc:duckdb:…}) or a SQLite or DuckDB file, read through io's {@link
 * DatabaseInput} (the audit's own database input: the same URLs, credentials and quoting). The
 * password comes from {@link DatabaseInput#PASSWORD_ENV} or a password file and is only handed to
 * the driver: {@link #display()} and {@link #toString()} never hold it.
 *
 * @param source the URL or file as given
 * @param table the table, or null with a query
 * @param where a condition on the table's rows, or null
 * @param query a SELECT, or null with a table
 * @param passwordFile a file whose first line is the password, or null
 * @param password the password from the environment, or null
 */
public record DatabaseSource(
    String source, String table, String where, String query, Path passwordFile, String password) {

  /** Whether these options name a database source rather than a URL or a file. */
  public static boolean isDatabase(String source, String table, String query) {
    return DatabaseInput.isDatabase(source, table, query);
  }

  /**
   * A database source, its options checked now (a missing file or an unreachable server is a failed
   * pull later, recorded as such).
   *
   * @param env the environment, for {@link DatabaseInput#PASSWORD_ENV}
   * @throws dev.signalcheck.core.errors.UsageException when the options do not name exactly one
   *     table or query, or the URL is not a supported database
   */
  public static DatabaseSource of(
      String source,
      String table,
      String where,
      String query,
      Path passwordFile,
      Map<String, String> env) {
    String pw = env.get(DatabaseInput.PASSWORD_ENV);
    DatabaseSource d =
        new DatabaseSource(
            source, table, where, query, passwordFile, pw == null || pw.isEmpty() ? null : pw);
    try {
      d.input();
    } catch (InputException e) {
      // a file that is not there yet, or a password file not readable: the pull records it
    }
    return d;
  }

  /** io's database input, with the credentials; opened for each attempt. */
  DatabaseInput input() {
    return DatabaseInput.of(
        source,
        table,
        where,
        query,
        passwordFile,
        password == null ? Map.of() : Map.of(DatabaseInput.PASSWORD_ENV, password));
  }

  /** The source as stored and shown: the URL without a password, and what is read. */
  public String display() {
    String where =
        source.startsWith("jdbc:") ? source : Path.of(source).toAbsolutePath().toString();
    return JdbcSeriesSource.redact(where) + (table != null ? " (table " + table + ")" : " (query)");
  }

  /** The circuit breaker's key: a PostgreSQL server's host and port; none for a local file. */
  String breakerKey() {
    String prefix = "jdbc:postgresql://";
    if (!source.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      return null;
    }
    return SourceUrl.postgresKey(source);
  }

  @Override
  public String toString() {
    return "DatabaseSource[" + display() + "]";
  }
}
