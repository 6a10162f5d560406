package dev.signalcheck.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.finding.Severity;
import org.junit.jupiter.api.Test;

class SeverityTest {
  @Test
  void parsesAndOrders() {
    assertThat(Severity.parse("Warning")).isEqualTo(Severity.WARNING);
    assertThat(Severity.CRITICAL.atLeast(Severity.WARNING)).isTrue();
    assertThat(Severity.INFO.atLeast(Severity.WARNING)).isFalse();
    assertThat(Severity.CRITICAL.label()).isEqualTo("critical");
  }
}
