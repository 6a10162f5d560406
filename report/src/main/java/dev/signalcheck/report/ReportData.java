package dev.signalcheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.CheckType;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.io.ReportInfo;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the page shows, embedded in it as JSON: the run (as in report.json), one summary row
 * per series for the overview table, and the full result with chart data for the series shown in
 * detail.
 *
 * @param version the version of this data model (the page's script reads this shape)
 * @param findings dataset-level findings
 * @param selection which series are shown in detail and how many are left out
 * @param details the series shown in detail, in the overview's default order
 * @param checkDescriptions one sentence per check id (from {@link CheckType}), for the findings
 *     tables
 * @param redacted whether every series was put on [0, 1] and findings lost their wording ({@link
 *     Redaction}); false when the page embeds raw values
 */
public record ReportData(
    int version,
    ReportInfo.Generator generator,
    String createdAt,
    ReportInfo.Input input,
    ReportInfo.Settings settings,
    ReportInfo.Summary summary,
    List<Finding> findings,
    Overview overview,
    Selection selection,
    List<Detail> details,
    Map<String, String> checkDescriptions,
    boolean redacted) {

  public static final int VERSION = 2;

  /** Every check's description, in the order of {@link CheckType}. */
  static Map<String, String> allCheckDescriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    for (CheckType c : CheckType.values()) {
      m.put(c.id(), c.description());
    }
    return m;
  }

  /**
   * The overview table. Each row is an array, to keep a file with 100,000 series small: {@code
   * [index, id, n, signal, skill, mase, best, worst, worstCheck, [info, warning, critical],
   * [checks…]]}, where {@code signal}, {@code best}, {@code worst}, {@code worstCheck} and {@code
   * checks} are positions in {@code signals}, {@code models}, {@code severities} and {@code checks}
   * (−1 for none).
   *
   * @param order {@code input} or {@code attention}: how the rows and the details are ordered at
   *     first
   */
  public record Overview(
      List<String> columns,
      List<String> signals,
      List<String> severities,
      List<String> checks,
      List<String> models,
      String order,
      @JsonSerialize(contentUsing = RowWriter.class) List<SeriesSummary> rows) {}

  /**
   * @param top how many of the series that most need attention are shown in detail
   * @param named the ids asked for by name
   * @param notFound names asked for that no series has
   * @param shown series shown in detail
   * @param leftOut series summarised in the overview only
   */
  public record Selection(
      int top, List<String> named, List<String> notFound, int shown, long leftOut) {}

  /**
   * One series shown in detail.
   *
   * @param index its position in the input (and in the overview)
   * @param why {@code all} (every series is shown), {@code attention} (among those that most need
   *     it) or {@code named}
   * @param series the result, as in report.json
   * @param charts the chart data
   */
  public record Detail(int index, String why, SeriesResult series, SeriesCharts charts) {}

  static final class RowWriter extends JsonSerializer<SeriesSummary> {
    @Override
    public void serialize(SeriesSummary s, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartArray();
      g.writeNumber(s.index());
      g.writeString(s.id());
      g.writeNumber(s.n());
      g.writeNumber(s.signal());
      number(g, s.skill());
      number(g, s.mase());
      g.writeNumber(s.best());
      g.writeNumber(s.worst());
      g.writeNumber(s.worstCheck());
      g.writeArray(s.counts(), 0, s.counts().length);
      g.writeArray(s.checks(), 0, s.checks().length);
      g.writeEndArray();
    }

    /** Four decimals are plenty for a table and keep the file small. */
    private static void number(JsonGenerator g, double v) throws IOException {
      if (Double.isFinite(v)) {
        g.writeNumber(Math.round(v * 10_000) / 10_000.0);
      } else {
        g.writeNull();
      }
    }
  }
}
