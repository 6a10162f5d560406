package dev.signalcheck.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Passes JSON text through, replacing {@code <}, {@code >}, {@code &}, U+2028 and U+2029 by their
 * {@code \}{@code uXXXX} escapes. The result is the same JSON value (these characters can only
 * occur inside strings) and can sit in an HTML {@code <script>} element without ever closing it or
 * opening a comment.
 */
final class ScriptSafeWriter extends FilterWriter {

  ScriptSafeWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    switch (c) {
      case '<':
        out.write("\\u003c");
        break;
      case '>':
        out.write("\\u003e");
        break;
      case '&':
        out.write("\\u0026");
        break;
      case '\u2028':
        out.write("\\u2028");
        break;
      case '\u2029':
        out.write("\\u2029");
        break;
      default:
        out.write(c);
    }
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    int start = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      char c = buf[i];
      if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
        if (i > start) {
          out.write(buf, start, i - start);
        }
        write(c);
        start = i + 1;
      }
    }
    if (end > start) {
      out.write(buf, start, end - start);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    char[] b = new char[len];
    str.getChars(off, off + len, b, 0);
    write(b, 0, len);
  }

  /** Leaves the underlying writer open: the page goes on after the data. */
  @Override
  public void close() throws IOException {
    out.flush();
  }
}
