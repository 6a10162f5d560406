package dev.signalcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * {@code audit --push URL --token T}: sends the audit's report.json (and its report.html, when
 * written) to a signalcheck server's {@code POST /api/v1/runs}, filed under the audit's project.
 */
record Push(URI endpoint, String token) {

  /** The environment variable with a token, when {@code --token} is not given. */
  static final String TOKEN_ENV = "SIGNALCHECK_TOKEN";

  static Push of(String url, String token) {
    String t = token != null ? token : System.getenv(TOKEN_ENV);
    if (t == null || t.isBlank()) {
      throw new UsageException(
          "--push needs a token: --token T or $" + TOKEN_ENV + " (signalcheck token create)");
    }
    String u = url.strip();
    if (!u.startsWith("http://") && !u.startsWith("https://")) {
      throw new UsageException(
          "--push '" + u + "' is not an http:// or https:// address of a signalcheck server");
    }
    if (!u.endsWith("/api/v1/runs")) {
      u = (u.endsWith("/") ? u.substring(0, u.length() - 1) : u) + "/api/v1/runs";
    }
    try {
      return new Push(URI.create(u), t.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--push '" + url + "' is not a valid address");
    }
  }

  /** Sends the report; prints one line; returns the run id on the server. */
  long send(Path reportJson, Path reportHtml, String project, PrintWriter console) {
    if (reportJson == null || !Files.isRegularFile(reportJson)) {
      throw new UsageException("--push needs a report.json: use --out DIR or --json FILE");
    }
    String boundary =
        "----signalcheck" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      part(body, boundary, "project", null, project.getBytes(StandardCharsets.UTF_8));
      part(body, boundary, "report", "report.json", Files.readAllBytes(reportJson));
      if (reportHtml != null && Files.isRegularFile(reportHtml)) {
        part(body, boundary, "html", "report.html", Files.readAllBytes(reportHtml));
      }
    } catch (IOException e) {
      throw new OutputException("cannot read the report to push: " + e.getMessage(), e);
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest req =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    HttpResponse<String> r;
    try {
      r =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new OutputException(
          "cannot push the report to "
              + endpoint
              + " ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "); is the server running? The local report is written as usual",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutputException("interrupted while pushing the report", e);
    }
    JsonNode j;
    try {
      j = new ObjectMapper().readTree(r.body());
    } catch (IOException e) {
      j = null;
    }
    if (r.statusCode() >= 300 || j == null || !j.hasNonNull("runId")) {
      String why =
          j != null && j.hasNonNull("error") ? j.get("error").asText() : "status " + r.statusCode();
      throw new OutputException("the server " + endpoint + " refused the report: " + why);
    }
    long id = j.get("runId").asLong();
    if (console != null) {
      console.println(
          "pushed: "
              + (j.path("duplicate").asBoolean() ? "already there as run " : "recorded as run ")
              + id
              + " in project '"
              + j.path("project").asText(project)
              + "' on "
              + endpoint.resolve("/")
              + " (dashboard: "
              + endpoint.resolve("/runs/" + id)
              + ")");
      console.flush();
    }
    return id;
  }

  private static void part(
      ByteArrayOutputStream out, String boundary, String name, String file, byte[] content) {
    StringBuilder h =
        new StringBuilder("--")
            .append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"")
            .append(name)
            .append('"');
    if (file != null) {
      h.append("; filename=\"").append(file).append("\"\r\nContent-Type: application/octet-stream");
    }
    h.append("\r\n\r\n");
    out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }
}
