package dev.signalcheck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.signalcheck.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The page around the data: the chart library and the page's own styles and script, inlined, and a
 * Content-Security-Policy that allows exactly these inline blocks (by their SHA-256 hashes) and
 * nothing from anywhere else.
 *
 * <p>User text (series ids, column names, messages quoting data) reaches the page only inside the
 * JSON data block, escaped by {@link ScriptSafeWriter}, and the script puts it into the document as
 * text (never as markup). The title is the one piece of user text written as HTML, escaped.
 */
final class HtmlPage {
  private HtmlPage() {}

  static final String UPLOT_VERSION = "1.6.30";
  private static final String UPLOT =
      "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";

  /** The inline blocks, loaded once. */
  static final class Assets {
    final String uplotCss = resource(UPLOT + "uPlot.min.css");
    final String pageCss = resource("/dev/signalcheck/report/report.css");

    /** The library with its licence notice, as its MIT licence asks for copies. */
    final String uplotJs =
        "/*! uPlot "
            + UPLOT_VERSION
            + "\n"
            + resource(UPLOT.replace("dist/", "LICENSE")).replace("*/", "* /")
            + "\n*/\n"
            + resource(UPLOT + "uPlot.iife.min.js");

    final String pageJs = resource("/dev/signalcheck/report/report.js");
    final String csp;

    Assets() {
      for (String s : List.of(uplotCss, pageCss, uplotJs, pageJs)) {
        String low = s.toLowerCase(Locale.ROOT);
        if (low.contains("</script") || low.contains("</style") || low.contains("<!--")) {
          throw new IllegalStateException("an inlined asset would close its element early");
        }
      }
      csp =
          "default-src 'none'; script-src "
              + hash(uplotJs)
              + " "
              + hash(pageJs)
              + "; style-src "
              + hash(uplotCss)
              + " "
              + hash(pageCss)
              + "; img-src data:; base-uri 'none'; form-action 'none'";
    }
  }

  private static Assets assets;

  /** The element that holds the page's data; its end is the first {@code </script>} after it. */
  static final String DATA_OPEN = "<script type=\"application/json\" id=\"report-data\">";

  /** The JSON text of a page's data block, or null when the page has none. */
  static String dataBlock(String page) {
    int from = page.indexOf(DATA_OPEN);
    if (from < 0) {
      return null;
    }
    from += DATA_OPEN.length();
    int to = page.indexOf("</script>", from);
    return to < 0 ? null : page.substring(from, to);
  }

  static synchronized Assets assets() {
    if (assets == null) {
      assets = new Assets();
    }
    return assets;
  }

  static void render(ReportData data, Writer out) throws IOException {
    Assets a = assets();
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + a.csp + "\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
    String version = data.generator() == null ? "" : data.generator().version();
    out.write("<meta name=\"generator\" content=\"signalcheck " + escape(version) + "\">\n");
    out.write("<title>" + escape(title(data)) + "</title>\n");
    out.write("<style>" + a.uplotCss + "</style>\n");
    out.write("<style>" + a.pageCss + "</style>\n");
    out.write("</head>\n<body>\n");
    out.write(
        "<noscript><p class=\"noscript\">This report draws its tables and charts with JavaScript, which is "
            + "turned off. The same results are in report.json beside this file.</p></noscript>\n");
    out.write("<div id=\"app\"><p class=\"loading\">Loading the report…</p></div>\n");
    out.write(DATA_OPEN);
    ScriptSafeWriter safe = new ScriptSafeWriter(out);
    JsonGenerator g = Json.mapper().getFactory().createGenerator(safe);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    Json.mapper().writeValue(g, data);
    g.close();
    safe.flush();
    out.write("</script>\n");
    out.write("<script>" + a.uplotJs + "</script>\n");
    out.write("<script>" + a.pageJs + "</script>\n");
    out.write("</body>\n</html>\n");
    out.flush();
  }

  static String title(ReportData data) {
    String source = data.input() == null ? null : data.input().source();
    if (data.details().size() == 1 && data.overview().rows().size() == 1) {
      String id = data.details().get(0).series().id();
      return id + " · signalcheck report" + (source == null ? "" : " · " + source);
    }
    return "signalcheck report" + (source == null ? "" : " · " + source);
  }

  /** HTML text and attribute escaping. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '&':
          b.append("&amp;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  static String hash(String inline) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the build: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
