-- The ledger: every audit, its series, every metric under its definition, and its findings.
-- One file for SQLite and PostgreSQL; the placeholders are the types that differ
-- (LedgerDialect): ${id} an auto-numbered primary key, ${timestamp} a point in time (UTC),
-- ${double} a double-precision number, ${without_rowid} SQLite's clustered-key tables.
-- Non-finite numbers are stored as NULL, as the JSON report writes them.

CREATE TABLE project (
  id ${id},
  name TEXT NOT NULL UNIQUE,
  -- a read-only reference population (M4, M3) shipped with signalcheck
  reference BOOLEAN NOT NULL DEFAULT FALSE,
  description TEXT,
  created_at ${timestamp} NOT NULL
);

CREATE TABLE dataset (
  id ${id},
  -- SHA-256 of source, size, content hash and columns: one row per distinct input
  fingerprint TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  size_bytes BIGINT,
  -- SHA-256 of the input bytes (NULL when they were not seen, e.g. an uploaded report)
  sha256 TEXT,
  -- JSON array of every column of the input, in its order
  columns TEXT,
  created_at ${timestamp} NOT NULL
);

CREATE TABLE run (
  id ${id},
  project_id BIGINT NOT NULL REFERENCES project (id),
  -- set when the run is complete (an upload names its input only at the end)
  dataset_id BIGINT REFERENCES dataset (id),
  -- identity of a run (project, input bytes, settings, version); set when the run is complete,
  -- so the same audit recorded twice is one run
  run_key TEXT UNIQUE,
  -- a run is visible only once complete: a crashed audit leaves an incomplete row, never half a run
  complete BOOLEAN NOT NULL DEFAULT FALSE,
  -- audit (recorded by the command line), upload (a report.json), reference (shipped population)
  origin TEXT NOT NULL,
  tool_name TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  java_version TEXT,
  report_schema_version INTEGER,
  -- the settings as canonical JSON (sorted keys) and their SHA-256
  settings TEXT NOT NULL,
  settings_hash TEXT NOT NULL,
  os_user TEXT,
  started_at ${timestamp} NOT NULL,
  report_created_at ${timestamp},
  updated_at ${timestamp} NOT NULL,
  duration_ms BIGINT,
  exit_status INTEGER,
  input_rows BIGINT,
  rejected_rows BIGINT,
  -- JSON arrays of the input's column roles
  time_columns TEXT,
  targets TEXT,
  ids TEXT,
  covariates TEXT,
  recorded_at_column TEXT,
  series_count BIGINT NOT NULL DEFAULT 0,
  strong BIGINT NOT NULL DEFAULT 0,
  weak BIGINT NOT NULL DEFAULT 0,
  no_signal BIGINT NOT NULL DEFAULT 0,
  insufficient_data BIGINT NOT NULL DEFAULT 0,
  critical BIGINT NOT NULL DEFAULT 0,
  warning BIGINT NOT NULL DEFAULT 0,
  info BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX run_listing ON run (complete, started_at, id);
CREATE INDEX run_project_listing ON run (project_id, complete, started_at, id);
CREATE INDEX run_dataset ON run (dataset_id);

-- What a metric means: only values under the same definition are compared.
CREATE TABLE metric_definition (
  id ${id},
  -- mase, smape, rmsse, mae, rmse, me, owa, in-sample-mase
  name TEXT NOT NULL,
  -- seasonal-naive-mae (in-sample MAE of y(t) - y(t - season), R accuracy()),
  -- seasonal-naive-mse, naive2 (relative to naive2's sMAPE and MASE), none
  scaling TEXT NOT NULL,
  season INTEGER NOT NULL,
  horizon INTEGER NOT NULL,
  origins INTEGER NOT NULL,
  -- mean-over-origins: each origin's value over its horizon, averaged over the origins
  aggregation TEXT NOT NULL,
  UNIQUE (name, scaling, season, horizon, origins, aggregation)
);

CREATE TABLE series (
  id ${id},
  run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
  -- position in the report (input order)
  ordinal INTEGER NOT NULL,
  series_key TEXT NOT NULL,
  target TEXT,
  n BIGINT,
  length BIGINT,
  start_time TEXT,
  end_time TEXT,
  step TEXT,
  season INTEGER,
  horizon INTEGER,
  origins INTEGER,
  -- strong, weak, none, insufficient-data
  verdict TEXT,
  skill ${double},
  predictability ${double},
  p_value ${double},
  useful_horizon INTEGER,
  best_model TEXT,
  baseline_model TEXT,
  -- the best model's MASE, under mase_definition_id
  best_mase ${double},
  mase_definition_id BIGINT REFERENCES metric_definition (id),
  expected_mase ${double},
  expected_mase_low ${double},
  expected_mase_high ${double},
  headline TEXT,
  critical INTEGER NOT NULL DEFAULT 0,
  warning INTEGER NOT NULL DEFAULT 0,
  info INTEGER NOT NULL DEFAULT 0,
  worst_severity TEXT,
  UNIQUE (run_id, ordinal)
);
CREATE INDEX series_run_key ON series (run_id, series_key);
CREATE INDEX series_mase_definition ON series (mase_definition_id);

CREATE TABLE model (
  series_id BIGINT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  baseline BOOLEAN NOT NULL,
  skipped BOOLEAN NOT NULL,
  reason TEXT,
  description TEXT,
  overfit BOOLEAN,
  PRIMARY KEY (series_id, model)
)${without_rowid};

CREATE TABLE metric (
  series_id BIGINT NOT NULL,
  model TEXT NOT NULL,
  definition_id BIGINT NOT NULL REFERENCES metric_definition (id),
  value ${double},
  PRIMARY KEY (series_id, model, definition_id),
  FOREIGN KEY (series_id, model) REFERENCES model (series_id, model) ON DELETE CASCADE
)${without_rowid};

CREATE TABLE finding (
  id ${id},
  run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
  -- NULL for a dataset-level finding (rejected rows, label variants)
  series_id BIGINT REFERENCES series (id) ON DELETE CASCADE,
  check_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  category TEXT,
  count BIGINT,
  first_from TEXT,
  first_to TEXT,
  message TEXT
);
CREATE INDEX finding_run ON finding (run_id, series_id);
CREATE INDEX finding_series ON finding (series_id);
