package dev.signalcheck.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.sources.Snapshot;
import dev.signalcheck.core.sources.SourceChecks;
import dev.signalcheck.io.InputSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One pull of a source, start to end: fetch ({@link Fetcher}), check that the body is data, read it
 * as the audit will, keep its bytes under the data folder ({@code DATA/NAME/STAMP-HASH/NAME.ext},
 * one folder per distinct content), turn the history of pulls into {@code source.*} findings
 * ({@link SourceChecks}) and record the pull, its attempts and its snapshot in the ledger. A pull
 * that fails touches no earlier snapshot: its bytes are kept aside until they read as data.
 */
public final class SourceFetch {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final DateTimeFormatter FOLDER =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What to pull and how.
   *
   * @param name the source's name: letters, digits, '.', '_' and '-'
   * @param url where it is
   * @param format csv, json or parquet; null to go by the URL's extension and the Content-Type
   * @param input how the audit reads it (its source is replaced by the fetched file)
   * @param step the step from {@code --step}, or null to infer it per series
   * @param maxDelay the staleness limit from {@code --max-delay}, or null for the step rule
   * @param dataDir where snapshots are kept
   * @param records for JSON: the dot path of the array of records inside the document, or null
   */
  public record Request(
      String name,
      URI url,
      String format,
      FetchSettings settings,
      InputSpec input,
      Step step,
      Duration maxDelay,
      Path dataDir,
      String records) {}

  /**
   * The pull's outcome.
   *
   * @param ok whether a snapshot was taken
   * @param file the snapshot's data file, to audit (null when failed)
   * @param findings the source.* findings of this pull (for a failed pull: source.unavailable, and
   *     source.schema-changed when the new columns explain the failure)
   * @param error the one-line error of a failed pull, or null
   * @param unchanged whether the content is the same as the previous snapshot's
   */
  public record Result(
      boolean ok,
      Path file,
      Snapshot snapshot,
      List<Finding> findings,
      String error,
      List<Attempt> attempts,
      long pullId,
      boolean unchanged) {}

  private final Fetcher fetcher;
  private final Clock clock;

  public SourceFetch(Fetcher fetcher, Clock clock) {
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /** Checks a source name: it names a folder, so it must be plain. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new UsageException(
          "--source '"
              + name
              + "' is not a valid source name; use letters, digits, '.', '_' and '-' (e.g."
              + " air-quality)");
    }
    return name;
  }

  public Result run(Request r, SourceLedger ledger) {
    checkName(r.name());
    String shownUrl = SourceUrl.display(r.url());
    Instant started = clock.instant();
    long sourceId = ledger.source(r.name(), shownUrl, r.format(), started);
    Path dir = r.dataDir().resolve(r.name());
    Path incoming = dir.resolve(".incoming-" + UUID.randomUUID());
    try {
      Files.createDirectories(incoming);
    } catch (IOException e) {
      throw new OutputException(
          "cannot create the snapshot folder "
              + incoming.getParent()
              + " ("
              + e.getMessage()
              + "); choose another with --data",
          e);
    }
    List<String> headerNames = new ArrayList<>();
    for (Header h : r.settings().headers()) {
      headerNames.add(h.name());
    }
    Optional<SourceLedger.Stored> prev = ledger.lastSnapshot(sourceId);
    try {
      Path body = incoming.resolve("body");
      Fetcher.Result fr = fetcher.fetch(r.url(), r.settings(), body);
      List<Attempt> attempts = fr.attempts();
      String problem = fr.ok() ? null : fr.failure();
      Path file = null;
      if (problem == null) {
        String format = format(r, fr.contentType());
        problem = notData(body, fr, format);
        if (problem == null && "json".equals(format) && r.records() != null) {
          problem = extractRecords(body, r.records());
        }
        if (problem == null) {
          file = incoming.resolve(r.name() + "." + format + (fr.gzipped() ? ".gz" : ""));
          Files.move(body, file);
        }
      }
      if (problem != null) {
        return failed(
            r,
            ledger,
            sourceId,
            shownUrl,
            started,
            attempts,
            headerNames,
            prev,
            problem,
            List.of());
      }
      String hash = sha256(file);
      Instant fetchedAt = clock.instant();
      SnapshotReader.Read read;
      try {
        read = SnapshotReader.read(file, r.input(), r.step(), fetchedAt, hash);
      } catch (InputException | UsageException e) {
        List<Finding> extra = new ArrayList<>();
        if (prev.isPresent()) {
          Snapshot now =
              new Snapshot(
                  fetchedAt,
                  hash,
                  SnapshotReader.columnTypes(file, columnNames(file)),
                  0,
                  0,
                  null,
                  null,
                  null,
                  null);
          Finding sc = SourceChecks.schemaChanged(prev.get().snapshot(), now, java.util.Set.of());
          if (sc != null) {
            extra.add(sc);
          }
        }
        String why = "the body does not read as data: " + oneLine(e.getMessage());
        if (!extra.isEmpty()) {
          why += " (" + extra.get(0).message() + ")";
        }
        return failed(
            r, ledger, sourceId, shownUrl, started, attempts, headerNames, prev, why, extra);
      }
      Snapshot cur = read.snapshot();
      boolean unchanged = prev.isPresent() && prev.get().snapshot().contentHash().equals(hash);
      String rel;
      Path kept;
      if (unchanged && Files.exists(r.dataDir().resolve(prev.get().path()))) {
        rel = prev.get().path();
        kept = r.dataDir().resolve(rel);
      } else {
        Path folder = dir.resolve(FOLDER.format(fetchedAt) + "-" + hash.substring(0, 12));
        Files.move(incoming, folder);
        kept = folder.resolve(file.getFileName().toString());
        rel = r.dataDir().relativize(kept).toString().replace('\\', '/');
      }
      List<Finding> findings = new ArrayList<>();
      Finding stale = SourceChecks.stale(read.ends(), fetchedAt, r.maxDelay());
      if (stale != null) {
        findings.add(stale);
      }
      if (prev.isPresent()) {
        Snapshot p = prev.get().snapshot();
        Finding sc = SourceChecks.schemaChanged(p, cur, read.used());
        if (sc != null) {
          findings.add(sc);
        }
        Path prevFile = r.dataDir().resolve(prev.get().path());
        if (!unchanged && Files.exists(prevFile)) {
          try {
            SnapshotReader.Read old =
                SnapshotReader.read(
                    prevFile, r.input(), r.step(), p.fetchedAt(), p.contentHash(), false);
            findings.addAll(SourceChecks.compare(old.series(), read.series(), p, cur));
          } catch (InputException | UsageException e) {
            // the previous snapshot no longer reads with these options (its columns differ):
            // the schema finding says so
          }
        }
      }
      List<Snapshot> history = new ArrayList<>();
      for (SourceLedger.Stored s : ledger.snapshots(sourceId, SourceChecks.ARRIVAL_WINDOW)) {
        history.add(s.snapshot());
      }
      history.add(cur);
      Finding arrival = SourceChecks.irregularArrival(history);
      if (arrival != null) {
        findings.add(arrival);
      }
      long id =
          ledger.recordPull(
              sourceId,
              shownUrl,
              started,
              fetchedAt,
              "ok",
              null,
              attempts,
              headerNames,
              findings,
              cur,
              rel,
              Files.size(kept));
      return new Result(true, kept, cur, findings, null, attempts, id, unchanged);
    } catch (IOException e) {
      throw new OutputException(
          "cannot keep the snapshot of '"
              + r.name()
              + "' under "
              + r.dataDir()
              + " ("
              + oneLine(e.getMessage())
              + "); check the folder or choose another with --data",
          e);
    } finally {
      deleteQuietly(incoming);
    }
  }

  private Result failed(
      Request r,
      SourceLedger ledger,
      long sourceId,
      String shownUrl,
      Instant started,
      List<Attempt> attempts,
      List<String> headerNames,
      Optional<SourceLedger.Stored> prev,
      String problem,
      List<Finding> extra) {
    Instant now = clock.instant();
    String reason = new Redactor(r.settings().headers()).clean(problem);
    List<SourceLedger.Pull> failing = ledger.failuresSinceLastSuccess(sourceId);
    Instant since = failing.isEmpty() ? started : failing.get(failing.size() - 1).startedAt();
    Finding f =
        SourceChecks.unavailable(
            r.name(),
            reason,
            attempts.size(),
            since,
            failing.size() + 1,
            prev.map(SourceLedger.Stored::snapshot).orElse(null),
            now);
    List<Finding> findings = new ArrayList<>();
    findings.add(f);
    findings.addAll(extra);
    long id =
        ledger.recordPull(
            sourceId,
            shownUrl,
            started,
            now,
            "failed",
            reason,
            attempts,
            headerNames,
            findings,
            null,
            null,
            0);
    return new Result(false, null, null, findings, f.message(), attempts, id, false);
  }

  /** csv, json or parquet: as asked, else from the URL's extension, else from the Content-Type. */
  static String format(Request r, String contentType) {
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

  private static List<String> columnNames(Path file) {
    List<String> out = new ArrayList<>();
    for (Snapshot.Column c : SnapshotReader.columnTypes(file, null)) {
      out.add(c.name());
    }
    return out;
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              x -> {
                try {
                  Files.deleteIfExists(x);
                } catch (IOException ignored) {
                  // a leftover incoming folder is harmless
                }
              });
    } catch (IOException ignored) {
      // as above
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
  }
}
