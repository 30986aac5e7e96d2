-- Schema 2: data quality and link history.
-- A quarantined record keeps the page it came on and since when it is quarantined (entries of
-- schema 1 are dated by their last quarantine, the best that is known of them).
ALTER TABLE strategylayer.quarantine ADD COLUMN page integer;
ALTER TABLE strategylayer.quarantine ADD COLUMN since timestamptz;
UPDATE strategylayer.quarantine SET since = at;
ALTER TABLE strategylayer.quarantine ALTER COLUMN since SET NOT NULL;

-- Items stored with text replaced by U+FFFD: one row per item, its fields as three parallel arrays
-- (field, problem, page: null when it came from a read by id), read again by every sync until clean.
CREATE TABLE strategylayer.replaced_text (
    uid       text COLLATE "C" PRIMARY KEY,
    source    text COLLATE "C" NOT NULL,
    partition text COLLATE "C" NOT NULL,
    key       text NOT NULL,
    source_id text NOT NULL,
    fields    text[] NOT NULL,
    problems  text[] NOT NULL,
    pages     integer[] NOT NULL,
    at        timestamptz NOT NULL,
    since     timestamptz NOT NULL
);
CREATE INDEX replaced_text_source ON strategylayer.replaced_text (source, partition);

-- When each stored item's dependencies ("is blocked by" links) were first seen: written in the
-- commit that writes the item, forgotten when a newer copy no longer carries the link. A target
-- key is one link whatever its case.
CREATE TABLE strategylayer.link_history (
    uid        text COLLATE "C" NOT NULL,
    target_key text NOT NULL,
    first_seen timestamptz NOT NULL
);
CREATE UNIQUE INDEX link_history_link ON strategylayer.link_history (uid, lower(target_key));
