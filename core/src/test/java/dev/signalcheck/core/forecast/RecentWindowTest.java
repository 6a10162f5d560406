package dev.signalcheck.core.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signalcheck.core.forecast.ets.AutoEts;
import dev.signalcheck.core.forecast.ets.Holt;
import dev.signalcheck.core.forecast.ets.Ses;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentWindowTest {

  private static double[] randomWalk(int n, long seed) {
    Random r = new Random(seed);
    double[] y = new double[n];
    double level = 100;
    for (int i = 0; i < n; i++) {
      level += 0.1 * r.nextGaussian();
      y[i] = level + r.nextGaussian();
    }
    return y;
  }

  @Test
  void theLimitIsFiftyThousandPointsOrThreeSeasons() {
    assertEquals(50_000, RecentWindow.points(1));
    assertEquals(50_000, RecentWindow.points(24));
    assertEquals(51_840, RecentWindow.points(17_280));
  }

  @Test
  void windowsUpToTheLimitAreFittedWholeBitForBit() {
    for (int n : new int[] {30, 960, 50_000}) {
      double[] y = randomWalk(n, n);
      for (Forecaster inner : new Forecaster[] {new Ses(), new Holt()}) {
        Fitted plain = inner.fit(y, 1);
        Fitted windowed = RecentWindow.of(inner).fit(y, 1);
        assertArrayEquals(plain.forecast(12), windowed.forecast(12), inner.name() + " n=" + n);
        assertArrayEquals(plain.fitted(), windowed.fitted(), inner.name() + " n=" + n);
        assertEquals(plain.description(), windowed.description());
      }
    }
  }

  @Test
  void aLongerWindowIsTheInnerModelOnItsLatestPart() {
    int n = 50_000 + 7_321;
    double[] y = randomWalk(n, 11);
    double[] tail = Arrays.copyOfRange(y, n - 50_000, n);
    Fitted onTail = new Holt().fit(tail, 1);
    Fitted windowed = RecentWindow.of(new Holt()).fit(y, 1);
    assertArrayEquals(onTail.forecast(24), windowed.forecast(24));
    double[] f = windowed.fitted();
    assertEquals(n, f.length, "in-sample values span the whole window");
    for (int i = 0; i < n - 50_000; i++) {
      assertTrue(Double.isNaN(f[i]), "no in-sample value where the model did not run: " + i);
    }
    assertArrayEquals(onTail.fitted(), Arrays.copyOfRange(f, n - 50_000, n));
    // and it is not the fit of the whole window
    assertNotEquals(new Holt().fit(y, 1).forecast(1)[0], windowed.forecast(1)[0]);
  }

  @Test
  void overTheOriginsOfABacktestEachWindowIsCutTheSameWay() {
    double[] y = randomWalk(60_000, 5);
    Forecaster origins = RecentWindow.of(new AutoEts()).forOrigins();
    assertEquals("ets", origins.name());
    for (int end : new int[] {40_000, 52_000, 60_000}) {
      double[] train = Arrays.copyOf(y, end);
      Fitted f = origins.fit(train, 1);
      double[] in = f.fitted();
      assertEquals(end, in.length);
      int skip = Math.max(0, end - 50_000);
      for (int i = 0; i < skip; i++) {
        assertTrue(Double.isNaN(in[i]));
      }
      assertTrue(Double.isFinite(in[in.length - 1]));
      assertTrue(Double.isFinite(f.forecast(3)[2]));
    }
  }

  @Test
  void theRegistrysSmoothersAreWindowedAndThetaIsNot() {
    double[] y = randomWalk(55_000, 3);
    double[] tail = Arrays.copyOfRange(y, 5_000, 55_000);
    ModelRegistry r = ModelRegistry.defaults();
    // non-seasonal (m = 1): the adjustment leaves the data as they are
    assertArrayEquals(
        new Ses().fit(tail, 1).forecast(5), r.create("ses").fit(y, 1).forecast(5), "ses");
    assertArrayEquals(
        new Holt().fit(tail, 1).forecast(5), r.create("holt").fit(y, 1).forecast(5), "holt");
    assertArrayEquals(
        new dev.signalcheck.core.forecast.ets.ThetaClassic().fit(y, 1).forecast(5),
        r.create("theta").fit(y, 1).forecast(5),
        "theta");
  }
}
