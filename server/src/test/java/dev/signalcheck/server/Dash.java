package dev.signalcheck.server;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client of the dashboard: keeps cookies, reads CSRF fields from forms. */
final class Dash {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  final TestServer s;
  final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  Dash(TestServer s) {
    this.s = s;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(s.uri(path)).GET().build());
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(s.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** The CSRF field of the form on a page. */
  String csrf(String path) {
    HttpResponse<String> r = get(path);
    Matcher m = CSRF.matcher(r.body());
    if (!m.find()) {
      throw new AssertionError("no CSRF field on " + path + " (" + r.statusCode() + ")");
    }
    return m.group(1);
  }

  HttpResponse<String> signIn(String token) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("csrf", csrf("/login"));
    f.put("token", token);
    return postForm("/login", f);
  }

  HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
