-- The server (signalcheck serve): API tokens, share links, and usage events.
-- Secrets are never stored: a token or share link is "<prefix>.<secret>"; the prefix finds the row,
-- and the row holds a random per-row salt and SHA-256(salt || secret) only.

CREATE TABLE api_token (
  id ${id},
  name TEXT NOT NULL UNIQUE,
  -- read, write or admin (each includes the ones before it)
  scope TEXT NOT NULL,
  prefix TEXT NOT NULL UNIQUE,
  salt TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at ${timestamp} NOT NULL,
  last_used_at ${timestamp},
  revoked_at ${timestamp}
);

-- a read-only link to one run's report, for a client without a token
CREATE TABLE share_link (
  id ${id},
  prefix TEXT NOT NULL UNIQUE,
  salt TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
  created_by TEXT NOT NULL,
  created_at ${timestamp} NOT NULL,
  expires_at ${timestamp},
  revoked_at ${timestamp}
);
CREATE INDEX share_link_run ON share_link (run_id);

-- every report view, API call and command-line audit: who did what, when, on which project and run
CREATE TABLE usage_event (
  id ${id},
  at ${timestamp} NOT NULL,
  -- the UTC day (yyyy-mm-dd) and the Monday of its ISO week, so both databases group alike
  day TEXT NOT NULL,
  week TEXT NOT NULL,
  -- token name, 'share:<id>' or the operating-system user
  actor TEXT NOT NULL,
  -- token, share, os-user
  actor_kind TEXT NOT NULL,
  -- cli, api, dashboard, share
  channel TEXT NOT NULL,
  -- audit, upload, view-report, view-run, list-runs, compare, share, ...
  action TEXT NOT NULL,
  -- no foreign keys: the history of use outlives what it was about
  project TEXT,
  run_id BIGINT
);
CREATE INDEX usage_event_project ON usage_event (project, at);
CREATE INDEX usage_event_run ON usage_event (run_id, at);
CREATE INDEX usage_event_at ON usage_event (at);
