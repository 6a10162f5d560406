package dev.signalcheck.sources;

import dev.signalcheck.core.errors.InputException;
import dev.signalcheck.core.errors.OutputException;
import dev.signalcheck.core.errors.UsageException;
import dev.signalcheck.core.finding.Finding;
import dev.signalcheck.core.series.Step;
import dev.signalcheck.core.sources.Snapshot;
import dev.signalcheck.core.sources.SourceChecks;
import dev.signalcheck.io.InputSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

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
   * @param database a database table or query to read instead of {@code url} (null: the URL)
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
      String records,
      DatabaseSource database) {

    /** A request for a URL or a file (not a database). */
    public Request(
        String name,
        URI url,
        String format,
        FetchSettings settings,
        InputSpec input,
        Step step,
        Duration maxDelay,
        Path dataDir,
        String records) {
      this(name, url, format, settings, input, step, maxDelay, dataDir, records, null);
    }

    /** The source as stored and shown: without user info, passwords or secret query values. */
    public String shownUrl() {
      return database != null ? database.display() : SourceUrl.display(url);
    }
  }

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
    String shownUrl = r.shownUrl();
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
      BreakerMemory.History recorded = ledger::recentAttempts;
      Fetcher.Result fr =
          r.database() != null
              ? fetcher.fetch(r.database(), r.settings(), body, recorded)
              : fetcher.fetch(r.url(), r.settings(), body, recorded);
      List<Attempt> attempts = fr.attempts();
      String problem = fr.ok() ? null : fr.failure();
      Path file = null;
      if (problem == null) {
        String format = r.database() != null ? "csv" : BodyCheck.format(r, fr.contentType());
        problem = BodyCheck.notData(body, fr, format);
        if (problem == null && "json".equals(format) && r.records() != null) {
          problem = BodyCheck.extractRecords(body, r.records());
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
      String hash = SnapshotFiles.sha256(file);
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
      SnapshotFiles.deleteQuietly(incoming);
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

  private static List<String> columnNames(Path file) {
    List<String> out = new ArrayList<>();
    for (Snapshot.Column c : SnapshotReader.columnTypes(file, null)) {
      out.add(c.name());
    }
    return out;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
  }
}
