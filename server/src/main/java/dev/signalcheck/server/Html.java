package dev.signalcheck.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's HTML: every piece of text from data (project and series names, messages, sources)
 * goes through {@link #esc} (or {@link #url} inside a link), so it shows as text and never becomes
 * markup. Pages carry no script, but for the run page, whose scripts are files of this server
 * ({@link #RUN_CSP}).
 */
final class Html {
  /** The dashboard's policy: its own style sheets, inline SVG, no script, no frames. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
          + " base-uri 'none'; frame-ancestors 'none'";

  /**
   * The run page's policy: the dashboard's, plus the server's own scripts (the report's script that
   * draws the run, and the few lines that call it) and fetching the run's data from this server.
   */
  static final String RUN_CSP = CSP + "; script-src 'self'; connect-src 'self'";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private Html() {}

  static String esc(Object o) {
    if (o == null) {
      return "";
    }
    String s = o.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A path segment or query value, percent-encoded (and so also safe inside an attribute). */
  static String url(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String time(Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  static String num(Double v, int decimals) {
    return v == null || !Double.isFinite(v)
        ? "-"
        : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  /** A whole page: the top bar (with the sign-out form when signed in) and the body. */
  static String page(String title, String user, String csrf, String body) {
    return page(title, user, csrf, body, List.of(), List.of());
  }

  /**
   * A whole page with more style sheets (before the dashboard's own, which wins) and scripts (at
   * the end of the body, run in order); both are paths on this server.
   */
  static String page(
      String title,
      String user,
      String csrf,
      String body,
      List<String> styles,
      List<String> scripts) {
    StringBuilder b = new StringBuilder(body.length() + 2048);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(title))
        .append(" · signalcheck</title>\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append(links(styles))
        .append("<link rel=\"stylesheet\" href=\"/static/dashboard.css\">\n</head>\n<body>\n")
        .append("<header class=\"top\"><span class=\"brand\">signalcheck</span>");
    if (user != null) {
      b.append("<nav><a href=\"/\">Projects</a><a href=\"/compare\">Compare</a>")
          .append("<a href=\"/usage\">Usage</a><a href=\"/sources\">Sources</a></nav>")
          .append("<form class=\"inline\" method=\"post\" action=\"/logout\">")
          .append("<span class=\"muted\">")
          .append(esc(user))
          .append("</span> ")
          .append(csrfField(csrf))
          .append("<button class=\"plain\" type=\"submit\">Sign out</button></form>");
    }
    b.append("</header>\n<main>\n").append(body).append("\n</main>\n");
    for (String s : scripts) {
      b.append("<script src=\"").append(esc(s)).append("\"></script>\n");
    }
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static String links(List<String> styles) {
    StringBuilder b = new StringBuilder();
    for (String s : styles) {
      b.append("<link rel=\"stylesheet\" href=\"").append(esc(s)).append("\">\n");
    }
    return b.toString();
  }

  static String csrfField(String csrf) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">";
  }

  /** An error page of the dashboard: HTML, not JSON, for a browser. */
  static String errorPage(int status, String message) {
    return page(
        "Error " + status,
        null,
        null,
        "<h1>Error "
            + status
            + "</h1><p class=\"error\">"
            + esc(message)
            + "</p><p><a href=\"/\">Back to the projects</a></p>");
  }
}
