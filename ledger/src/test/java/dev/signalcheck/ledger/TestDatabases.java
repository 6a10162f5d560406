package dev.signalcheck.ledger;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Ledgers for tests: a fresh SQLite file, or a fresh database on a real PostgreSQL server. The
 * server is the one named by {@code SIGNALCHECK_TEST_POSTGRES} (a JDBC URL whose user may create
 * databases, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}; {@code .ci/run}
 * sets it), or else one this class starts from the Debian binaries ({@code
 * /usr/lib/postgresql/VERSION/bin}) in a temporary folder, on a free port bound to 127.0.0.1, and
 * stops when the JVM exits. Without either, PostgreSQL tests are skipped with a message saying how
 * to enable them.
 */
public final class TestDatabases {

  /** The environment variable naming a PostgreSQL server for tests. */
  public static final String ENV = "SIGNALCHECK_TEST_POSTGRES";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static String serverUrl;
  private static String unavailable;

  private TestDatabases() {}

  /** Both databases, for parameterised tests. */
  public static Stream<LedgerDialect> dialects() {
    return Stream.of(LedgerDialect.SQLITE, LedgerDialect.POSTGRES);
  }

  /** A fresh, empty ledger of this kind (SQLite in {@code dir}). */
  public static LedgerLocation fresh(LedgerDialect d, Path dir) {
    return d == LedgerDialect.SQLITE
        ? LedgerLocation.sqlite(dir.resolve("ledger-" + COUNTER.incrementAndGet() + ".db"))
        : postgres();
  }

  /** The URL of a fresh ledger of this kind, as a user would pass it to --ledger. */
  public static String freshUrl(LedgerDialect d, Path dir) {
    LedgerLocation l = fresh(d, dir);
    if (d == LedgerDialect.SQLITE) {
      return l.file().toString();
    }
    String user = l.credentials().getProperty("user");
    return l.jdbcUrl()
        + (user == null ? "" : (l.jdbcUrl().contains("?") ? "&" : "?") + "user=" + user);
  }

  /** A fresh, empty PostgreSQL database, or the test is skipped saying how to enable it. */
  public static synchronized LedgerLocation postgres() {
    String base = server();
    Assumptions.assumeTrue(base != null, () -> unavailable);
    String db =
        "signalcheck_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    LedgerLocation admin = LedgerLocation.parse(base, Map.of(), Path.of("."));
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.credentials());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + db);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + admin.display(), e);
    }
    return LedgerLocation.parse(withDatabase(base, db), Map.of(), Path.of("."));
  }

  /** A PostgreSQL URL on the test server where nothing listens (for unreachable-server tests). */
  public static String unreachablePostgres() throws IOException {
    return "jdbc:postgresql://127.0.0.1:" + freePort() + "/ledger?user=nobody";
  }

  static String withDatabase(String url, String db) {
    int q = url.indexOf('?');
    String head = q < 0 ? url : url.substring(0, q);
    String tail = q < 0 ? "" : url.substring(q);
    int slash = head.indexOf('/', "jdbc:postgresql://".length());
    String hostPort = slash < 0 ? head : head.substring(0, slash);
    return hostPort + "/" + db + tail;
  }

  private static String server() {
    if (serverUrl != null || unavailable != null) {
      return serverUrl;
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      serverUrl = env.trim();
      return serverUrl;
    }
    try {
      serverUrl = start();
    } catch (Exception e) {
      unavailable =
          "PostgreSQL tests skipped: no server ("
              + e.getMessage()
              + "). Set "
              + ENV
              + "=jdbc:postgresql://127.0.0.1:PORT/postgres?user=USER, or install Debian's"
              + " postgresql package so the tests can start one";
    }
    return serverUrl;
  }

  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.resolve("bin"))
          .filter(p -> Files.isExecutable(p.resolve("initdb")))
          .max(Comparator.comparing(p -> versionOf(p.getParent().getFileName().toString())))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int versionOf(String s) {
    try {
      return Integer.parseInt(s.replaceAll("[^0-9].*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String start() throws IOException, InterruptedException {
    Path bin = binaries();
    if (bin == null) {
      throw new IOException("no /usr/lib/postgresql/*/bin/initdb");
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("signalcheck-pg-");
    Path data = dir.resolve("data");
    if (root) {
      run(List.of("chown", "postgres:postgres", dir.toString()), null);
    }
    String user = root ? "postgres" : System.getProperty("user.name");
    run(
        as(
            root,
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            user,
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync"),
        dir.resolve("initdb.log"));
    int port = freePort();
    run(
        as(
            root,
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=50",
            "start"),
        dir.resolve("pg_ctl.log"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    run(
                        as(
                            root,
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-m",
                            "immediate",
                            "-w",
                            "stop"),
                        null);
                  } catch (Exception ignored) {
                    // the temporary folder is removed below either way
                  }
                  deleteTree(dir);
                }));
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + user;
  }

  private static List<String> as(boolean root, String... cmd) {
    List<String> out = new ArrayList<>();
    if (root) {
      out.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    out.addAll(List.of(cmd));
    return out;
  }

  private static void run(List<String> cmd, Path log) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Path out = log != null ? log : Files.createTempFile("signalcheck-pg-cmd-", ".log");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(cmd.get(cmd.size() - 1) + " did not finish");
    }
    if (p.exitValue() != 0) {
      String text = Files.readString(out);
      throw new IOException(
          String.join(" ", cmd) + " failed: " + text.lines().reduce((a, b) -> b).orElse(""));
    }
    if (log == null) {
      Files.deleteIfExists(out);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort at exit
                }
              });
    } catch (IOException ignored) {
      // best effort at exit
    }
  }
}
