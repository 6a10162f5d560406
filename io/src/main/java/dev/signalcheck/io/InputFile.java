package dev.signalcheck.io;

import dev.signalcheck.core.errors.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The input file before anything is read from it: its format by name, whether it exists, can be
 * read and looks like text when it claims to be text, standard input copied to a file, and
 * temporary files removed.
 */
final class InputFile {
  private InputFile() {}

  /** The format of a file, by its name (a trailing {@code .gz} is looked through). */
  enum Format {
    CSV,
    PARQUET,
    JSON;

    static Format of(Path p) {
      String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".gz")) {
        name = name.substring(0, name.length() - 3);
      }
      if (name.endsWith(".parquet") || name.endsWith(".pq")) {
        return PARQUET;
      }
      if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return JSON;
      }
      return CSV;
    }
  }

  /** Standard input copied to a temporary file (deleted on exit, or earlier by the reader). */
  static Path copyStdin() {
    try {
      Path tmp = Files.createTempFile("signalcheck-stdin-", ".csv");
      tmp.toFile().deleteOnExit();
      try (InputStream in = System.in) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      if (Files.size(tmp) == 0) {
        throw new InputException(
            "standard input is empty; pipe a CSV file into signalcheck or pass a file name");
      }
      return tmp;
    } catch (IOException e) {
      throw new InputException("cannot read standard input: " + e.getMessage());
    }
  }

  /**
   * Refuses a path that does not exist, is a directory, cannot be read, is empty, or claims to be
   * text (not Parquet, not gzip) but holds binary data in its first 4 KB.
   *
   * @param displayName the file's name in messages
   */
  static void checkReadable(Path path, String displayName) {
    if (!Files.exists(path)) {
      throw new InputException(displayName + ": no such file (" + path + "); check the path");
    }
    if (Files.isDirectory(path)) {
      throw new InputException(path + " is a directory; pass a data file");
    }
    if (!Files.isReadable(path)) {
      throw new InputException(displayName + " is not readable; check its permissions");
    }
    try {
      if (Files.size(path) == 0) {
        throw new InputException(displayName + " is empty (0 bytes); nothing to audit");
      }
      byte[] head = new byte[4096];
      int n;
      try (InputStream in = Files.newInputStream(path)) {
        n = in.readNBytes(head, 0, head.length);
      }
      Format f = Format.of(path);
      boolean gzip = InputScan.isGzip(head, n);
      if (f != Format.PARQUET && !gzip) {
        int nul = 0;
        int ctrl = 0;
        for (int i = 0; i < n; i++) {
          int b = head[i] & 0xff;
          if (b == 0) {
            nul++;
          } else if (b < 9 || (b > 13 && b < 32)) {
            ctrl++;
          }
        }
        if (nul > 0 || ctrl > n / 20) {
          throw new InputException(
              displayName
                  + " does not look like text (binary data in its first "
                  + n
                  + " bytes); pass a CSV, TSV, Parquet or JSON file");
        }
      }
    } catch (IOException e) {
      throw new InputException("cannot read " + displayName + ": " + e.getMessage());
    }
  }

  static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temporary file; deleteOnExit is set as well
      }
    }
  }
}
