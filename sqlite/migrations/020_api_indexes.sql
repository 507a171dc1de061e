-- 020: indexes for the HTTP API (api_*.go).
--
-- Every API query leaves out copies (duplicate_of IS NULL) unless asked.
-- Article rows are wide (the record JSON), so counting or ordering them by
-- scanning the table reads the whole file; these partial indexes cover
-- those scans: newest-first order with the id (search pages, the sample
-- behind top entities), and published time with source (timelines, the
-- source facet).
CREATE INDEX articles_api_newest ON articles(ifnull(published, -9007199254740992), seq, id)
    WHERE duplicate_of IS NULL;
CREATE INDEX articles_api_published ON articles(published, source)
    WHERE duplicate_of IS NULL;
-- Entity pages and co-occurrence read the entities of an article by name.
CREATE INDEX entities_api_article_name ON entities(article_id, name COLLATE NOCASE, type);
