package dev.signalcheck.bench;

import dev.signalcheck.core.checks.ValueChecks;
import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * All value checks (sentinel, stuck, zero runs, range, spikes, level shifts) on 2 million readings
 * with a daily season of 288 steps and a -999 code every 1,000 readings. Run: {@code java -jar
 * bench/target/benchmarks.jar ValueChecksBench -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ValueChecksBench {
  RegularSeries s;

  @Setup
  public void setup() {
    int n = 2_000_000;
    Random r = new Random(11);
    double[] v = new double[n];
    long[] rows = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = 100 + 20 * Math.sin(2 * Math.PI * i / 288) + 10 * r.nextGaussian();
      rows[i] = i + 1;
      if (i % 1000 == 0) {
        v[i] = -999;
      }
    }
    s =
        new RegularSeries(
            0, Step.millis(300_000), v, rows, new TimeFormat(TimeKind.LOCAL_DATETIME, null));
  }

  @Benchmark
  public Object twoMillionReadings() {
    return ValueChecks.run(s, 288, null, null);
  }
}
