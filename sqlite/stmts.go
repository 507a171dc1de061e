package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// The statements Put runs for every article. Open prepares them once on the
// writer connection; parsing them anew for each of an article's dozens of
// rows would cost about a quarter of the ingest time.
const (
	sqlFindDuplicate = `SELECT id FROM articles
		WHERE id = ?1 OR url_norm = ?2 OR text_hash = ?3 LIMIT 1`
	sqlInsertArticle = `INSERT INTO articles
		(id, url, url_norm, text_hash, source, title, published, language,
		 duplicate_of, story, extractor, tone_score, tone_positive, tone_negative,
		 record, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlInsertRemoved = `INSERT INTO removed(article_id, idx, kind, text) VALUES (?, ?, ?, ?)`
	sqlInsertQuote   = `INSERT INTO quotes(article_id, idx, speaker, speaker_entity, cue,
		span_start, span_end, text, partial, sentence_start, sentence_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlInsertEvent = `INSERT INTO events(article_id, idx, type, mode, trigger,
		actor_name, actor_entity, actor_country, actor_sector,
		recipient_name, recipient_entity, recipient_country, recipient_sector,
		location, date, negated, hypothetical, sentence_start, sentence_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlInsertCount = `INSERT INTO counts(article_id, idx, kind, number, qualifier,
		object, location, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlInsertPlace = `INSERT INTO places(article_id, idx, name, country, lat, lon,
		geonames_id, eid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	sqlInsertTheme  = `INSERT OR IGNORE INTO themes(article_id, theme) VALUES (?, ?)`
	sqlInsertEntity = `INSERT INTO entities(article_id, eid, registry_id, name, type,
		country, sector, role, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	// ?2 is a JSON array of [eid, start, end, text].
	sqlInsertMentions = `INSERT INTO mentions(article_id, eid, span_start, span_end, text)
		SELECT ?1, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?2)`
	sqlRegistryGet = `SELECT id, country, sector, roles, aliases FROM registry
		WHERE name_key = ? AND type = ?`
	sqlRegistryInsert = `INSERT INTO registry(name, name_key, type, country, sector,
		roles, aliases, mentions, articles, first_seen, last_seen)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`
	sqlRegistryUpdate = `UPDATE registry SET country = ?1, sector = ?2, roles = ?3, aliases = ?4,
		mentions = mentions + ?5, articles = articles + 1,
		first_seen = min(ifnull(first_seen, ?6), ?6), last_seen = max(ifnull(last_seen, ?6), ?6)
		WHERE id = ?7`
)

var putSQL = []string{
	sqlFindDuplicate, sqlInsertArticle, sqlInsertRemoved, sqlInsertQuote, sqlInsertEvent,
	sqlInsertCount, sqlInsertPlace, sqlInsertTheme, sqlInsertEntity, sqlInsertMentions,
	sqlRegistryGet, sqlRegistryInsert, sqlRegistryUpdate,
}

// prepareStmts prepares putSQL on the writer pool (its one connection).
func prepareStmts(ctx context.Context, w *sql.DB) (map[string]*sql.Stmt, error) {
	stmts := make(map[string]*sql.Stmt, len(putSQL))
	for _, q := range putSQL {
		st, err := w.PrepareContext(ctx, q)
		if err != nil {
			for _, s := range stmts {
				s.Close()
			}
			return nil, fmt.Errorf("prepare %.40q: %w", q, err)
		}
		stmts[q] = st
	}
	return stmts, nil
}

// writeTx runs statements in one write transaction, through the prepared
// statement when there is one.
type writeTx struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (w *writeTx) exec(query string, args ...any) (sql.Result, error) {
	if st, ok := w.stmts[query]; ok {
		return w.tx.StmtContext(w.ctx, st).ExecContext(w.ctx, args...)
	}
	return w.tx.ExecContext(w.ctx, query, args...)
}

func (w *writeTx) queryRow(query string, args ...any) *sql.Row {
	if st, ok := w.stmts[query]; ok {
		return w.tx.StmtContext(w.ctx, st).QueryRowContext(w.ctx, args...)
	}
	return w.tx.QueryRowContext(w.ctx, query, args...)
}
