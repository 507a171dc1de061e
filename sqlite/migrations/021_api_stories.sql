-- 021: index for counting stories (unit=stories, collapse=story; see
-- api_stories.go). Like the 020 indexes it leaves out copies and carries
-- every column those queries read, so that counting distinct stories over
-- many articles reads the index, not the wide article rows.
CREATE INDEX articles_api_story ON articles(published, story, id, source, language)
    WHERE duplicate_of IS NULL;
