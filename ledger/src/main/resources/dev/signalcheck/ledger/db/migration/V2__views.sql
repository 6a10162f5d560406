-- Flat views for BI tools (Power BI, Tableau, Dash) and for `signalcheck ledger export`: one row per
-- entity, stable column names, complete runs only. Add columns at the end; never rename or remove.

CREATE VIEW v_runs AS
SELECT r.id AS run_id,
       p.name AS project,
       p.reference AS reference,
       r.origin AS origin,
       r.started_at AS started_at,
       r.report_created_at AS report_created_at,
       r.duration_ms AS duration_ms,
       r.exit_status AS exit_status,
       r.tool_name AS tool_name,
       r.tool_version AS tool_version,
       r.java_version AS java_version,
       r.os_user AS os_user,
       r.settings_hash AS settings_hash,
       r.settings AS settings,
       d.source AS source,
       d.size_bytes AS size_bytes,
       d.sha256 AS sha256,
       r.input_rows AS input_rows,
       r.rejected_rows AS rejected_rows,
       r.series_count AS series_count,
       r.strong AS strong,
       r.weak AS weak,
       r.no_signal AS no_signal,
       r.insufficient_data AS insufficient_data,
       r.critical AS critical,
       r.warning AS warning,
       r.info AS info
FROM run r
JOIN project p ON p.id = r.project_id
JOIN dataset d ON d.id = r.dataset_id
WHERE r.complete;

CREATE VIEW v_series AS
SELECT s.run_id AS run_id,
       p.name AS project,
       r.started_at AS started_at,
       s.ordinal AS ordinal,
       s.series_key AS series_key,
       s.target AS target,
       s.n AS n,
       s.length AS length,
       s.start_time AS start_time,
       s.end_time AS end_time,
       s.step AS step,
       s.season AS season,
       s.horizon AS horizon,
       s.origins AS origins,
       s.verdict AS verdict,
       s.skill AS skill,
       s.predictability AS predictability,
       s.p_value AS p_value,
       s.useful_horizon AS useful_horizon,
       s.best_model AS best_model,
       s.baseline_model AS baseline_model,
       s.best_mase AS best_mase,
       s.mase_definition_id AS mase_definition_id,
       s.expected_mase AS expected_mase,
       s.expected_mase_low AS expected_mase_low,
       s.expected_mase_high AS expected_mase_high,
       s.critical AS critical,
       s.warning AS warning,
       s.info AS info,
       s.worst_severity AS worst_severity
FROM series s
JOIN run r ON r.id = s.run_id
JOIN project p ON p.id = r.project_id
WHERE r.complete;

CREATE VIEW v_metrics AS
SELECT s.run_id AS run_id,
       p.name AS project,
       s.ordinal AS ordinal,
       s.series_key AS series_key,
       m.model AS model,
       mo.baseline AS baseline,
       d.id AS definition_id,
       d.name AS metric,
       d.scaling AS scaling,
       d.season AS season,
       d.horizon AS horizon,
       d.origins AS origins,
       d.aggregation AS aggregation,
       m.value AS value
FROM metric m
JOIN model mo ON mo.series_id = m.series_id AND mo.model = m.model
JOIN metric_definition d ON d.id = m.definition_id
JOIN series s ON s.id = m.series_id
JOIN run r ON r.id = s.run_id
JOIN project p ON p.id = r.project_id
WHERE r.complete;

CREATE VIEW v_findings AS
SELECT f.run_id AS run_id,
       p.name AS project,
       s.ordinal AS ordinal,
       s.series_key AS series_key,
       f.check_id AS check_id,
       f.severity AS severity,
       f.category AS category,
       f.count AS count,
       f.first_from AS first_from,
       f.first_to AS first_to,
       f.message AS message
FROM finding f
JOIN run r ON r.id = f.run_id
JOIN project p ON p.id = r.project_id
LEFT JOIN series s ON s.id = f.series_id
WHERE r.complete;
