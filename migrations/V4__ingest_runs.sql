-- One ingest asked of the service (admin API or the poller), from queued to its outcome. Kept in the database so
-- that any instance can say how a run is going, and so that two instances never queue the same repository twice.
-- instance: the process that runs it; it renews heartbeat_at while the run is queued or running, so a run whose
-- process died shows as abandoned (heartbeat too old) and no longer blocks the next one.
CREATE TABLE ingest_runs (
    id            bigserial   PRIMARY KEY,
    repository_id bigint      NOT NULL REFERENCES repositories ON DELETE CASCADE,
    state         text        NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    trigger       text        NOT NULL CHECK (trigger IN ('api', 'poll')),
    instance      text        NOT NULL,
    queued_at     timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    step          text,        -- fetch, walk, parse, record, compare, refs
    step_done     integer     NOT NULL DEFAULT 0,
    step_total    integer     NOT NULL DEFAULT 0,
    summary       jsonb,       -- what a succeeded run did (IngestSummary)
    error_status  integer,     -- a failed run: the HTTP status its error maps to, and what went wrong
    error         text,
    CHECK ((state = 'succeeded') = (summary IS NOT NULL)),
    CHECK ((state = 'failed') = (error IS NOT NULL))
);
-- At most one unfinished run per repository, whichever instance queued it.
CREATE UNIQUE INDEX ingest_runs_one_active ON ingest_runs (repository_id) WHERE state IN ('queued', 'running');
CREATE INDEX ingest_runs_recent ON ingest_runs (repository_id, id DESC);
