package dev.signalcheck.io;

import dev.signalcheck.core.errors.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The input file before anything is read from it: its format by name, whether it exists, can be
 * read and is what it claims to be (text, or Parquet), its bytes decompressed when it is gzip,
 * standard input copied to a file, and temporary files removed.
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

  /** The first bytes of a gzip stream. */
  static boolean isGzip(byte[] head, int n) {
    return n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  /** The bytes of a file, decompressed when it is gzip (whatever its name). */
  static InputStream open(Path path) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      // not wrapped in a buffer: a buffer would read on past a partial chunk and lose it when the
      // stream then ends early
      return new GZIPInputStream(raw, 1 << 16);
    }
    return raw;
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
      boolean gzip = isGzip(head, n);
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

  /**
   * Checks that a file named Parquet is one: it starts and ends with {@code PAR1}; a text file says
   * what it is instead.
   */
  static void checkParquet(Path path, String name) {
    try {
      long size = Files.size(path);
      byte[] head = new byte[512];
      int n;
      try (InputStream in = Files.newInputStream(path)) {
        n = in.readNBytes(head, 0, head.length);
      }
      if (n >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
        byte[] tail = new byte[4];
        try (SeekableByteChannel ch = Files.newByteChannel(path)) {
          ch.position(Math.max(0, size - 4));
          ch.read(ByteBuffer.wrap(tail));
        }
        if (size < 12 || tail[0] != 'P' || tail[1] != 'A' || tail[2] != 'R' || tail[3] != '1') {
          throw new InputException(
              name
                  + " ends early: the Parquet footer is missing, so the file is incomplete; copy"
                  + " or write it again");
        }
        return;
      }
      String what;
      if (isGzip(head, n)) {
        what = "gzip-compressed data, not Parquet: rename it to .csv.gz (or .json.gz)";
      } else {
        int k = 0;
        while (k < n && Character.isWhitespace(head[k])) {
          k++;
        }
        boolean text = true;
        for (int i = 0; i < n; i++) {
          int b = head[i] & 0xff;
          if (b == 0 || (b < 9) || (b > 13 && b < 32)) {
            text = false;
          }
        }
        if (text && k < n && (head[k] == '{' || head[k] == '[')) {
          what = "JSON text, not Parquet: rename it to .json";
        } else if (text) {
          what = "CSV text, not Parquet: rename it to .csv";
        } else {
          what = "not a Parquet file (it does not start with PAR1)";
        }
      }
      throw new InputException(name + " is " + what);
    } catch (IOException e) {
      throw new InputException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }
}
