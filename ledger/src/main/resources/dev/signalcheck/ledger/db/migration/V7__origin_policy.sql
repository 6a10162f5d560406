-- A metric definition records how its origins were chosen, so that only like is compared with like:
-- origin_policy 'fixed' (--origins K: origins is K) or 'auto' (--origins auto, the default: each series
-- has as many origins as its length allows, up to origins, the cap). A definition recorded before this
-- column existed had a fixed number of origins, and keeps it.
--
-- The policy joins the definition's identity: one unique key over all seven columns replaces the key
-- over six. How differs between the databases (LedgerDialect): PostgreSQL drops the old constraint;
-- SQLite, which cannot drop a table's own unique constraint, rebuilds the table under the same ids,
-- with foreign keys off (they cannot be turned off inside a transaction, hence this migration's own
-- transaction, V7__origin_policy.sql.conf).
${v7_begin}
ALTER TABLE metric_definition ADD COLUMN origin_policy TEXT NOT NULL DEFAULT 'fixed';
${v7_definition_identity}
${v7_commit}
