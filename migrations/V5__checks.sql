-- One REST check as it was answered, for the page its checkUrl links to (and patchwork's target_url).
-- digest: the SHA-256 (hex) of what the check read (engine version, repository, base commit, path, policy and
-- candidate), so identical requests share one row; the newest of them is the one kept (and its created_at, from
-- which the retention, uapiguard.checks.retention, counts).
-- result: the JSON renderer's output as the API answered it, kept as text (json keeps it byte for byte).
-- excerpts: the few header lines around each finding at check time, per side ({"new": {"1045": "..."}, "old": ...}),
-- so the page needs no parse.
CREATE TABLE checks (
    digest        text        PRIMARY KEY CHECK (digest ~ '^[0-9a-f]{64}$'),
    repository_id bigint      NOT NULL REFERENCES repositories ON DELETE CASCADE,
    base_commit   text        NOT NULL,
    base_tag      text,                   -- the base's first tag, if it has one (the page links its report)
    path          text        NOT NULL,
    verdict       text        NOT NULL,
    result        json        NOT NULL,
    excerpts      json        NOT NULL,
    created_at    timestamptz NOT NULL
);
-- The sweep deletes by age.
CREATE INDEX checks_created ON checks (created_at);
