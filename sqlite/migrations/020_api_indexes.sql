-- 020: indexes for the HTTP API (api_*.go).
--
-- Every API query leaves out copies (duplicate_of IS NULL) unless asked.
-- Article rows are wide (the record JSON), so counting or ordering them by
-- scanning the table reads the whole file; these partial indexes cover
-- those scans and carry every column an article filter reads: newest-first
-- order (search pages, the sample behind top entities) and published time
-- (counts, timelines, the source facet). The API names them with INDEXED BY.
CREATE INDEX articles_api_newest
    ON articles(ifnull(published, -9007199254740992), seq, id, published, source, language)
    WHERE duplicate_of IS NULL;
CREATE INDEX articles_api_published ON articles(published, source, language, id)
    WHERE duplicate_of IS NULL;
-- Top entities group the entities of many articles by registry id: this
-- index covers that without reading entity rows.
CREATE INDEX entities_api_article ON entities(article_id, type, registry_id, mentions);
-- Article filters by entity, event type, actor country, theme and place
-- collect article ids from these without reading the fact rows.
CREATE INDEX entities_api_name ON entities(name COLLATE NOCASE, article_id, eid);
CREATE INDEX events_api_type ON events(type, article_id);
CREATE INDEX events_api_actor_country ON events(actor_country, article_id);
CREATE INDEX themes_api_theme ON themes(theme, article_id);
CREATE INDEX places_api_name ON places(name COLLATE NOCASE, article_id);
-- Facts (events, counts, places, quotes) join their article by id to read
-- its date and whether it is a copy: this index answers that without
-- reading the wide article row.
CREATE INDEX articles_api_id ON articles(id, published, source, language)
    WHERE duplicate_of IS NULL;
