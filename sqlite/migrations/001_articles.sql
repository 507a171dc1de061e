-- 001: articles, full-text index, fact tables and the entity registry.
--
-- Conventions (kept simple so a postgres package can mirror them):
--   * times are INTEGER unix seconds (UTC), NULL when unknown;
--   * booleans are INTEGER 0/1;
--   * offsets into the article text are code points, named span_start/span_end
--     ("end" is reserved in SQL);
--   * fact rows reference articles(id) and disappear with their article.
-- The full record is kept as JSON in articles.record; the columns beside it are
-- copies for filtering. duplicate_of and story are the exception: they may be
-- updated after ingest, and Get overlays the columns onto the record.

CREATE TABLE articles (
    seq           INTEGER PRIMARY KEY,        -- rowid alias: FTS rowid, keyset tiebreak
    id            TEXT NOT NULL UNIQUE,
    url           TEXT NOT NULL DEFAULT '',
    url_norm      TEXT,                       -- NULL when the article has no URL
    text_hash     TEXT,                       -- NULL when the text is empty
    source        TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    published     INTEGER,                    -- unix seconds UTC
    language      TEXT NOT NULL DEFAULT '',
    duplicate_of  TEXT,
    story         TEXT,
    extractor     TEXT NOT NULL DEFAULT '',
    tone_score    REAL,
    tone_positive REAL,
    tone_negative REAL,
    record        TEXT NOT NULL,              -- the article record as JSON
    ingested_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX articles_url_norm ON articles(url_norm) WHERE url_norm IS NOT NULL;
CREATE UNIQUE INDEX articles_text_hash ON articles(text_hash) WHERE text_hash IS NOT NULL;
CREATE INDEX articles_published ON articles(published);
-- Newest first with undated articles last; Search orders by this exact expression.
CREATE INDEX articles_newest ON articles(ifnull(published, -9007199254740992), seq);
CREATE INDEX articles_source ON articles(source, published);
CREATE INDEX articles_language ON articles(language, published);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_story ON articles(story) WHERE story IS NOT NULL;

-- The text lives only in the record; the FTS index reads it through this view
-- (external content), so nothing is stored twice.
CREATE VIEW articles_content AS
    SELECT seq, title, json_extract(record, '$.text') AS text FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles_content',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text)
    VALUES (new.seq, new.title, json_extract(new.record, '$.text'));
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, json_extract(old.record, '$.text'));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, record ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, json_extract(old.record, '$.text'));
    INSERT INTO articles_fts(rowid, title, text)
    VALUES (new.seq, new.title, json_extract(new.record, '$.text'));
END;

CREATE TABLE removed (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- The cross-article entity registry: one row per canonical name and type.
CREATE TABLE registry (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,                 -- as first seen
    name_key   TEXT NOT NULL,                 -- lower case, spaces collapsed
    type       TEXT NOT NULL,
    country    TEXT NOT NULL DEFAULT '',
    sector     TEXT NOT NULL DEFAULT '',
    roles      TEXT NOT NULL DEFAULT '[]',    -- JSON array of strings
    aliases    TEXT NOT NULL DEFAULT '[]',    -- JSON array of mention texts
    mentions   INTEGER NOT NULL DEFAULT 0,
    articles   INTEGER NOT NULL DEFAULT 0,
    first_seen INTEGER,                       -- unix seconds: article published, else ingested
    last_seen  INTEGER,
    UNIQUE (name_key, type)
);
CREATE INDEX registry_type ON registry(type, mentions);
CREATE INDEX registry_country ON registry(country);

CREATE TABLE entities (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    eid         TEXT NOT NULL,                -- the entity's id within its article
    registry_id INTEGER REFERENCES registry(id),
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    country     TEXT NOT NULL DEFAULT '',
    sector      TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL DEFAULT '',
    mentions    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, eid)
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_type ON entities(type);
CREATE INDEX entities_registry ON entities(registry_id);
CREATE INDEX entities_country ON entities(country);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    eid        TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id, eid);

CREATE TABLE quotes (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    speaker        TEXT,                      -- NULL when the text does not say
    speaker_entity TEXT NOT NULL DEFAULT '',
    cue            TEXT NOT NULL DEFAULT '',
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    partial        INTEGER NOT NULL DEFAULT 0,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);

CREATE TABLE events (
    article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx               INTEGER NOT NULL,
    type              TEXT NOT NULL,
    mode              TEXT NOT NULL DEFAULT '',
    trigger           TEXT NOT NULL DEFAULT '',
    actor_name        TEXT,
    actor_entity      TEXT,
    actor_country     TEXT,
    actor_sector      TEXT,
    recipient_name    TEXT,
    recipient_entity  TEXT,
    recipient_country TEXT,
    recipient_sector  TEXT,
    location          TEXT NOT NULL DEFAULT '',
    date              TEXT NOT NULL DEFAULT '',  -- as the record says (YYYY-MM-DD or partial)
    negated           INTEGER NOT NULL DEFAULT 0,
    hypothetical      INTEGER NOT NULL DEFAULT 0,
    sentence_start    INTEGER NOT NULL,
    sentence_end      INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_actor_country ON events(actor_country);
CREATE INDEX events_recipient_country ON events(recipient_country);
CREATE INDEX events_actor_name ON events(actor_name COLLATE NOCASE);
CREATE INDEX events_recipient_name ON events(recipient_name COLLATE NOCASE);
CREATE INDEX events_location ON events(location COLLATE NOCASE);

CREATE TABLE counts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    number     INTEGER NOT NULL,
    qualifier  TEXT NOT NULL DEFAULT '',
    object     TEXT NOT NULL DEFAULT '',
    location   TEXT NOT NULL DEFAULT '',
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX counts_kind ON counts(kind);

CREATE TABLE places (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    country     TEXT NOT NULL DEFAULT '',    -- ISO 3166-1 alpha-2
    lat         REAL,
    lon         REAL,
    geonames_id INTEGER,
    eid         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX places_name ON places(name COLLATE NOCASE);
CREATE INDEX places_country ON places(country);

CREATE TABLE themes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    theme      TEXT NOT NULL,
    PRIMARY KEY (article_id, theme)
);
CREATE INDEX themes_theme ON themes(theme);

-- Relevance: a match in the title weighs five times one in the text.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
