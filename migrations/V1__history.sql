-- The history store. Natural keys everywhere, so every ingest step is an idempotent
-- INSERT ... ON CONFLICT and a rerun after a crash converges on the same rows.

-- A registered repository and what to follow in it.
CREATE TABLE repositories (
    id             bigserial   PRIMARY KEY,
    name           text        NOT NULL UNIQUE,
    location       text        NOT NULL,
    tag_pattern    text        NOT NULL,
    branches       text[]      NOT NULL,  -- empty: the default branch
    paths          text[]      NOT NULL,
    registered_at  timestamptz NOT NULL DEFAULT now(),
    last_ingest_at timestamptz
);

-- One header text, by git blob id (content-addressed, so shared across paths and repositories).
-- model is the whole UapiModel as JSON (always read whole); null with parse_error when the text did not parse.
CREATE TABLE blobs (
    blob_id        text        PRIMARY KEY,
    text           text        NOT NULL,
    parser_version integer     NOT NULL,
    model          jsonb,
    parse_error    text,
    helper_count   integer,
    parsed_at      timestamptz NOT NULL,
    CHECK ((model IS NULL) <> (parse_error IS NULL))
);

-- The helpers of each parsed blob, for queries by name or id without reading models.
-- signature: the documented signatures, "; "-separated; null when undocumented.
CREATE TABLE helpers (
    blob_id   text    NOT NULL REFERENCES blobs ON DELETE CASCADE,
    name      text    NOT NULL,
    helper_id bigint  NOT NULL,
    line      integer NOT NULL,
    signature text,
    PRIMARY KEY (blob_id, name)
);
CREATE INDEX helpers_by_name ON helpers (name);
CREATE INDEX helpers_by_id ON helpers (helper_id);

-- A commit that changed a watched path, or that a tag points at.
-- depth: longest chain of recorded ancestors (a topological order intrinsic to the commit);
-- reachable: false once no followed branch or tag reaches it (force-push, deleted tag).
-- first_tag: the oldest tag (release order) whose commit contains this one.
CREATE TABLE revisions (
    repository_id bigint      NOT NULL REFERENCES repositories ON DELETE CASCADE,
    commit_id     text        NOT NULL,
    depth         integer     NOT NULL,
    committed_at  timestamptz NOT NULL,
    authored_at   timestamptz NOT NULL,
    author        text        NOT NULL,
    author_email  text        NOT NULL,
    subject       text        NOT NULL,
    parent_id     text,       -- the nearest recorded ancestor (first parent after path filtering), null for the root
    reachable     boolean     NOT NULL,
    first_tag     text,
    PRIMARY KEY (repository_id, commit_id)
);
CREATE INDEX revisions_order ON revisions (repository_id, depth, committed_at);

-- The blob of each watched path at a revision (absent when the path does not exist there).
CREATE TABLE revision_paths (
    repository_id bigint NOT NULL,
    commit_id     text   NOT NULL,
    path          text   NOT NULL,
    blob_id       text   NOT NULL REFERENCES blobs,
    PRIMARY KEY (repository_id, commit_id, path),
    FOREIGN KEY (repository_id, commit_id) REFERENCES revisions ON DELETE CASCADE
);
CREATE INDEX revision_paths_by_blob ON revision_paths (blob_id);

-- Tags matching the repository's pattern, on recorded revisions.
CREATE TABLE tags (
    repository_id bigint NOT NULL,
    name          text   NOT NULL,
    commit_id     text   NOT NULL,
    PRIMARY KEY (repository_id, name),
    FOREIGN KEY (repository_id, commit_id) REFERENCES revisions ON DELETE CASCADE
);

-- The comparison of two header texts on one path, computed at ingest. Keyed by blobs, so every pair of
-- revisions (tag to previous tag, revision to predecessor, or any two) with those texts shares it.
CREATE TABLE comparisons (
    id          bigserial   PRIMARY KEY,
    old_blob_id text        NOT NULL REFERENCES blobs ON DELETE CASCADE,
    new_blob_id text        NOT NULL REFERENCES blobs ON DELETE CASCADE,
    path        text        NOT NULL,
    verdict     text        NOT NULL CHECK (verdict IN ('breaking', 'warnings', 'compatible')),
    breaking    integer     NOT NULL,
    warnings    integer     NOT NULL,
    infos       integer     NOT NULL,
    computed_at timestamptz NOT NULL,
    UNIQUE (old_blob_id, new_blob_id, path)
);
CREATE INDEX comparisons_by_new ON comparisons (new_blob_id);

-- The findings of a stored comparison, in the engine's order.
CREATE TABLE findings (
    comparison_id bigint  NOT NULL REFERENCES comparisons ON DELETE CASCADE,
    ordinal       integer NOT NULL,
    rule          text    NOT NULL,
    severity      text    NOT NULL CHECK (severity IN ('breaking', 'warning', 'info')),
    symbol        text,
    message       text    NOT NULL,
    old_value     text,
    new_value     text,
    line          integer NOT NULL,
    attachments   jsonb   NOT NULL,
    PRIMARY KEY (comparison_id, ordinal)
);
CREATE INDEX findings_by_rule ON findings (rule);
