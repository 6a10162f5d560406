package dev.signalcheck.sources;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** One read of a {@code file://} source: copied whole, within the size limit; never retried. */
final class FileAttempt {
  private FileAttempt() {}

  static void run(URI uri, FetchSettings s, Path dest, Received got) throws FetchFailed {
    Path p;
    try {
      p = Path.of(uri);
    } catch (RuntimeException e) {
      throw FetchFailed.notRetried(Outcome.IO_ERROR, "not a local file URL: " + uri);
    }
    try {
      long size = Files.size(p);
      got.bytes = size;
      if (size > s.maxBytes()) {
        throw FetchFailed.notRetried(
            Outcome.TOO_LARGE,
            p.getFileName()
                + " is larger than the limit of "
                + s.maxBytes()
                + " bytes (--max-bytes)");
      }
      Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
      got.gzipped = HttpAttempt.isGzip(dest);
    } catch (NoSuchFileException e) {
      got.bytes = 0;
      throw FetchFailed.notRetried(Outcome.IO_ERROR, "no such file: " + p);
    } catch (IOException e) {
      got.bytes = 0;
      throw FetchFailed.notRetried(
          Outcome.IO_ERROR, "cannot read " + p + ": " + FetchFailed.oneLine(e));
    }
  }
}
