package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalTest {

  @Test
  void wrapsAtSpacesWithAHangingIndentAndKeepsAlignment() {
    String line = "  warning  time.gap             " + "word ".repeat(30).trim();
    List<String> out = Terminal.wrap(line, 80, 32);
    assertThat(out).hasSizeGreaterThan(1);
    assertThat(out.get(0)).startsWith("  warning  time.gap             word");
    for (String l : out) {
      assertThat(l.length()).isLessThanOrEqualTo(80);
    }
    for (String l : out.subList(1, out.size())) {
      assertThat(l).startsWith(" ".repeat(32) + "word");
    }
    assertThat(String.join(" ", out).replaceAll("\\s+", " "))
        .isEqualTo(line.replaceAll("\\s+", " "));
  }

  @Test
  void aShortLineAndALongWordStayWhole() {
    assertThat(Terminal.wrap("  a   b", 80, 4)).containsExactly("  a   b");
    String path = "/" + "x".repeat(100);
    assertThat(Terminal.wrap("report: " + path, 40, 2)).containsExactly("report:", "  " + path);
  }

  @Test
  void controlAndBidiCharactersAreEscaped() {
    assertThat(TerminalText.safe("a\u001b[2Jb")).isEqualTo("a\\e[2Jb");
    assertThat(TerminalText.safe("x\u202ey\u2066z\u0085\u0007\n"))
        .isEqualTo("x\\u202ey\\u2066z\\u0085\\u0007\\u000a");
    assertThat(TerminalText.safe("café · 5%")).isEqualTo("café · 5%");
  }
}
