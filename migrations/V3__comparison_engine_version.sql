-- The CompatEngine.VERSION that computed each comparison. Rows from before this column existed get 0, below
-- every real version, so the next ingest recomputes them from the stored models and readers skip them meanwhile.
ALTER TABLE comparisons ADD COLUMN engine_version integer NOT NULL DEFAULT 0;
ALTER TABLE comparisons ALTER COLUMN engine_version DROP DEFAULT;
