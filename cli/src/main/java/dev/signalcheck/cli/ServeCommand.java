package dev.signalcheck.cli;

import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.server.ServerConfig;
import dev.signalcheck.server.SignalcheckServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signalcheck serve}: the audit as an API, the dashboard, share links, usage tracking. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the JSON API under /api/v1 (Bearer tokens from 'signalcheck token create'), the"
            + " dashboard at / and share links, over the same ledger as the command line. Stops"
            + " cleanly on Ctrl-C or SIGTERM: audits in flight finish or are recorded as failed.")
public final class ServeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  @Option(
      names = "--ledger",
      paramLabel = "URL",
      description =
          "The ledger: a file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST:PORT/DB (default:"
              + " $SIGNALCHECK_LEDGER, else ~/.signalcheck/ledger.db).")
  String ledger;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Where each run's report.json and report.html are kept (default: ~/.signalcheck/data).")
  Path data;

  @Option(
      names = "--upload-limit",
      paramLabel = "SIZE",
      defaultValue = "256MB",
      description = "Largest upload accepted, e.g. 500KB, 64MB, 2GB (default: ${DEFAULT-VALUE}).")
  String uploadLimit;

  @Option(
      names = "--stop-timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "On stop, how long audits in flight may take to finish (default: ${DEFAULT-VALUE}).")
  int stopTimeout;

  @Option(names = "--debug", description = "Stack traces on errors.")
  boolean debug;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be from 0 to 65535, not " + port);
    }
    if (stopTimeout < 0) {
      throw new UsageException("--stop-timeout must be 0 or more seconds, not " + stopTimeout);
    }
    Path dir =
        data != null
            ? data
            : Path.of(System.getProperty("user.home")).resolve(".signalcheck").resolve("data");
    ServerConfig cfg =
        ServerConfig.of(LedgerLocations.resolve(ledger), dir)
            .withPort(port)
            .withBind(bind)
            .withUploadLimit(size(uploadLimit))
            .withStopTimeout(Duration.ofSeconds(stopTimeout));
    PrintWriter err = spec.commandLine().getErr();
    SignalcheckServer server = SignalcheckServer.start(cfg);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  int cut = server.stop();
                  err.println(
                      "signalcheck: stopped"
                          + (cut == 0
                              ? ""
                              : "; "
                                  + cut
                                  + " audit(s) did not finish and are recorded as failed"));
                  err.flush();
                  stopped.countDown();
                },
                "signalcheck-stop"));
    err.println(
        "signalcheck: serving on http://"
            + (bind.contains(":") ? "[" + bind + "]" : bind)
            + ":"
            + server.port()
            + "/ (ledger "
            + cfg.ledger().display()
            + ", data "
            + cfg.data().toAbsolutePath().normalize()
            + "); Ctrl-C stops");
    err.flush();
    stopped.await();
    return Main.OK;
  }

  /** A size with an optional unit: 1048576, 500KB, 64MB, 2GB (powers of 1024). */
  static long size(String s) {
    String t = s.trim().toUpperCase(Locale.ROOT);
    long mult = 1;
    for (String[] u :
        new String[][] {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"B", "1"}}) {
      if (t.endsWith(u[0])) {
        mult = Long.parseLong(u[1]);
        t = t.substring(0, t.length() - u[0].length()).trim();
        break;
      }
    }
    try {
      long n = Long.parseLong(t);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(n, mult);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new UsageException(
          "--upload-limit '" + s + "' is not a size such as 500KB, 64MB or 2GB");
    }
  }
}
