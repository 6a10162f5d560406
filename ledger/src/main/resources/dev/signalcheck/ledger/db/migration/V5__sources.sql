-- External sources (`signalcheck fetch`, `sources`, `watch`): every source, every pull of it with
-- each HTTP attempt, and a snapshot of every successful pull. Header values (tokens) are never
-- stored: only header names. URLs are stored without user info.

CREATE TABLE source (
  id ${id},
  name TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  format TEXT,
  created_at ${timestamp} NOT NULL,
  updated_at ${timestamp} NOT NULL
);

-- one pull: all its attempts, then ok (a snapshot was taken) or failed (every attempt failed, or
-- the body was not data)
CREATE TABLE source_fetch (
  id ${id},
  source_id BIGINT NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  started_at ${timestamp} NOT NULL,
  finished_at ${timestamp} NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT,
  attempts INTEGER NOT NULL,
  -- JSON array of the header names sent (never their values)
  header_names TEXT,
  -- JSON array of the source.* findings of this pull: {check, severity, message}
  findings TEXT
);
CREATE INDEX source_fetch_listing ON source_fetch (source_id, started_at, id);

CREATE TABLE source_attempt (
  fetch_id BIGINT NOT NULL REFERENCES source_fetch (id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  started_at ${timestamp} NOT NULL,
  duration_ms BIGINT NOT NULL,
  -- HTTP status, NULL when there was no response
  status INTEGER,
  bytes BIGINT,
  -- ok, http-error, timeout, connection-reset, circuit-open, too-large, not-data
  outcome TEXT NOT NULL,
  message TEXT,
  -- how long the client waited before the next attempt (backoff or Retry-After)
  wait_ms BIGINT,
  PRIMARY KEY (fetch_id, attempt)
)${without_rowid};

CREATE TABLE source_snapshot (
  id ${id},
  source_id BIGINT NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  fetch_id BIGINT NOT NULL REFERENCES source_fetch (id) ON DELETE CASCADE,
  fetched_at ${timestamp} NOT NULL,
  -- SHA-256 of the bytes (after gzip is undone)
  content_hash TEXT NOT NULL,
  -- SHA-256 of the column names and types, in order
  schema_fingerprint TEXT NOT NULL,
  -- JSON array of {name, type}
  columns TEXT NOT NULL,
  row_count BIGINT NOT NULL,
  series_count BIGINT NOT NULL,
  step TEXT,
  first_stamp TEXT,
  last_stamp TEXT,
  last_stamp_ms BIGINT,
  size_bytes BIGINT NOT NULL,
  -- where the bytes are kept, relative to the data folder
  path TEXT NOT NULL
);
CREATE INDEX source_snapshot_listing ON source_snapshot (source_id, fetched_at, id);
