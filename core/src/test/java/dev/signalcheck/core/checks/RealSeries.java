package dev.signalcheck.core.checks;

import dev.signalcheck.core.series.RegularSeries;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the test data sets used to measure the value checks (NAB, M4 Hourly, SKAB) onto their
 * regular grid.
 */
final class RealSeries {
  private RealSeries() {}

  static final Path DATA = Path.of("..", "testdata");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final TimeFormat LOCAL = new TimeFormat(TimeKind.LOCAL_DATETIME, null);
  private static final TimeFormat INDEX = new TimeFormat(TimeKind.INDEX, null);

  /** A named series on its grid, with its season. */
  record Named(String name, RegularSeries series, int season) {}

  private static BufferedReader open(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    if (p.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** A NAB file ({@code timestamp,value}), aligned. */
  static Named nab(Path p) {
    return delimited(p, ",", "value", p.getFileName().toString().replace(".gz", ""));
  }

  /**
   * One column of a file whose first column is a {@code yyyy-MM-dd HH:mm:ss} time stamp, aligned.
   */
  private static Named delimited(Path p, String separator, String column, String name) {
    SeriesData d = new SeriesData(column, column, LOCAL);
    try (BufferedReader r = open(p)) {
      int col = List.of(r.readLine().split(separator)).indexOf(column);
      String line;
      long row = 0;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        row++;
        String[] f = line.split(separator);
        long t = LocalDateTime.parse(f[0], TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        d.add(row, t, null, Double.parseDouble(f[col]), SeriesData.OK, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RegularSeries reg = Alignment.align(d, null).regular();
    return new Named(name, reg, reg.step().defaultSeason());
  }

  /** Every NAB file of a folder in testdata/nab. */
  static List<Named> nabFolder(String folder) {
    try (Stream<Path> s = Files.list(DATA.resolve("nab").resolve(folder))) {
      return s.sorted().map(RealSeries::nab).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The column names of a SKAB file ({@code datetime;col;col;…}, semicolon-separated). */
  static List<String> skabColumns(Path p) {
    try (BufferedReader r = open(p)) {
      String[] h = r.readLine().split(";");
      return List.of(h).subList(1, h.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One column of a SKAB file (1-second readings), aligned. */
  static Named skab(Path p, String column) {
    return delimited(p, ";", column, p.getFileName().toString().replace(".gz", "") + ":" + column);
  }

  /** Every column of a SKAB file in testdata/skab. */
  static List<Named> skabFile(String file) {
    Path p = DATA.resolve("skab").resolve(file);
    return skabColumns(p).stream().map(c -> skab(p, c)).toList();
  }

  /** The M4 Hourly training series in testdata/m4 (integer index, season 24). */
  static List<Named> m4Hourly() {
    List<Named> out = new ArrayList<>();
    try (BufferedReader r = open(DATA.resolve("m4/Hourly-train-first60.csv.gz"))) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        String id = f[0].replace("\"", "");
        List<Double> vals = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
          String x = f[i].replace("\"", "").trim();
          if (!x.isEmpty()) {
            vals.add(Double.parseDouble(x));
          }
        }
        double[] v = vals.stream().mapToDouble(Double::doubleValue).toArray();
        long[] rows = new long[v.length];
        for (int i = 0; i < v.length; i++) {
          rows[i] = i + 1;
        }
        out.add(
            new Named(
                id,
                new RegularSeries(1, dev.signalcheck.core.series.Step.index(1), v, rows, INDEX),
                24));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
