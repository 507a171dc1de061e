-- 010: near-duplicate index (package dedup): one MinHash signature per
-- article and its 14 LSH band keys. root is the original an article copies,
-- or the article itself. Rows go with their article.

CREATE TABLE dedup_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    root       TEXT NOT NULL,
    sig        BLOB NOT NULL               -- 112 little-endian uint32
) WITHOUT ROWID;

CREATE TABLE dedup_bands (
    band_key   INTEGER NOT NULL,           -- xxh3 of one band, as int64
    article_id TEXT NOT NULL REFERENCES dedup_signatures(article_id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX dedup_bands_article ON dedup_bands(article_id);
