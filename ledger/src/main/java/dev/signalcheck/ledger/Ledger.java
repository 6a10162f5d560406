package dev.signalcheck.ledger;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

/**
 * An open ledger: one JDBC connection to SQLite or PostgreSQL, its schema brought up to date by the
 * Flyway migrations under {@code dev/signalcheck/ledger/db/migration} (V1 tables, V2 views, V3 the
 * server's tokens, shares and usage events; later versions add to them, see docs/ledger.md). Not
 * thread-safe: one thread uses one ledger.
 *
 * <p>SQLite runs in WAL mode with a busy timeout, so several audits can write at once; PostgreSQL
 * uses plain transactions. A ledger whose schema is newer than this signalcheck knows is refused
 * (never written by an older version). A SQLite file without write permission for its owner is
 * opened read-only, whoever runs signalcheck.
 */
public final class Ledger implements AutoCloseable {

  /**
   * The newest schema version this build knows: the highest {@code V<N>__} migration. A test checks
   * that the two agree; bump it with every new migration.
   */
  public static final int SCHEMA_VERSION = 7;

  /** How long a SQLite writer waits for another to finish (milliseconds). */
  static final int BUSY_TIMEOUT_MS = 30_000;

  static final String MIGRATIONS = "classpath:dev/signalcheck/ledger/db/migration";

  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  static {
    // Flyway reports through java.util.logging; the command line's output is its own
    FLYWAY_LOG.setLevel(Level.WARNING);
  }

  private final LedgerLocation location;
  private final Connection connection;
  private final boolean readOnly;

  private Ledger(LedgerLocation location, Connection connection, boolean readOnly) {
    this.location = location;
    this.connection = connection;
    this.readOnly = readOnly;
  }

  /**
   * Opens a ledger, creating it (and its folder) when it does not exist and migrating its schema.
   *
   * @throws InputException when it cannot be reached or opened, was written by a newer version, or
   *     is read-only and needs migrating
   */
  public static Ledger open(LedgerLocation loc) {
    boolean ro = loc.file() != null && readOnlyFile(loc.file());
    Connection c = connect(loc, ro);
    Ledger l = new Ledger(loc, c, ro);
    try {
      l.migrate();
      if (!ro) {
        ReferencePopulations.ensure(l);
      }
      return l;
    } catch (RuntimeException e) {
      l.close();
      throw e;
    }
  }

  public LedgerLocation location() {
    return location;
  }

  public LedgerDialect dialect() {
    return location.dialect();
  }

  public boolean readOnly() {
    return readOnly;
  }

  /** The connection (auto-commit on unless a caller turns it off for a transaction). */
  public Connection connection() {
    return connection;
  }

  /** Throws when this ledger cannot be written. */
  public void requireWritable() {
    if (readOnly) {
      throw new OutputException(
          "the ledger "
              + location.display()
              + " is read-only (no write permission); make it writable, choose another with"
              + " --ledger, or pass --no-ledger");
    }
  }

  private static boolean readOnlyFile(Path f) {
    if (!Files.exists(f)) {
      return false;
    }
    if (!Files.isWritable(f)) {
      return true;
    }
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
      return !p.contains(PosixFilePermission.OWNER_WRITE);
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
  }

  private static Connection connect(LedgerLocation loc, boolean readOnly) {
    try {
      if (loc.dialect() == LedgerDialect.SQLITE) {
        Path parent = loc.file().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
          try {
            Files.createDirectories(parent);
          } catch (IOException e) {
            throw new InputException(
                "cannot create the ledger folder "
                    + parent
                    + " ("
                    + e.getMessage()
                    + "); choose another with --ledger or pass --no-ledger",
                e);
          }
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.enforceForeignKeys(true);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // a writer takes the write lock when its transaction begins, so the busy timeout applies
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (readOnly) {
          cfg.setReadOnly(true);
        } else {
          cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        return DriverManager.getConnection(loc.jdbcUrl(), cfg.toProperties());
      }
      Properties p = new Properties();
      p.putAll(loc.credentials());
      p.setProperty("connectTimeout", "10");
      p.setProperty("ApplicationName", "signalcheck");
      return DriverManager.getConnection(loc.jdbcUrl(), p);
    } catch (SQLException e) {
      throw new InputException(
          "cannot open the ledger "
              + loc.display()
              + ": "
              + reason(e)
              + (loc.dialect() == LedgerDialect.POSTGRES
                  ? "; check that the server runs and the URL, user and password are right"
                  : "; check the file, choose another with --ledger, or pass --no-ledger"),
          e);
    }
  }

  /** A driver's message, one line, without the URL's credentials. */
  public static String reason(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.replace('\n', ' ').replace('\r', ' ').trim();
    return LedgerLocation.redact(m);
  }

  /** The applied schema version, 0 for an empty database. */
  int appliedVersion() {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
      int max = 0;
      while (rs.next()) {
        try {
          max = Math.max(max, Integer.parseInt(rs.getString(1).split("\\.")[0]));
        } catch (NumberFormatException ignored) {
          // a version this build did not write: treated by the newest-version check
        }
      }
      return max;
    } catch (SQLException e) {
      if (location.dialect() == LedgerDialect.POSTGRES) {
        rollbackQuietly();
      }
      return 0;
    }
  }

  private void migrate() {
    int v = appliedVersion();
    if (v == SCHEMA_VERSION) {
      return;
    }
    if (v > SCHEMA_VERSION) {
      throw newer(v);
    }
    if (readOnly) {
      throw new InputException(
          "the ledger "
              + location.display()
              + " is read-only and its schema (version "
              + v
              + ") needs upgrading to version "
              + SCHEMA_VERSION
              + "; make it writable once, or choose another with --ledger");
    }
    try {
      flyway().migrate();
    } catch (FlywayException e) {
      // another process may have migrated it at the same moment
      int now = appliedVersion();
      if (now > SCHEMA_VERSION) {
        throw newer(now);
      }
      if (now != SCHEMA_VERSION) {
        throw new OutputException(
            "cannot set up the ledger "
                + location.display()
                + ": "
                + LedgerLocation.redact(
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
                + "; choose another with --ledger or pass --no-ledger",
            e);
      }
    }
  }

  private InputException newer(int v) {
    return new InputException(
        String.format(
            Locale.ROOT,
            "the ledger %s was written by a newer signalcheck (schema version %d; this one knows"
                + " up to %d); upgrade signalcheck, or choose another ledger with --ledger",
            location.display(),
            v,
            SCHEMA_VERSION));
  }

  Flyway flyway() {
    return Flyway.configure(Ledger.class.getClassLoader())
        .dataSource(new SingleConnectionDataSource(connection))
        .locations(MIGRATIONS)
        .placeholders(dialect().placeholders())
        .failOnMissingLocations(true)
        .load();
  }

  void rollbackQuietly() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // the connection is broken; the caller reports the original problem
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to save
    }
  }
}
