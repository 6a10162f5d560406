package dev.signalcheck.bench;

import dev.signalcheck.core.audit.ReadStatistics;
import dev.signalcheck.core.audit.SeriesSource;
import dev.signalcheck.core.audit.SourceInfo;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Workload W3: a seeded fleet of synthetic hourly series, 200–1,000 points each, in five kinds
 * taking turns: white noise, a random walk, AR(1) with φ = 0.7, a daily cycle on a linear trend,
 * and intermittent counts (mostly zeros, Poisson bursts). Series {@code i} depends only on the seed
 * and {@code i}, so any prefix of a fleet is the same whatever its size, and the series are made
 * one at a time as the audit asks for them (the source holds nothing).
 */
public final class Fleet implements SeriesSource {

  /** The five kinds, in the order series take them ({@code i % 5}). */
  public static final List<String> KINDS =
      List.of("white-noise", "random-walk", "ar1", "seasonal-trend", "intermittent");

  private static final long HOUR = 3_600_000L;
  private static final long START =
      LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  private static final TimeFormat FORMAT = new TimeFormat(TimeKind.LOCAL_DATETIME, null);

  private final int series;
  private final long seed;
  private long rows;

  public Fleet(int series, long seed) {
    this.series = series;
    this.seed = seed;
  }

  /** The values of series {@code i}. */
  public static double[] values(long seed, int i) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
    int n = 200 + r.nextInt(801);
    double[] y = new double[n];
    switch (i % 5) {
      case 0 -> {
        double mu = 10 + 90 * r.nextDouble();
        double sd = 1 + 9 * r.nextDouble();
        for (int t = 0; t < n; t++) {
          y[t] = mu + sd * gauss(r);
        }
      }
      case 1 -> {
        double level = 100 * r.nextDouble();
        double sd = 0.5 + 2 * r.nextDouble();
        for (int t = 0; t < n; t++) {
          level += sd * gauss(r);
          y[t] = level;
        }
      }
      case 2 -> {
        double mu = 50 * r.nextDouble();
        double phi = 0.5 + 0.4 * r.nextDouble();
        double x = 0;
        for (int t = 0; t < n; t++) {
          x = phi * x + gauss(r);
          y[t] = mu + x;
        }
      }
      case 3 -> {
        double level = 20 + 80 * r.nextDouble();
        double slope = (r.nextDouble() - 0.5) * 0.1;
        double amp = 2 + 10 * r.nextDouble();
        double phase = 24 * r.nextDouble();
        double sd = 0.5 + 2 * r.nextDouble();
        for (int t = 0; t < n; t++) {
          y[t] = level + slope * t + amp * Math.sin(2 * Math.PI * (t + phase) / 24) + sd * gauss(r);
        }
      }
      default -> {
        double p = 0.05 + 0.25 * r.nextDouble();
        double lambda = 1 + 4 * r.nextDouble();
        for (int t = 0; t < n; t++) {
          y[t] = r.nextDouble() < p ? 1 + poisson(r, lambda) : 0;
        }
      }
    }
    return y;
  }

  private static double gauss(SplittableRandom r) {
    // Box–Muller; one of the pair is enough here
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static int poisson(SplittableRandom r, double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = r.nextDouble();
    while (p > l) {
      k++;
      p *= r.nextDouble();
    }
    return k;
  }

  /** The series id of series {@code i}: its number and kind. */
  public static String id(int i) {
    return String.format(Locale.ROOT, "s%06d-%s", i, KINDS.get(i % 5));
  }

  @Override
  public SourceInfo info() {
    return new SourceInfo(
        "fleet of " + series + " series (seed " + seed + ")",
        List.of("ts"),
        List.of("value"),
        List.of("sensor"),
        List.of(),
        null,
        List.of("sensor", "ts", "value"));
  }

  @Override
  public long seriesCount() {
    return series;
  }

  @Override
  public void forEachSeries(Consumer<SeriesData> consumer) {
    for (int i = 0; i < series; i++) {
      double[] y = values(seed, i);
      SeriesData d = new SeriesData(id(i), "value", FORMAT);
      for (int t = 0; t < y.length; t++) {
        d.add(++rows, START + t * HOUR, null, y[t], SeriesData.OK, null);
      }
      consumer.accept(d);
    }
  }

  @Override
  public ReadStatistics statistics() {
    return ReadStatistics.clean(rows);
  }

  /** The fleet as a long CSV (sensor,ts,value), for whole-process runs of the command line. */
  public static void writeCsv(int series, long seed, Writer out) throws IOException {
    BufferedWriter w = new BufferedWriter(out, 1 << 16);
    w.write("sensor,ts,value\n");
    for (int i = 0; i < series; i++) {
      String id = id(i);
      double[] y = values(seed, i);
      LocalDateTime t0 = LocalDateTime.of(2024, 1, 1, 0, 0);
      for (int t = 0; t < y.length; t++) {
        w.write(id);
        w.write(',');
        w.write(t0.plusHours(t).toString());
        w.write(',');
        w.write(Double.toString(y[t]));
        w.write('\n');
      }
    }
    w.flush();
  }
}
