package dev.signalcheck.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a fetched body is: its format (as asked, else from the URL, else from the Content-Type),
 * whether it is data at all (not empty, not an HTML page), and for a JSON document the array of
 * records inside it.
 */
final class BodyCheck {
  private BodyCheck() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** csv, json or parquet: as asked, else from the URL's extension, else from the Content-Type. */
  static String format(SourceFetch.Request r, String contentType) {
    if (r.format() != null) {
      return r.format();
    }
    String path = r.url().getPath() == null ? "" : r.url().getPath().toLowerCase(Locale.ROOT);
    if (path.endsWith(".gz")) {
      path = path.substring(0, path.length() - 3);
    }
    if (path.endsWith(".parquet") || path.endsWith(".pq")) {
      return "parquet";
    }
    if (path.endsWith(".json") || path.endsWith(".jsonl") || path.endsWith(".ndjson")) {
      return "json";
    }
    if (path.endsWith(".csv") || path.endsWith(".tsv") || path.endsWith(".txt")) {
      return "csv";
    }
    String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (ct.contains("json")) {
      return "json";
    }
    if (ct.contains("parquet")) {
      return "parquet";
    }
    return "csv";
  }

  /** Why a body that arrived is not data (empty, an HTML page), or null. */
  static String notData(Path body, Fetcher.Result fr, String format) throws IOException {
    long size = Files.size(body);
    if (size == 0) {
      return "the source returned an empty body";
    }
    if (fr.gzipped() || "parquet".equals(format)) {
      return null;
    }
    byte[] head = new byte[512];
    int n;
    try (InputStream in = Files.newInputStream(body)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String start =
        new String(head, 0, n, StandardCharsets.UTF_8)
            .replace("\uFEFF", "")
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (start.isEmpty()) {
      return "the source returned only white space (" + size + " bytes)";
    }
    String ct = fr.contentType() == null ? "" : fr.contentType().toLowerCase(Locale.ROOT);
    if (start.startsWith("<!doctype html")
        || start.startsWith("<html")
        || start.startsWith("<head")
        || ct.startsWith("text/html")) {
      return "the source returned an HTML page"
          + (ct.isEmpty() ? "" : " (Content-Type " + ct + ")")
          + ", not "
          + format.toUpperCase(Locale.ROOT)
          + "; check the URL and its authentication";
    }
    return null;
  }

  /** Replaces a JSON document by the array at a dot path inside it; an error, or null. */
  static String extractRecords(Path body, String dotPath) throws IOException {
    JsonNode n;
    try {
      n = JSON.readTree(body.toFile());
    } catch (IOException e) {
      return "the body is not valid JSON (" + oneLine(e.getMessage()) + ")";
    }
    for (String part : dotPath.split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      n = n == null ? null : n.get(part);
    }
    if (n == null || !n.isArray()) {
      return "the JSON body has no array of records at '" + dotPath + "' (--records)";
    }
    JSON.writeValue(body.toFile(), n);
    return null;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
  }
}
