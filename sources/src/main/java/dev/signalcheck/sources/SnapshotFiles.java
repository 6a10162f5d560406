package dev.signalcheck.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/** The files of snapshots: their content hash, and the clean-up of a pull's incoming folder. */
final class SnapshotFiles {
  private SnapshotFiles() {}

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteQuietly(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              x -> {
                try {
                  Files.deleteIfExists(x);
                } catch (IOException ignored) {
                  // a leftover incoming folder is harmless
                }
              });
    } catch (IOException ignored) {
      // as above
    }
  }
}
