-- Dashboard sessions (signalcheck serve), kept across restarts. The browser holds the session id in an
-- HttpOnly cookie; the ledger holds SHA-256 of it only (the id is 32 random bytes, so no salt is needed).
-- The CSRF value is stored as it is: forms carry it, and it grants nothing without the session cookie.
CREATE TABLE dashboard_session (
  id_hash TEXT PRIMARY KEY,
  token_id BIGINT NOT NULL REFERENCES api_token (id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at ${timestamp} NOT NULL,
  expires_at ${timestamp} NOT NULL
);
CREATE INDEX dashboard_session_token ON dashboard_session (token_id);
CREATE INDEX dashboard_session_expires ON dashboard_session (expires_at);
