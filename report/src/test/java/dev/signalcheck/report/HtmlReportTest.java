package dev.signalcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.core.series.SeriesData;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  static final List<String> HOSTILE =
      List.of(
          "<script>window.__pwned=1</script>",
          "\"><img src=x onerror=\"window.__pwned=2\">",
          "</script><script>window.__pwned=3</script>",
          "=HYPERLINK(\"http://x\")",
          "it's \"quoted\" & 'single'",
          "line\u2028separator\u2029para",
          "<!--");

  @Test
  void everyInlineBlockIsAllowedByItsHashAndNothingElse() {
    String page =
        Fixtures.render(
            Fixtures.report(
                List.of(Fixtures.weekly("a", 120, 1, 40, 5)), Fixtures.fast(), 50, List.of()));
    Matcher csp =
        Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")
            .matcher(page);
    assertThat(csp.find()).isTrue();
    String policy = csp.group(1);
    assertThat(policy)
        .startsWith("default-src 'none';")
        .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
    Matcher blocks = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL).matcher(page);
    int n = 0;
    while (blocks.find()) {
      assertThat(policy).contains(HtmlPage.hash(blocks.group(2)));
      n++;
    }
    assertThat(n).isEqualTo(4);
    // the only other script is the JSON data block, which is never executed
    assertThat(page.split("<script", -1)).hasSize(4);
    // nothing refers to anything outside the file (the library's own comment names its home page)
    assertThat(page).doesNotContain(" src=", " href=", "url(", "@import", "onerror=", "onload=");
    assertThat(page.indexOf("Content-Security-Policy")).isLessThan(page.indexOf("<style>"));
  }

  @Test
  void userTextReachesThePageOnlyAsEscapedData() {
    List<SeriesData> input = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      input.add(Fixtures.weekly(HOSTILE.get(i), 90, i, 30, 4));
    }
    String page = Fixtures.render(Fixtures.report(input, Fixtures.fast(), 50, List.of()));
    for (String h : HOSTILE) {
      assertThat(page).doesNotContain(h);
    }
    assertThat(page).doesNotContain("\u2028", "\u2029", "<img", "__pwned=1</script>");
    // exactly the page's own closing tags
    assertThat(page.split("</script>", -1)).hasSize(4);
    JsonNode data = Fixtures.embedded(page);
    List<String> ids = new ArrayList<>();
    data.get("overview").get("rows").forEach(r -> ids.add(r.get(1).asText()));
    assertThat(ids).containsExactlyElementsOf(HOSTILE);
    List<String> detailIds = new ArrayList<>();
    data.get("details").forEach(d -> detailIds.add(d.get("series").get("id").asText()));
    assertThat(detailIds).containsExactlyElementsOf(HOSTILE);
  }

  @Test
  void theTitleIsEscaped() {
    String page =
        Fixtures.render(
            Fixtures.report(
                List.of(Fixtures.weekly("<b>x</b> & \"y\"", 90, 1, 30, 4)),
                Fixtures.fast(),
                50,
                List.of()));
    assertThat(page)
        .contains(
            "<title>&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; · signalcheck report · fixture.csv</title>");
  }

  @Test
  void manySeriesKeepSummariesForAllAndDetailsForTheWorstAndTheNamed() {
    List<SeriesData> input = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // every 50th series has a long gap: a warning the others lack
      input.add(
          i % 50 == 7 ? Fixtures.weekly("s" + i, 60, i, 20, 6) : Fixtures.noise("s" + i, 60, i));
    }
    HtmlReport html =
        Fixtures.report(input, Fixtures.fast(), 3, List.of("s100", "s150", "missing"));
    ReportData d = html.data();
    assertThat(d.overview().rows()).hasSize(200);
    assertThat(d.overview().order()).isEqualTo("attention");
    List<String> shown = d.details().stream().map(x -> x.series().id()).toList();
    assertThat(shown).hasSize(5).contains("s100", "s150");
    assertThat(shown.stream().filter(s -> !s.equals("s100") && !s.equals("s150")).toList())
        .allSatisfy(s -> assertThat(Integer.parseInt(s.substring(1)) % 50).isEqualTo(7));
    assertThat(
            d.details().stream()
                .filter(x -> x.series().id().equals("s100"))
                .findFirst()
                .orElseThrow()
                .why())
        .isEqualTo("named");
    assertThat(d.selection().shown()).isEqualTo(5);
    assertThat(d.selection().leftOut()).isEqualTo(195);
    assertThat(d.selection().notFound()).containsExactly("missing");
    JsonNode page = Fixtures.embedded(Fixtures.render(html));
    assertThat(page.get("overview").get("rows")).hasSize(200);
    assertThat(page.get("details")).hasSize(5);
  }

  @Test
  void fewSeriesAreAllShownInInputOrder() {
    HtmlReport html =
        Fixtures.report(
            List.of(Fixtures.noise("b", 80, 2), Fixtures.weekly("a", 80, 1, 30, 6)),
            Fixtures.fast(),
            50,
            List.of());
    ReportData d = html.data();
    assertThat(d.overview().order()).isEqualTo("input");
    assertThat(d.details()).extracting(x -> x.series().id()).containsExactly("b", "a");
    assertThat(d.details()).extracting(ReportData.Detail::why).containsOnly("all");
    assertThat(d.selection().leftOut()).isZero();
  }

  @Test
  void chartsMarkFindingsWhereTheyAre() {
    HtmlReport html =
        Fixtures.report(
            List.of(Fixtures.weekly("a", 150, 1, 60, 5)), Fixtures.fast(), 50, List.of());
    SeriesCharts c = html.data().details().get(0).charts();
    assertThat(c.axis()).isEqualTo("time");
    assertThat(c.data().points()).isEqualTo(150);
    assertThat(c.marks()).isNotEmpty();
    // the gap: days 60..64 after 2024-01-01
    double from = (Fixtures.START + 60 * Fixtures.DAY) / 1000.0;
    double to = (Fixtures.START + 64 * Fixtures.DAY) / 1000.0;
    boolean found = false;
    for (SeriesCharts.Marks m : c.marks()) {
      double[] s = m.spans().values();
      for (int k = 0; k + 1 < s.length; k += 2) {
        found |= s[k] == from && s[k + 1] == to;
      }
    }
    assertThat(found).as("the gap is marked from its first to its last missing day").isTrue();
    assertThat(c.acf().r().values()).isNotEmpty();
    assertThat(c.stl().period()).isEqualTo(7);
    assertThat(c.spectrum().power().values()).isNotEmpty();
    assertThat(c.backtest().origins()).hasSize(3);
    assertThat(c.backtest().models())
        .extracting(SeriesCharts.ModelForecasts::name)
        .contains("naive", "ses");
  }

  @Test
  void longSeriesAreDrawnAsAnEnvelope() {
    SeriesCharts.Line l = SeriesCharts.line(100_000, k -> k, k -> k % 1000 == 0 ? 50 : Math.sin(k));
    assertThat(l.reduced()).isTrue();
    assertThat(l.x().values().length).isLessThanOrEqualTo(2 * SeriesCharts.BUCKETS + 2);
    double max = 0;
    for (double v : l.y().values()) {
      max = Math.max(max, v);
    }
    assertThat(max).as("spikes survive the reduction").isEqualTo(50);
  }
}
