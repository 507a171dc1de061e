-- 012: feed polling state (package feed): validators for conditional GETs
-- and the outcome of every item seen, so restarts fetch nothing twice.

CREATE TABLE feed_state (
    url           TEXT PRIMARY KEY,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    checked_at    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE feed_items (
    item_key   TEXT PRIMARY KEY,            -- the item's link, else its GUID
    feed       TEXT NOT NULL,
    status     TEXT NOT NULL,               -- done failed skipped
    attempts   INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
