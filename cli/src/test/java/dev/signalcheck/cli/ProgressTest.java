package dev.signalcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void drawsABarWithCountsAndClearsItAtTheEnd() {
    StringWriter s = new StringWriter();
    Progress p = Progress.start(new PrintWriter(s), true, 10);
    p.tick(10);
    p.done();
    assertThat(s.toString())
        .contains("[##############################] 10/10 series")
        .endsWith("\r\033[K");
  }

  @Test
  void silentWithoutATerminalOrForOneSeries() {
    StringWriter s = new StringWriter();
    Progress.start(new PrintWriter(s), false, 10).tick(5);
    Progress.start(new PrintWriter(s), true, 1).tick(1);
    assertThat(s.toString()).isEmpty();
  }
}
