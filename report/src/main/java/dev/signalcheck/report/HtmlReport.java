package dev.signalcheck.report;

import dev.signalcheck.core.audit.SeriesResult;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.finding.Severity;
import dev.signalcheck.core.verdict.Signal;
import dev.signalcheck.io.ReportInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Collects series results as the audit streams them and writes the self-contained HTML page at the
 * end.
 *
 * <p>Memory stays bounded: a small {@link SeriesSummary} is kept for every series (for the overview
 * table), full results only for the series shown in detail — the {@code top} that most need
 * attention, held in a bounded priority queue, and those named by id. Chart data are computed for
 * these alone, when the page is written.
 */
public final class HtmlReport {

  /** How many of the series that most need attention are shown in detail by default. */
  public static final int DEFAULT_TOP = 50;

  private final int top;
  private final Set<String> named;
  private final Dictionary checks = new Dictionary();
  private final Dictionary models = new Dictionary();
  private final List<SeriesSummary> rows = new ArrayList<>();

  /** The least urgent at the head, so it is the one dropped when the queue is full. */
  private final PriorityQueue<Held> worst =
      new PriorityQueue<>(Comparator.comparing(Held::summary, SeriesSummary.ATTENTION.reversed()));

  private final Map<Integer, Held> byName = new LinkedHashMap<>();
  private final Set<String> namesSeen = new LinkedHashSet<>();

  private ReportInfo.Generator generator;
  private ReportInfo.Settings settings;
  private String createdAt;
  private ReportInfo.Input input;
  private ReportInfo.Summary summary;
  private List<Finding> datasetFindings = List.of();
  private ReportData data;
  private boolean redacted;

  private record Held(SeriesSummary summary, SeriesResult result) {}

  /**
   * @param top how many of the series that most need attention to show in detail (0 for none)
   * @param named series ids to show in detail whatever their rank
   */
  public HtmlReport(int top, java.util.Collection<String> named) {
    if (top < 0) {
      throw new IllegalArgumentException("top must not be negative");
    }
    this.top = top;
    this.named = named == null ? Set.of() : new LinkedHashSet<>(named);
  }

  public HtmlReport() {
    this(DEFAULT_TOP, List.of());
  }

  public void begin(ReportInfo.Generator generator, ReportInfo.Settings settings) {
    this.generator = generator;
    this.settings = settings;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * Marks the page as redacted: the caller passes {@link Redaction#of redacted} results (see {@link
   * Redaction#sink}), and the page says that its values are scaled.
   */
  public HtmlReport redacted(boolean redacted) {
    this.redacted = redacted;
    return this;
  }

  /** Whether the page was marked as redacted. */
  public boolean redacted() {
    return redacted;
  }

  /** Takes the next series, in input order. */
  public void series(SeriesResult r) {
    SeriesSummary s = SeriesSummary.of(rows.size(), r, checks, models);
    rows.add(s);
    Held h = new Held(s, r);
    if (named.contains(r.id())) {
      byName.put(s.index(), h);
      namesSeen.add(r.id());
      return;
    }
    if (top == 0) {
      return;
    }
    worst.add(h);
    if (worst.size() > top) {
      worst.poll();
    }
  }

  public void end(
      ReportInfo.Input input, ReportInfo.Summary summary, List<Finding> datasetFindings) {
    this.input = input;
    this.summary = summary;
    this.datasetFindings = datasetFindings == null ? List.of() : List.copyOf(datasetFindings);
  }

  /** The data the page embeds; chart data are computed on the first call. */
  public synchronized ReportData data() {
    if (data == null) {
      data = build();
    }
    return data;
  }

  private ReportData build() {
    List<Held> shown = new ArrayList<>(worst);
    shown.addAll(byName.values());
    boolean all = shown.size() == rows.size();
    // few series: input order; otherwise the most urgent first
    String order = all ? "input" : "attention";
    Comparator<Held> cmp =
        all
            ? Comparator.comparingInt(h -> h.summary().index())
            : Comparator.comparing(Held::summary, SeriesSummary.ATTENTION);
    shown.sort(cmp);
    List<ReportData.Detail> details = new ArrayList<>();
    for (Held h : shown) {
      SeriesResult r = h.result();
      String why = all ? "all" : byName.containsKey(h.summary().index()) ? "named" : "attention";
      details.add(new ReportData.Detail(h.summary().index(), why, r, charts(r)));
    }
    List<String> notFound = named.stream().filter(n -> !namesSeen.contains(n)).toList();
    ReportData.Selection sel =
        new ReportData.Selection(
            top, List.copyOf(named), notFound, details.size(), rows.size() - details.size());
    List<String> signals = Arrays.stream(Signal.values()).map(Signal::label).toList();
    List<String> severities = Arrays.stream(Severity.values()).map(Severity::label).toList();
    ReportData.Overview overview =
        new ReportData.Overview(
            List.of(
                "index",
                "id",
                "n",
                "signal",
                "skill",
                "mase",
                "best",
                "worst",
                "worstCheck",
                "counts",
                "checks"),
            signals,
            severities,
            checks.names(),
            models.names(),
            order,
            List.copyOf(rows));
    return new ReportData(
        ReportData.VERSION,
        generator,
        createdAt,
        input,
        settings,
        summary,
        datasetFindings,
        overview,
        sel,
        details,
        ReportData.allCheckDescriptions(),
        redacted);
  }

  /** Chart data; a series the charts cannot handle loses its charts, not the report. */
  private static SeriesCharts charts(SeriesResult r) {
    try {
      return SeriesCharts.of(r);
    } catch (RuntimeException e) {
      return new SeriesCharts(
          "index",
          false,
          "index",
          null,
          List.of(),
          null,
          null,
          null,
          null,
          null,
          List.of(
              "The charts of this series could not be computed ("
                  + e.getClass().getSimpleName()
                  + ")."));
    }
  }

  /** Writes the page to a file (UTF-8). */
  public void write(Path file) {
    try (Writer w =
        new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      render(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Content-Security-Policy every report page carries (in its own meta element): only the
   * report's own inline script and style blocks, by their hashes. A server sends it as a header
   * too, so that a stored report can never run any other script.
   */
  public static String contentSecurityPolicy() {
    return HtmlPage.assets().csp;
  }

  /**
   * The page's script and styles as report.html inlines them, for a page that draws report data
   * itself (a dashboard): {@code pageScript} defines {@code window.signalcheck.render(data, root)}
   * and needs {@code chartScript} (uPlot, with its licence notice) loaded before it.
   */
  public record Assets(
      String chartScript, String chartStyle, String pageScript, String pageStyle) {}

  /** The assets of the report page ({@link Assets}). */
  public static Assets assets() {
    HtmlPage.Assets a = HtmlPage.assets();
    return new Assets(a.uplotJs, a.uplotCss, a.pageJs, a.pageCss);
  }

  /**
   * The report data embedded in a report page (the JSON text of its data block, {@link ReportData}
   * as the page's script reads it), or null when the page has none. The text is the page's own: a
   * reader that needs a value parses it; a browser may be sent it as {@code application/json}.
   */
  public static String embeddedData(String page) {
    return HtmlPage.dataBlock(page);
  }

  /** Writes the page; the writer is flushed, not closed. */
  public void render(Writer out) throws IOException {
    HtmlPage.render(data(), out);
  }
}
