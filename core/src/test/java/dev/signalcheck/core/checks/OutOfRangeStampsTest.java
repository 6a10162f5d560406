package dev.signalcheck.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutOfRangeStampsTest {

  private static long[] hourly(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1_704_067_200_000L + 3_600_000L * i;
    }
    return t;
  }

  @Test
  void aStampMillenniaAheadIsCutOff() {
    long[] t = hourly(300);
    t[299] = 574_000_000_000_000L; // about the year 20160
    assertThat(OutOfRangeStamps.bulk(t)).containsExactly(0, 298);
  }

  @Test
  void tailsAtBothEndsAreCutOff() {
    long[] t = hourly(300);
    t[0] = -62_000_000_000_000L; // year 5
    t[298] = 574_000_000_000_000L;
    t[299] = 1_700_000_000_000_000L;
    assertThat(OutOfRangeStamps.bulk(t)).containsExactly(1, 297);
  }

  @Test
  void aLongOutageIsNotOutOfRange() {
    long[] t = hourly(600);
    for (int i = 300; i < 600; i++) {
      t[i] += 365L * 24 * 3_600_000L; // half the data a year later
    }
    assertThat(OutOfRangeStamps.bulk(t)).containsExactly(0, 599);
    long[] few = hourly(300);
    for (int i = 297; i < 300; i++) {
      few[i] += 365L * 24 * 3_600_000L; // three readings a year after 12 days: a gap, not a typo
    }
    assertThat(OutOfRangeStamps.bulk(few)).containsExactly(0, 299);
  }

  @Test
  void manyStrayStampsAreNotCutButTheGridIsBounded() {
    long[] t = hourly(100);
    for (int i = 90; i < 100; i++) {
      t[i] = 574_000_000_000_000L + i;
    }
    // 10% of the stamps is too many to call out of range
    assertThat(OutOfRangeStamps.bulk(t)).containsExactly(0, 99);
    assertThat(OutOfRangeStamps.maxGrid(100)).isEqualTo(1_000_000);
    assertThat(OutOfRangeStamps.maxGrid(100_000)).isEqualTo(10_000_000);
  }
}
