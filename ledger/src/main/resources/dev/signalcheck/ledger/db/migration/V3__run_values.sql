-- What `ledger projects` summarises, kept per complete run so that it reads one row per run and kind
-- instead of every series of every latest run (1,000,000 series rows otherwise): the series' best
-- MASE per metric definition and their skill (definition NULL), as little-endian doubles in the
-- series' order. Written in the transaction that completes the run; a run recorded before this table
-- existed has no rows here and is read from its series instead.
CREATE TABLE run_values (
  run_id BIGINT NOT NULL REFERENCES run (id) ON DELETE CASCADE,
  -- best_mase or skill
  kind TEXT NOT NULL,
  definition_id BIGINT REFERENCES metric_definition (id),
  n INTEGER NOT NULL,
  vals ${blob} NOT NULL
);

CREATE INDEX run_values_run ON run_values (run_id);
