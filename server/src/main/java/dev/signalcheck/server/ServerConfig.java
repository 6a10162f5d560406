package dev.signalcheck.server;

import dev.signalcheck.ledger.LedgerLocation;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the server runs.
 *
 * @param bind the address to listen on (127.0.0.1 by default: nothing is reachable from elsewhere
 *     unless asked)
 * @param port the port (0: any free port)
 * @param ledger the ledger (the same as the command line's)
 * @param data where each run's report.json and report.html are kept
 * @param uploadLimit the largest upload accepted (bytes); larger is a 413
 * @param stopTimeout how long a stop waits for audits in flight
 * @param auditThreads worker threads of one audit (1 by default)
 * @param concurrentAudits audits run at once, the others wait their turn (by default one fewer than
 *     the cores, at least one: a core is left for reads, whatever the uploads)
 */
public record ServerConfig(
    String bind,
    int port,
    LedgerLocation ledger,
    Path data,
    long uploadLimit,
    Duration stopTimeout,
    int auditThreads,
    int concurrentAudits) {

  /** The default upload limit: 256 MiB. */
  public static final long DEFAULT_UPLOAD_LIMIT = 256L << 20;

  /** Defaults for everything but the ledger and the data folder. */
  public static ServerConfig of(LedgerLocation ledger, Path data) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServerConfig(
        "127.0.0.1",
        8080,
        ledger,
        data,
        DEFAULT_UPLOAD_LIMIT,
        Duration.ofSeconds(60),
        1,
        Math.max(1, cores - 1));
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        bind, p, ledger, data, uploadLimit, stopTimeout, auditThreads, concurrentAudits);
  }

  public ServerConfig withBind(String b) {
    return new ServerConfig(
        b, port, ledger, data, uploadLimit, stopTimeout, auditThreads, concurrentAudits);
  }

  public ServerConfig withUploadLimit(long l) {
    return new ServerConfig(
        bind, port, ledger, data, l, stopTimeout, auditThreads, concurrentAudits);
  }

  public ServerConfig withStopTimeout(Duration d) {
    return new ServerConfig(
        bind, port, ledger, data, uploadLimit, d, auditThreads, concurrentAudits);
  }
}
