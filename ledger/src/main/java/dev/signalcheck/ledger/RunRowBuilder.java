package dev.signalcheck.ledger;

import java.time.Instant;

/** Builds one listed run ({@link LedgerQueries.RunRow}), naming each component. */
public final class RunRowBuilder {
  private long id;
  private String project;
  private boolean reference;
  private String origin;
  private Instant startedAt;
  private String source;
  private String sha256;
  private Long sizeBytes;
  private long series;
  private long strong;
  private long weak;
  private long none;
  private long insufficientData;
  private long critical;
  private long warning;
  private long info;
  private String toolVersion;
  private Long durationMs;
  private Integer exitStatus;
  private String osUser;
  private String settingsHash;

  RunRowBuilder() {}

  public RunRowBuilder id(long id) {
    this.id = id;
    return this;
  }

  public RunRowBuilder project(String project) {
    this.project = project;
    return this;
  }

  public RunRowBuilder reference(boolean reference) {
    this.reference = reference;
    return this;
  }

  public RunRowBuilder origin(String origin) {
    this.origin = origin;
    return this;
  }

  public RunRowBuilder startedAt(Instant startedAt) {
    this.startedAt = startedAt;
    return this;
  }

  public RunRowBuilder source(String source) {
    this.source = source;
    return this;
  }

  public RunRowBuilder sha256(String sha256) {
    this.sha256 = sha256;
    return this;
  }

  public RunRowBuilder sizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
    return this;
  }

  public RunRowBuilder series(long series) {
    this.series = series;
    return this;
  }

  public RunRowBuilder strong(long strong) {
    this.strong = strong;
    return this;
  }

  public RunRowBuilder weak(long weak) {
    this.weak = weak;
    return this;
  }

  public RunRowBuilder none(long none) {
    this.none = none;
    return this;
  }

  public RunRowBuilder insufficientData(long insufficientData) {
    this.insufficientData = insufficientData;
    return this;
  }

  public RunRowBuilder critical(long critical) {
    this.critical = critical;
    return this;
  }

  public RunRowBuilder warning(long warning) {
    this.warning = warning;
    return this;
  }

  public RunRowBuilder info(long info) {
    this.info = info;
    return this;
  }

  public RunRowBuilder toolVersion(String toolVersion) {
    this.toolVersion = toolVersion;
    return this;
  }

  public RunRowBuilder durationMs(Long durationMs) {
    this.durationMs = durationMs;
    return this;
  }

  public RunRowBuilder exitStatus(Integer exitStatus) {
    this.exitStatus = exitStatus;
    return this;
  }

  public RunRowBuilder osUser(String osUser) {
    this.osUser = osUser;
    return this;
  }

  public RunRowBuilder settingsHash(String settingsHash) {
    this.settingsHash = settingsHash;
    return this;
  }

  public LedgerQueries.RunRow build() {
    return new LedgerQueries.RunRow(
        id,
        project,
        reference,
        origin,
        startedAt,
        source,
        sha256,
        sizeBytes,
        series,
        strong,
        weak,
        none,
        insufficientData,
        critical,
        warning,
        info,
        toolVersion,
        durationMs,
        exitStatus,
        osUser,
        settingsHash);
  }
}
