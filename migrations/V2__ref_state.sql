-- A digest of what the last complete ingest saw (followed branch tips, matching tags, paths, parser version).
-- When a fetch leaves it unchanged there is nothing to walk: a no-change ingest of a kernel-sized history
-- ends without visiting its million commits.
ALTER TABLE repositories ADD COLUMN ref_state text;
