package dev.signalcheck.io;

import dev.signalcheck.core.errors.InputException;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * The text encodings an input may be in ({@code --encoding}), and a UTF-8 copy of an input in
 * another one, since DuckDB reads UTF-8 only.
 */
final class TextEncoding {
  private TextEncoding() {}

  /** Input encodings accepted by {@code --encoding}. */
  static final List<String> ENCODINGS = List.of("utf-8", "latin-1", "windows-1252");

  /** The charset of an {@code --encoding} name; UTF-8 for any other name. */
  static Charset charset(String encoding) {
    switch (encoding.toLowerCase(Locale.ROOT)) {
      case "latin-1":
      case "latin1":
      case "iso-8859-1":
        return StandardCharsets.ISO_8859_1;
      case "windows-1252":
      case "cp1252":
        return Charset.forName("windows-1252");
      default:
        return StandardCharsets.UTF_8;
    }
  }

  /** A UTF-8 copy of a text input in another encoding (decompressed), deleted on exit. */
  static Path transcode(Path path, String name, String encoding) {
    try {
      Path tmp = Files.createTempFile("signalcheck-utf8-", ".txt");
      tmp.toFile().deleteOnExit();
      try (Reader r = new InputStreamReader(InputFile.open(path), charset(encoding));
          OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
          Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
        r.transferTo(w);
      }
      return tmp;
    } catch (EOFException | ZipException e) {
      throw new InputException(
          name
              + " ends early: its gzip data stop in the middle; the file is incomplete: copy or"
              + " download it again");
    } catch (IOException e) {
      throw new InputException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }
}
