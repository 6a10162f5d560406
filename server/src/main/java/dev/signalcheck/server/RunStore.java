package dev.signalcheck.server;

import dev.signalcheck.core.errors.OutputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server's files under {@code --data DIR}: {@code runs/ID/report.json} and {@code report.html}
 * for each run it audited or received, {@code work/} for uploads and audits in progress (removed
 * when done), {@code kept/ID/} for uploads whose sender asked to keep them. Paths are built from
 * numeric run ids only, never from what a request says.
 */
final class RunStore {
  /**
   * The file beside a run's reports that says they were written with {@code redact} (scaled values
   * only); a run without it embeds the series' raw values.
   */
  static final String REDACTED = "redacted";

  private final Path root;

  RunStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root.resolve("runs"));
      Files.createDirectories(work());
    } catch (IOException e) {
      throw new OutputException(
          "cannot create the data folder "
              + this.root
              + " ("
              + e.getMessage()
              + "); choose another with --data",
          e);
    }
  }

  Path root() {
    return root;
  }

  Path work() {
    return root.resolve("work");
  }

  /** A fresh folder for one upload or audit. */
  Path newWorkDir() {
    try {
      return Files.createTempDirectory(work(), "job-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path runDir(long id) {
    return root.resolve("runs").resolve(Long.toString(id));
  }

  Optional<Path> file(long runId, String name) {
    Path p = runDir(runId).resolve(name);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Whether the run's stored reports were written with redact (values scaled to [0, 1]); a run
   * without the marker embeds the series' raw values.
   */
  boolean redacted(long runId) {
    return file(runId, REDACTED).isPresent();
  }

  /** Marks the reports in a job folder as redacted (kept with them by {@link #keep}). */
  static void markRedacted(Path jobDir) {
    try {
      Files.writeString(jobDir.resolve(REDACTED), "scaled to [0, 1]\n");
    } catch (IOException e) {
      throw new OutputException("cannot mark the reports as redacted: " + e.getMessage(), e);
    }
  }

  /**
   * Moves the finished reports of a job into the run's folder; files already there (the same run
   * recorded before) are kept.
   */
  void keep(long runId, Path jobDir, String... names) {
    Path dir = runDir(runId);
    try {
      Files.createDirectories(dir);
      for (String n : names) {
        Path src = jobDir.resolve(n);
        Path dst = dir.resolve(n);
        if (Files.isRegularFile(src) && !Files.exists(dst)) {
          move(src, dst);
        }
      }
    } catch (IOException e) {
      throw new OutputException("cannot store the reports of run " + runId + ": " + e.getMessage());
    }
  }

  /** Keeps an uploaded data file (the sender asked for it). */
  void keepUpload(long runId, Path upload) {
    Path dir = root.resolve("kept").resolve(Long.toString(runId));
    try {
      Files.createDirectories(dir);
      move(upload, dir.resolve(upload.getFileName()));
    } catch (IOException e) {
      throw new OutputException("cannot keep the upload of run " + runId + ": " + e.getMessage());
    }
  }

  private static void move(Path src, Path dst) throws IOException {
    try {
      Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // removed at the next start
                }
              });
    } catch (IOException ignored) {
      // removed at the next start
    }
  }

  /** Removes what interrupted jobs left in {@code work/}. */
  void cleanWork() {
    try (Stream<Path> s = Files.list(work())) {
      s.forEach(RunStore::deleteTree);
    } catch (IOException ignored) {
      // nothing to clean
    }
  }
}
