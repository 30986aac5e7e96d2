-- Schema 1 of the StrategyLayer store. Everything lives in the schema "strategylayer", so that the
-- database's public schema stays free for Quartz's qrtz_ tables (a clustered scheduler) and
-- nothing here collides with them. Uids, sources and periods compare bytewise (COLLATE "C"), as
-- the store contract orders them (ordinal).

CREATE TABLE strategylayer.items (
    uid            text COLLATE "C" PRIMARY KEY,
    source         text COLLATE "C" NOT NULL,
    partition      text,
    key            text NOT NULL,
    team           text,                    -- lower case: the team filter ignores case
    updated        timestamptz NOT NULL,    -- the source's updated time: an older copy never overwrites
    hash           bigint NOT NULL,         -- content hash of json; 0 = must rewrite (removed)
    previous_keys  text[] NOT NULL DEFAULT '{}',
    removed_reason text,                    -- null: not removed
    removed_at     timestamptz,
    removed_offset smallint,
    json           bytea NOT NULL           -- the item without previous keys and removal (what is hashed)
);
CREATE INDEX items_team ON strategylayer.items (team, uid);   -- a team's items, streamed in uid order
CREATE INDEX items_key ON strategylayer.items (lower(key));

-- Raw records are Brotli-compressed by the writer: the server need not try to compress them again.
CREATE TABLE strategylayer.raw (
    uid    text COLLATE "C" PRIMARY KEY,
    packed bytea NOT NULL
);
ALTER TABLE strategylayer.raw ALTER COLUMN packed SET STORAGE EXTERNAL;

-- Keys an item left behind when it moved (lower-case source:key → uid); current keys are an index on items.
CREATE TABLE strategylayer.key_aliases (
    alias    text PRIMARY KEY,
    bare_key text NOT NULL,
    uid      text COLLATE "C" NOT NULL
);
CREATE INDEX key_aliases_bare_key ON strategylayer.key_aliases (bare_key);

CREATE TABLE strategylayer.quarantine (
    id        text PRIMARY KEY,                -- source|partition|identity: a record quarantined again replaces its entry
    source    text COLLATE "C" NOT NULL,
    partition text,
    key       text,
    source_id text,
    reason    text NOT NULL,
    packed    bytea NOT NULL,
    at        timestamptz NOT NULL
);
CREATE INDEX quarantine_source ON strategylayer.quarantine (source);

CREATE TABLE strategylayer.cursors (
    source    text COLLATE "C" NOT NULL,
    partition text COLLATE "C" NOT NULL,
    value     text,
    at        timestamptz,
    PRIMARY KEY (source, partition)
);

CREATE TABLE strategylayer.mappings (
    uid  text COLLATE "C" PRIMARY KEY,
    json bytea NOT NULL
);

CREATE TABLE strategylayer.snapshots (
    period       text COLLATE "C" PRIMARY KEY,
    state        text NOT NULL,
    built_at     timestamptz NOT NULL,
    built_offset smallint NOT NULL,
    as_of        timestamptz NOT NULL,
    as_of_offset smallint NOT NULL,
    aggregates   text NOT NULL,
    item_rows    bytea NOT NULL
);

CREATE TABLE strategylayer.runs (
    id      text PRIMARY KEY,
    job     text NOT NULL,
    started timestamptz NOT NULL,
    json    bytea NOT NULL
);
CREATE INDEX runs_started ON strategylayer.runs (started DESC);
CREATE INDEX runs_job_started ON strategylayer.runs (job, started DESC);

CREATE TABLE strategylayer.outbox (
    id      text COLLATE "C" PRIMARY KEY,
    state   text NOT NULL,
    created timestamptz NOT NULL,
    json    bytea NOT NULL
);
CREATE INDEX outbox_state ON strategylayer.outbox (state, created, id);

CREATE TABLE strategylayer.named_values (
    name  text PRIMARY KEY,
    value text NOT NULL
);

-- Items per source, changed in the transactions that change the items (one writer per source:
-- the sync's advisory lock), so that counting never scans the items.
CREATE TABLE strategylayer.source_counts (
    source  text COLLATE "C" PRIMARY KEY,
    items   integer NOT NULL DEFAULT 0,
    removed integer NOT NULL DEFAULT 0
);
