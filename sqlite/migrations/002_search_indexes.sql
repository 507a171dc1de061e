-- 002: narrow indexes for search. An article row is wide (it holds the
-- record), so reaching articles by seq through the table reads about a page
-- per article; these indexes hold the columns searches sort and filter on,
-- a hundred articles to a page.

-- Joins from the full-text index (its rowid is seq) to the filter columns.
CREATE INDEX articles_by_seq ON articles(seq, published, source, language);

-- Newest first, covering the filters, so a date-ordered walk never touches
-- the table. Search orders by this exact expression.
DROP INDEX articles_newest;
CREATE INDEX articles_newest ON articles(ifnull(published, -9007199254740992), seq, source, language, published);
