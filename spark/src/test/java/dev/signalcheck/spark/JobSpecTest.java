package dev.signalcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalcheck.core.testing.BuilderContract;
import org.junit.jupiter.api.Test;

class JobSpecTest {

  @Test
  void everyComponentSetIsHeld() throws Exception {
    BuilderContract.everyComponentSetIsHeld(JobSpec.class);
  }

  @Test
  void unsetComponentsTakeTheDocumentedDefaults() {
    JobSpec s = JobSpec.builder().output("o").build();
    assertThat(s.inputs()).isEmpty();
    assertThat(s.ids()).isEmpty();
    assertThat(s.time()).isEmpty();
    assertThat(s.targets()).isEmpty();
    assertThat(s.labels()).isEmpty();
    assertThat(s.missingTokens()).isEmpty();
    assertThat(s.delimiter()).isEqualTo(",");
    assertThat(s.maxRowsPerSeries()).isEqualTo(JobSpec.DEFAULT_MAX_ROWS);
    assertThat(s.multiLine()).isFalse();
    assertThat(s.seriesInReport()).isFalse();
    assertThat(s.jdbc()).isNull();
  }
}
