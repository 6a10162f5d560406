package dev.signalcheck.io;

import dev.signalcheck.core.errors.InputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * One streaming pass over a text input before DuckDB reads it, for what DuckDB would pass over in
 * silence or report in its own words: a gzip stream that ends early, bytes that are not UTF-8, NUL
 * bytes after decompression, a quote that is never closed, and where the blank lines are (DuckDB
 * skips them, so row numbers would shift after each one).
 */
final class InputScan {
  /**
   * Printable ASCII bytes that are neither a quote nor a delimiter: outside quotes and outside a
   * UTF-8 sequence they only make the field and the record non-empty.
   */
  private static final boolean[] PLAIN = new boolean[256];

  static {
    for (int b = 0x20; b < 0x7F; b++) {
      PLAIN[b] = b != '"' && b != ',' && b != ';' && b != '|';
    }
  }

  /** Blank records, as the number of non-blank records (header included) before each one. */
  private long[] blankAt = new long[16];

  private int blanks;
  private boolean multiLine;

  /** Delimiters of the header record outside quotes: comma, semicolon, tab, bar. */
  private final long[] headerDelimiters = new long[4];

  private long records;

  /**
   * The number of fields of the header record under the delimiter it holds most of (the file's
   * delimiter in practice), known before DuckDB reads the file.
   */
  long headerFields() {
    long most = 0;
    for (long d : headerDelimiters) {
      most = Math.max(most, d);
    }
    return most + 1;
  }

  /** Non-blank records, the header included. */
  long records() {
    return records;
  }

  private InputScan() {}

  /**
   * The data row number of a DuckDB row id of a CSV read with its header as row 0, counting the
   * blank lines DuckDB skipped after the header.
   */
  long dataRow(long rowid) {
    // blank records before non-blank record k (k >= 1) shift it by one each
    int after = upperBound(rowid) - upperBound(0);
    return rowid + after;
  }

  /** Whether some record spans several lines (a quoted field with a line break). */
  boolean multiLine() {
    return multiLine;
  }

  /** The line of a data row, when rows and lines correspond; -1 when they may not. */
  long line(long dataRow) {
    return multiLine ? -1 : dataRow + 1 + upperBound(0);
  }

  private int upperBound(long v) {
    int lo = 0;
    int hi = blanks;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (blankAt[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Reads the whole (decompressed) input once.
   *
   * @param csv whether to follow CSV quoting and record blank lines (false for JSON)
   * @throws InputException for a gzip stream that ends early, bytes that are not UTF-8, NUL bytes,
   *     or (CSV) a quote that is never closed
   */
  static InputScan scan(Path path, String name, boolean csv) {
    InputScan s = new InputScan();
    long line = 1;
    long records = 0; // complete non-blank records, header included
    boolean recordEmpty = true;
    boolean inQuote = false;
    long quoteLine = 0;
    boolean fieldStart = true;
    int prev = -1; // inside quotes: the previous byte was a quote that may close the field
    int utfNeed = 0;
    long badLine = -1;
    int badByte = 0;
    boolean c1 = false; // bytes 0x80-0x9F seen where UTF-8 fails: Windows-1252 more likely
    long recordLines = 1;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = InputFile.open(path)) {
      int n;
      boolean first = true;
      while ((n = in.read(buf)) > 0) {
        int i = 0;
        if (first
            && n >= 3
            && (buf[0] & 0xff) == 0xEF
            && (buf[1] & 0xff) == 0xBB
            && (buf[2] & 0xff) == 0xBF) {
          i = 3;
        }
        first = false;
        for (; i < n; i++) {
          if (csv && !inQuote && utfNeed == 0) {
            // the common bytes of a field: all the steps below would only do this
            int j = plainRun(buf, i, n);
            if (j > i) {
              recordEmpty = false;
              fieldStart = false;
              i = j;
              if (i == n) {
                break;
              }
            }
          }
          int b = buf[i] & 0xff;
          if (b == 0) {
            throw new InputException(
                name
                    + " does not look like text (a NUL byte on line "
                    + line
                    + "); pass a CSV, TSV, Parquet or JSON file");
          }
          if (badLine < 0) {
            if (utfNeed > 0) {
              if ((b & 0xC0) == 0x80) {
                utfNeed--;
              } else {
                badLine = line;
                badByte = b;
              }
            } else if (b >= 0x80) {
              if (b >= 0xC2 && b <= 0xDF) {
                utfNeed = 1;
              } else if (b >= 0xE0 && b <= 0xEF) {
                utfNeed = 2;
              } else if (b >= 0xF0 && b <= 0xF4) {
                utfNeed = 3;
              } else {
                badLine = line;
                badByte = b;
              }
            }
          }
          if (badLine >= 0 && b >= 0x80 && b <= 0x9F) {
            c1 = true;
          }
          if (b == '\n') {
            line++;
          }
          if (!csv) {
            continue;
          }
          if (inQuote) {
            if (prev == '"') {
              if (b == '"') {
                prev = -1; // an escaped quote
                continue;
              }
              if (b == ',' || b == ';' || b == '\t' || b == '|' || b == '\n' || b == '\r') {
                inQuote = false; // the quote closed the field
              } else {
                prev = b; // a stray quote inside quotes: lenient, keep going
                if (b == '\n') {
                  recordLines++;
                }
                continue;
              }
            } else {
              prev = b;
              if (b == '\n') {
                recordLines++;
              }
              continue;
            }
          }
          // outside quotes
          if (b == '\n') {
            if (recordEmpty) {
              s.addBlank(records);
            } else {
              records++;
              if (recordLines > 1) {
                s.multiLine = true;
              }
            }
            recordEmpty = true;
            fieldStart = true;
            recordLines = 1;
            continue;
          }
          if (b == '\r') {
            continue;
          }
          recordEmpty = false;
          if (b == '"' && fieldStart) {
            inQuote = true;
            quoteLine = line;
            prev = -1;
            fieldStart = false;
            continue;
          }
          fieldStart = b == ',' || b == ';' || b == '\t' || b == '|';
          if (fieldStart && records == 0) {
            s.headerDelimiters[b == ',' ? 0 : b == ';' ? 1 : b == '\t' ? 2 : 3]++;
          }
        }
      }
      if (!recordEmpty) {
        records++; // a last record without a line break
      }
      s.records = records;
    } catch (EOFException | ZipException e) {
      throw new InputException(
          name
              + " ends early: its gzip data stop in the middle of line "
              + line
              + " (the last complete line read is "
              + (line - 1)
              + (csv && line > 2 ? ", data row " + (line - 2) : "")
              + "); the file is incomplete: copy or download it again");
    } catch (IOException e) {
      throw new InputException("cannot read " + name + ": " + e.getMessage(), e);
    }
    if (badLine >= 0) {
      String enc = c1 ? "windows-1252" : "latin-1";
      char shown = new String(new byte[] {(byte) badByte}, TextEncoding.charset(enc)).charAt(0);
      throw new InputException(
          String.format(
              Locale.ROOT,
              "%s is not UTF-8: line %d has the byte 0x%02X ('%s' in %s); pass --encoding %s"
                  + " (or save the file as UTF-8)",
              name,
              badLine,
              badByte,
              Character.isISOControl(shown) ? "?" : String.valueOf(shown),
              c1 ? "Windows-1252" : "Latin-1",
              enc));
    }
    if (csv && inQuote && prev != '"') {
      throw new InputException(
          name
              + ": the quote opened on line "
              + quoteLine
              + " is never closed, so the rest of the file would be one field; close the quote"
              + " or remove it");
    }
    return s;
  }

  /**
   * The end of the run of {@link #PLAIN} bytes from {@code i} (a small method of its own, so that
   * it is compiled early in a long scan).
   */
  private static int plainRun(byte[] buf, int i, int n) {
    while (i < n && PLAIN[buf[i] & 0xff]) {
      i++;
    }
    return i;
  }

  private void addBlank(long records) {
    if (blanks == blankAt.length) {
      blankAt = Arrays.copyOf(blankAt, blanks * 2);
    }
    blankAt[blanks++] = records;
  }
}
