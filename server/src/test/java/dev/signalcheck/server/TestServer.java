package dev.signalcheck.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.ledger.Ledger;
import dev.signalcheck.ledger.LedgerLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A real server on a free port of 127.0.0.1 over a fresh ledger, tokens of each scope, and a JDK
 * HTTP client. Everything stays on loopback.
 */
final class TestServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final SignalcheckServer server;
  final LedgerLocation ledger;
  final Path data;
  final String read;
  final String write;
  final String admin;
  final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  TestServer(LedgerLocation ledger, Path dir) {
    this(ledger, dir, ServerConfig.DEFAULT_UPLOAD_LIMIT, Duration.ofSeconds(30));
  }

  TestServer(LedgerLocation ledger, Path dir, long uploadLimit, Duration stopTimeout) {
    this.ledger = ledger;
    this.data = dir.resolve("data");
    try (Ledger l = Ledger.open(ledger)) {
      read = Tokens.create(l, "reader", Scope.READ).token();
      write = Tokens.create(l, "writer", Scope.WRITE).token();
      admin = Tokens.create(l, "admin", Scope.ADMIN).token();
    }
    server =
        SignalcheckServer.start(
            ServerConfig.of(ledger, data)
                .withPort(0)
                .withUploadLimit(uploadLimit)
                .withStopTimeout(stopTimeout));
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  URI uri(String path) {
    return URI.create(base() + path);
  }

  HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.GET().build());
  }

  HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> post(String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  /** POST /api/v1/runs of a report.json into a project. */
  HttpResponse<String> push(String project, String reportJson) {
    return post(
        "/api/v1/runs?project=" + project,
        write,
        "application/json",
        reportJson.getBytes(StandardCharsets.UTF_8));
  }

  /** POST /api/v1/audits with a file and fields. */
  HttpResponse<String> audit(
      String token, String fileName, byte[] file, Map<String, String> fields) {
    Multipart m = new Multipart();
    fields.forEach(m::field);
    m.file("file", fileName, file);
    return post("/api/v1/audits", token, m.contentType(), m.body());
  }

  /** Fields of a quick audit: two simple models, a short horizon. */
  static Map<String, String> quick(String project) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("project", project);
    f.put("horizon", "7");
    f.put("origins", "2");
    f.put("models", "naive,seasonal-naive,ses");
    return f;
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
    }
  }

  /** A daily series with a weekly pattern and noise: {@code n} rows of time,value. */
  static byte[] csv(int n, long seed, String valueName) {
    Random rnd = new Random(seed);
    StringBuilder b = new StringBuilder("time,").append(valueName).append('\n');
    LocalDate d = LocalDate.of(2024, 1, 1);
    for (int i = 0; i < n; i++) {
      double v = 100 + 10 * Math.sin(2 * Math.PI * i / 7.0) + 0.05 * i + rnd.nextGaussian();
      b.append(d.plusDays(i))
          .append(',')
          .append(String.format(Locale.ROOT, "%.3f", v))
          .append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] csv(int n, long seed) {
    return csv(n, seed, "value");
  }

  @Override
  public void close() {
    server.stop();
  }

  /** A multipart/form-data body. */
  static final class Multipart {
    final String boundary = "----signalcheck" + Long.toHexString(new Random().nextLong());
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
      write(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"\r\n\r\n"
              + value
              + "\r\n");
      return this;
    }

    Multipart file(String name, String fileName, byte[] content) {
      write(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"; filename=\""
              + fileName
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      out.writeBytes(content);
      write("\r\n");
      return this;
    }

    private void write(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.writeBytes(out.toByteArray());
      b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return b.toByteArray();
    }
  }

  static void write(Path p, byte[] b) {
    try {
      Files.createDirectories(p.getParent());
      Files.write(p, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
