package dev.signalcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Whether a standard stream is a terminal, and how wide the terminal is. */
final class Terminal {
  /** Width when the output is not a terminal, or the terminal's width cannot be read. */
  static final int DEFAULT_WIDTH = 80;

  /** Narrowest width the console wraps to; a narrower terminal gets lines of this width. */
  static final int MIN_WIDTH = 40;

  private Terminal() {}

  /**
   * Whether file descriptor {@code fd} (1 standard output, 2 standard error) is a terminal: read
   * from {@code /proc/self/fd} where there is one, else from {@link System#console()} (which needs
   * standard input and output to be terminals).
   */
  static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }

  /** The width to wrap console text to: the terminal's columns, or 80 when not a terminal. */
  static int width(boolean terminal) {
    if (!terminal) {
      return DEFAULT_WIDTH;
    }
    Integer w = parse(System.getenv("COLUMNS"));
    if (w == null) {
      w = sttyColumns();
    }
    return w == null ? DEFAULT_WIDTH : Math.max(MIN_WIDTH, w);
  }

  private static Integer parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      int v = Integer.parseInt(s.trim());
      return v > 0 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code stty size} on the controlling terminal, "rows columns"; null when it cannot be run. */
  private static Integer sttyColumns() {
    try {
      List<String> cmd = new ArrayList<>(List.of("stty", "size"));
      Process p =
          new ProcessBuilder(cmd)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String out = new String(p.getInputStream().readAllBytes()).trim();
      String[] parts = out.split("\\s+");
      return parts.length == 2 ? parse(parts[1]) : null;
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * A line broken at spaces to at most {@code width} columns; continuation lines start with {@code
   * hang} spaces. A word longer than the room left stays whole on its own line.
   */
  static List<String> wrap(String line, int width, int hang) {
    List<String> out = new ArrayList<>();
    if (line.length() <= width) {
      out.add(line);
      return out;
    }
    int lead = 0;
    while (lead < line.length() && line.charAt(lead) == ' ') {
      lead++;
    }
    hang = Math.min(hang, Math.max(0, width - 20));
    String pad = " ".repeat(hang);
    StringBuilder cur = new StringBuilder(line.substring(0, lead));
    // tokens were separated by single spaces; empty tokens are runs of spaces (column alignment),
    // kept on the first line only
    boolean lineEmpty = true;
    for (String word : line.substring(lead).split(" ", -1)) {
      if (word.isEmpty()) {
        if (out.isEmpty() && !lineEmpty) {
          cur.append(' ');
        }
        continue;
      }
      boolean sep = !lineEmpty && cur.charAt(cur.length() - 1) != ' ';
      boolean afterRun = !lineEmpty && cur.charAt(cur.length() - 1) == ' ';
      int needed = cur.length() + (sep || afterRun ? 1 : 0) + word.length();
      if (!lineEmpty && needed > width) {
        out.add(stripEnd(cur));
        cur = new StringBuilder(pad);
        lineEmpty = true;
      } else if (!lineEmpty) {
        cur.append(' ');
      }
      cur.append(word);
      lineEmpty = false;
    }
    out.add(stripEnd(cur));
    return out;
  }

  private static String stripEnd(StringBuilder b) {
    int e = b.length();
    while (e > 0 && b.charAt(e - 1) == ' ') {
      e--;
    }
    return b.substring(0, e);
  }
}
