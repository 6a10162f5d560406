package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults injected into real series (NAB realKnownCause and 60 M4 Hourly series) are found: recall
 * at least 0.9 at the fault sizes docs/checks.md names as the design point.
 */
class InjectedFaultsTest {

  private static List<RealSeries.Named> pool;

  @BeforeAll
  static void load() {
    pool = InjectedFaults.pool();
    assertThat(pool).hasSize(67);
  }

  @Test
  void frozenRunsOfTwelveReadingsOrMore() {
    InjectedFaults.Recall r12 = InjectedFaults.stuck(pool, 12, 23, 1);
    InjectedFaults.Recall r24 = InjectedFaults.stuck(pool, 24, 72, 1);
    assertThat(r12.rate()).as(r12.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(r24.rate()).as(r24.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(r24.injected()).isGreaterThan(150);
  }

  @Test
  void zeroRuns() {
    InjectedFaults.Recall r = InjectedFaults.zeroRuns(pool, 1, 72, 2);
    assertThat(r.rate()).as(r.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(r.series()).isGreaterThan(50);
  }

  @Test
  void spikesOfOneSpread() {
    InjectedFaults.Recall r = InjectedFaults.spikes(pool, 1.0, 5, 3);
    assertThat(r.rate()).as(r.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(r.injected()).isGreaterThan(300);
  }

  @Test
  void sentinelCodesFromRareToCommon() {
    for (double share : new double[] {0.001, 0.01, 0.05, 0.2}) {
      InjectedFaults.Recall r = InjectedFaults.sentinels(pool, share, 4);
      assertThat(r.rate()).as(share + ": " + r).isGreaterThanOrEqualTo(0.9);
    }
  }
}
