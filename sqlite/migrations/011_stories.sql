-- 011: online story clustering (package story). A story is named by its
-- first article's id; articles.story says which story an article is in.
-- story_terms indexes each story's centroid terms for candidate look-up;
-- story_df counts documents per term for IDF (story_meta holds the total).

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    first_seen INTEGER NOT NULL,            -- unix seconds
    last_seen  INTEGER NOT NULL,
    size       INTEGER NOT NULL,
    centroid   TEXT NOT NULL                -- JSON object term -> weight
) WITHOUT ROWID;
CREATE INDEX stories_last_seen ON stories(last_seen);

CREATE TABLE story_terms (
    term     TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX story_terms_story ON story_terms(story_id);

CREATE TABLE story_df (
    term TEXT PRIMARY KEY,
    n    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE story_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
