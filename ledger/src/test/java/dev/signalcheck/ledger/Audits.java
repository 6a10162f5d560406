package dev.signalcheck.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.audit.AuditEnd;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.DatasetAudit;
import dev.signalcheck.core.audit.ResultSink;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.JsonReportSink;
import dev.signalcheck.io.ReportWriter;
import dev.signalcheck.io.TableReader;
import dev.signalcheck.io.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** Real audits of small synthetic data sets, written to report.json and recorded in a ledger. */
final class Audits {
  private Audits() {}

  /** The outcome of one audit. */
  record Outcome(JsonNode report, Optional<RunRecorder.Recorded> recorded, List<String> warnings) {}

  /**
   * A long table {@code id,t,value}: a seasonal series (period 12), white noise and a trend, 144
   * points each.
   */
  static Path data(Path dir, String name, int seed) {
    return data(dir, name, seed, false);
  }

  /**
   * The same table; {@code changed}: the noise series carries the seasonal pattern (its verdict
   * changes) and the seasonal series has a spike (a new finding).
   */
  static Path data(Path dir, String name, int seed, boolean changed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder("id,t,value\n");
    for (int t = 1; t <= 144; t++) {
      double v = 10 + 5 * Math.sin(2 * Math.PI * t / 12) + 0.3 * r.nextGaussian();
      if (changed && t == 70) {
        v += 40;
      }
      b.append(String.format(Locale.ROOT, "seasonal,%d,%.4f%n", t, v));
    }
    for (int t = 1; t <= 144; t++) {
      double v = r.nextGaussian() + (changed ? 5 * Math.sin(2 * Math.PI * t / 12) : 0);
      b.append(String.format(Locale.ROOT, "noise,%d,%.4f%n", t, v));
    }
    for (int t = 1; t <= 144; t++) {
      b.append(String.format(Locale.ROOT, "=trend,%d,%.4f%n", t, 0.5 * t + r.nextGaussian()));
    }
    Path p = dir.resolve(name);
    try {
      Files.writeString(p, b.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The baselines and a few quick candidates (the verdict needs both). */
  static final List<String> MODELS =
      List.of("mean", "naive", "seasonal-naive", "naive2", "ses", "theta", "ar");

  static AuditSettings settings(int horizon) {
    return new AuditSettings(Step.parse("1"), 12, horizon, 3, MODELS, null, null, null, List.of());
  }

  /** Audits {@code csv}, writes {@code report}, records the run (when {@code loc} is not null). */
  static Outcome run(Path csv, AuditSettings s, LedgerLocation loc, String project, Path report) {
    List<String> warnings = new ArrayList<>();
    InputSpec spec = InputSpec.of(csv.toString()).withIds("id").withTime("t").withTargets("value");
    try (OutputStream os = Files.newOutputStream(report);
        TableReader reader = TableReader.open(spec);
        LedgerSink ledger =
            loc == null
                ? null
                : new LedgerSink(
                    loc, project, csv, LedgerSink.readerOptions(spec, List.of()), warnings::add)) {
      List<ResultSink> sinks = new ArrayList<>();
      sinks.add(
          new JsonReportSink(new ReportWriter(os, true), Version.generator(), report.toString()));
      if (ledger != null) {
        sinks.add(ledger);
      }
      AuditEnd end =
          DatasetAudit.run(
              reader, s, ResultSink.fanOut(sinks), new DatasetAudit.Options(1, List.of()));
      Optional<RunRecorder.Recorded> rec = ledger == null ? Optional.empty() : ledger.finish(0);
      os.flush();
      return new Outcome(new ObjectMapper().readTree(report.toFile()), rec, warnings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
