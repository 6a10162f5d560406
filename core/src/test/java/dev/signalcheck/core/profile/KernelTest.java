package dev.signalcheck.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.signalcheck.core.reference.ReferenceSeries;
import org.junit.jupiter.api.Test;

/** Small checks of the kernels against values worked out by hand or in R. */
class KernelTest {

  @Test
  void lynxSpectralEntropyAsDocumented() {
    assertThat(SpectralEntropy.of(ReferenceSeries.values("lynx")))
        .isCloseTo(0.7331515, within(1e-7));
  }

  @Test
  void ljungBoxLagRuleRoundsHalfToEven() {
    assertThat(LjungBox.lagFor(1000, 24)).isEqualTo(48);
    assertThat(LjungBox.lagFor(100, 12)).isEqualTo(20);
    assertThat(LjungBox.lagFor(114, 1)).isEqualTo(10);
    assertThat(LjungBox.lagFor(12, 1)).isEqualTo(2); // round(2.4)
    assertThat(LjungBox.lagFor(12, 4)).isEqualTo(2);
    assertThat(LjungBox.lagFor(2, 1)).isEqualTo(0); // round(0.4)
    assertThat(LjungBox.lagFor(15, 1)).isEqualTo(3);
  }

  @Test
  void kpssLagAndTable() {
    assertThat(Kpss.lag(100)).isEqualTo(4);
    assertThat(Kpss.lag(1000)).isEqualTo(7);
    assertThat(Kpss.pValue(0.1)).isEqualTo(0.10);
    assertThat(Kpss.pValue(5)).isEqualTo(0.01);
    assertThat(Kpss.pValue(0.463)).isCloseTo(0.05, within(1e-15));
    assertThat(Kpss.pValue((0.463 + 0.574) / 2)).isCloseTo(0.0375, within(1e-12));
  }

  @Test
  void permutationEntropyTiesFollowPositions() {
    // all windows tied: one pattern, entropy 0
    assertThat(PermutationEntropy.of(new double[] {1, 1, 1, 1, 1})).isEqualTo(0.0);
    // strictly alternating up-down-up: two patterns, equally frequent
    assertThat(PermutationEntropy.of(new double[] {0, 2, 1, 3, 2, 4}))
        .isCloseTo(Math.log(2) / Math.log(6), within(1e-15));
  }

  @Test
  void stlDefaultsAsR() {
    Stl.Settings s = Stl.defaults(12, 11);
    assertThat(s.tWindow()).isEqualTo(21); // nextodd(ceiling(18 / (1 - 1.5/11)))
    assertThat(s.lWindow()).isEqualTo(13);
    assertThat(s.sJump()).isEqualTo(2);
    assertThat(s.tJump()).isEqualTo(3);
    assertThat(s.lJump()).isEqualTo(2);
    assertThat(Stl.defaults(24, 11).tWindow()).isEqualTo(43);
  }

  @Test
  void partialSortFindsOrderStatisticsForIncreasingPositions() {
    double[] a = {9, 3, 7, 1, 8, 2, 6, 4, 5, 0, 11, 15, 13, 12, 14, 10};
    PartialSort.select(a, a.length, new int[] {8, 9});
    assertThat(a[7]).isEqualTo(7.0);
    assertThat(a[8]).isEqualTo(8.0);
  }
}
