package dev.signalcheck.bench;

import dev.signalcheck.core.profile.LjungBox;
import dev.signalcheck.core.profile.Mstl;
import dev.signalcheck.core.profile.Profiler;
import dev.signalcheck.core.profile.SpectralEntropy;
import dev.signalcheck.core.stats.LaggedProducts;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Profile kernels on an M4-Hourly-like series (hourly, m = 24, daily cycle plus noise). Run: {@code
 * java -jar bench/target/benchmarks.jar ProfileKernels -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProfileKernels {

  @Param({"960"})
  int n;

  double[] y;

  @Setup
  public void setup() {
    Random r = new Random(1);
    y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 100 + 20 * Math.sin(2 * Math.PI * t / 24) + 0.01 * t + 3 * r.nextGaussian();
    }
  }

  /** Lagged products to lag n/3 (the dominant period's scan), as the core sums them. */
  @Benchmark
  public double[] laggedProducts() {
    return LaggedProducts.of(y, n / 3);
  }

  /** The same sums as one plain loop per lag: what the core's blocked loop is measured against. */
  @Benchmark
  public double[] laggedProductsOneLagAtATime() {
    int last = n / 3;
    double[] s = new double[last + 1];
    for (int k = 0; k <= last; k++) {
      double acc = 0;
      for (int t = 0; t + k < n; t++) {
        acc += y[t] * y[t + k];
      }
      s[k] = acc;
    }
    return s;
  }

  @Benchmark
  public Object stl() {
    return Mstl.decompose(y, 24);
  }

  @Benchmark
  public double spectralEntropy() {
    return SpectralEntropy.of(y);
  }

  @Benchmark
  public Object ljungBox() {
    return LjungBox.test(y, LjungBox.lagFor(y.length, 24));
  }

  @Benchmark
  public Object wholeProfile() {
    return Profiler.profile(y, 24);
  }
}
