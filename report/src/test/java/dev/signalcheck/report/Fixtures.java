package dev.signalcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.audit.SeriesAuditor;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.core.series.TimeFormat;
import dev.signalcheck.core.series.TimeKind;
import dev.signalcheck.io.InputSpec;
import dev.signalcheck.io.ReportInfo;
import dev.signalcheck.io.TableReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small deterministic inputs and the steps from them to a report, as the command line takes them.
 */
final class Fixtures {
  private Fixtures() {}

  static final long DAY = 86_400_000L;

  /** 2024-01-01T00:00:00Z */
  static final long START = 1_704_067_200_000L;

  static final ReportInfo.Generator GENERATOR =
      new ReportInfo.Generator("signalcheck", "test", "17");
  static final ReportInfo.Settings SETTINGS =
      new ReportInfo.Settings(null, null, 3, List.of(), null);

  /**
   * Daily data with a weekly pattern, a trend and noise; {@code hole} days from {@code holeAt}
   * missing; a duplicate.
   */
  static SeriesData weekly(String id, int n, long seed, int holeAt, int hole) {
    SeriesData d = new SeriesData(id, id, new TimeFormat(TimeKind.DATE, null));
    SplittableRandom rnd = new SplittableRandom(seed);
    long row = 1;
    for (int k = 0; k < n; k++) {
      if (k >= holeAt && k < holeAt + hole) {
        continue;
      }
      double v = 100 + 0.05 * k + 12 * Math.sin(2 * Math.PI * k / 7) + 4 * rnd.nextGaussian();
      d.add(row++, START + k * DAY, null, v, SeriesData.OK, null);
      if (k == n / 3) {
        d.add(row++, START + k * DAY, null, v + 1, SeriesData.OK, null);
      }
    }
    return d;
  }

  /** Daily white noise. */
  static SeriesData noise(String id, int n, long seed) {
    SeriesData d = new SeriesData(id, id, new TimeFormat(TimeKind.DATE, null));
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int k = 0; k < n; k++) {
      d.add(k + 1, START + k * DAY, null, 50 + rnd.nextGaussian(), SeriesData.OK, null);
    }
    return d;
  }

  /**
   * Daily y_t = 0.5 y_{t−1} + d_{t−2} + e_t with covariates: the driver d, a near-copy of it, pure
   * noise and the target's next value (a leak); {@code hostile} names the noise column.
   */
  static SeriesData withCovariates(String id, int n, long seed, String noiseName) {
    SeriesData s = new SeriesData(id, id, new TimeFormat(TimeKind.DATE, null));
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] d = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      d[t] = rnd.nextGaussian();
    }
    for (int t = 0; t < n; t++) {
      y[t] =
          10
              + (t > 0 ? 0.5 * (y[t - 1] - 10) : 0)
              + (t > 1 ? d[t - 2] : 0)
              + 0.6 * rnd.nextGaussian();
    }
    for (int t = 0; t < n; t++) {
      s.add(t + 1, START + t * DAY, null, y[t], SeriesData.OK, null);
      s.setCovariate("driver", d[t]);
      s.setCovariate("copy", d[t] + 0.1 * rnd.nextGaussian());
      s.setCovariate(noiseName, rnd.nextGaussian());
      s.setCovariate("next", t + 1 < n ? y[t + 1] : Double.NaN);
    }
    return s;
  }

  /** Settings for the covariate fixture: horizon 6, 20 origins. */
  static AuditSettings covariateSettings() {
    return new AuditSettings(null, 1, 6, 20, List.of("mean", "naive", "ar"), null, null);
  }

  static AuditSettings fast() {
    return new AuditSettings(
        null,
        null,
        null,
        3,
        List.of("mean", "naive", "seasonal-naive", "drift", "ses"),
        null,
        null);
  }

  /** Audits series into an HTML report the way the command line streams them. */
  static HtmlReport report(
      List<SeriesData> input, AuditSettings settings, int top, List<String> named) {
    return report(
        input,
        settings,
        top,
        named,
        new ReportInfo.Input(
            "fixture.csv",
            input.stream().mapToLong(SeriesData::size).sum(),
            0,
            "date",
            List.of("value"),
            List.of(),
            List.of(),
            null));
  }

  static HtmlReport report(
      List<SeriesData> input,
      AuditSettings settings,
      int top,
      List<String> named,
      ReportInfo.Input info) {
    HtmlReport html = new HtmlReport(top, named);
    html.begin(GENERATOR, SETTINGS);
    SeriesAuditor auditor = new SeriesAuditor(settings);
    Map<String, Long> verdicts = new LinkedHashMap<>();
    long[] findings = new long[3];
    for (SeriesData d : input) {
      SeriesResult r = auditor.audit(d);
      html.series(r);
      if (r.verdict() != null) {
        verdicts.merge(r.verdict().signal().label(), 1L, Long::sum);
      }
      for (Finding f : r.findings()) {
        findings[f.severity().ordinal()]++;
      }
    }
    html.end(info, new ReportInfo.Summary(input.size(), verdicts, counts(findings)), List.of());
    return html;
  }

  /** As {@link #report(List, AuditSettings, int, List)}, redacted as {@code --redact} writes it. */
  static HtmlReport redacted(List<SeriesData> input, AuditSettings settings) {
    HtmlReport html = new HtmlReport(HtmlReport.DEFAULT_TOP, List.of()).redacted(true);
    html.begin(GENERATOR, SETTINGS);
    SeriesAuditor auditor = new SeriesAuditor(settings);
    for (SeriesData d : input) {
      html.series(Redaction.of(auditor.audit(d)));
    }
    html.end(
        new ReportInfo.Input(
            "fixture.csv", 0, 0, "date", List.of("value"), List.of(), List.of(), null),
        new ReportInfo.Summary(input.size(), Map.of(), counts(new long[3])),
        List.of());
    return html;
  }

  private static Map<String, Long> counts(long[] bySeverity) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("critical", bySeverity[2]);
    m.put("warning", bySeverity[1]);
    m.put("info", bySeverity[0]);
    return m;
  }

  /** Reads a file as the command line does and audits it into an HTML report. */
  static HtmlReport report(InputSpec spec, AuditSettings settings) {
    List<SeriesData> all = new ArrayList<>();
    ReportInfo.Input info;
    try (TableReader r = TableReader.open(spec)) {
      r.forEachSeries(all::add);
      info =
          new ReportInfo.Input(
              r.displayName(),
              r.rows(),
              r.rejectedRows(),
              r.timeColumns().size() == 1 ? r.timeColumns().get(0) : r.timeColumns(),
              r.targets(),
              r.ids(),
              spec.covariates(),
              spec.recordedAt());
    }
    return report(all, settings, HtmlReport.DEFAULT_TOP, List.of(), info);
  }

  static String render(HtmlReport html) {
    StringWriter w = new StringWriter();
    try {
      html.render(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** The JSON data block of a page, parsed. */
  static JsonNode embedded(String page) {
    try {
      return new ObjectMapper().readTree(HtmlReport.embeddedData(page));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
