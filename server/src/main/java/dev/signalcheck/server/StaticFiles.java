package dev.signalcheck.server;

import dev.signalcheck.report.HtmlReport;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's files under {@code /static/}: its style sheet, and for the run page the report's
 * own script and styles (the very text report.html inlines, from {@link HtmlReport#assets()}) and
 * the lines that call its {@code render}. Nothing is fetched from any other host.
 */
final class StaticFiles {
  private static final String CSS = "text/css; charset=utf-8";
  private static final String JS = "text/javascript; charset=utf-8";

  private final byte[] dashboardCss = resource("dashboard.css");
  private final byte[] runJs = resource("run.js");
  private final byte[] chartJs;
  private final byte[] chartCss;
  private final byte[] reportJs;
  private final byte[] reportCss;

  StaticFiles() {
    HtmlReport.Assets a = HtmlReport.assets();
    chartJs = a.chartScript().getBytes(StandardCharsets.UTF_8);
    chartCss = a.chartStyle().getBytes(StandardCharsets.UTF_8);
    reportJs = a.pageScript().getBytes(StandardCharsets.UTF_8);
    reportCss = a.pageStyle().getBytes(StandardCharsets.UTF_8);
  }

  void routes(Javalin app) {
    app.get("/static/dashboard.css", ctx -> send(ctx, CSS, dashboardCss));
    app.get("/static/uplot.css", ctx -> send(ctx, CSS, chartCss));
    app.get("/static/report.css", ctx -> send(ctx, CSS, reportCss));
    app.get("/static/uplot.js", ctx -> send(ctx, JS, chartJs));
    app.get("/static/report.js", ctx -> send(ctx, JS, reportJs));
    app.get("/static/run.js", ctx -> send(ctx, JS, runJs));
  }

  private static void send(Context ctx, String type, byte[] body) {
    ctx.contentType(type);
    ctx.header("Cache-Control", "max-age=3600");
    ctx.result(body);
  }

  private static byte[] resource(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the build: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
