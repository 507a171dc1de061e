package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/tidings/tidings"
)

// FacetSample bounds the articles that entity and theme rankings look at:
// the newest FacetSample articles matching the filter. It keeps the
// rankings fast on any store size; on a broad query they describe recent
// coverage, which is what a search page shows.
const FacetSample = 5000

// sampleSQL returns a subquery of the ids of the newest FacetSample
// articles matching f, with its arguments.
func sampleSQL(f tidings.ArticleFilter) (string, []any) {
	return sampleSQLN(f, FacetSample)
}

// sampleSQLN is sampleSQL for the newest n articles.
func sampleSQLN(f tidings.ArticleFilter, n int) (string, []any) {
	var w sqlWhere
	articleFilter(&w, f, ftsIn)
	return fmt.Sprintf(`SELECT a.id FROM %s WHERE %s ORDER BY ifnull(a.published, %d) DESC, a.seq DESC LIMIT %d`,
		articlesFrom(f, "articles_api_newest"), w.String(), noDate, n), w.args
}

// TopEntities ranks the entities of the articles matching q (the newest
// FacetSample of them) by the number of articles naming them, then by
// mentions. Entities are those of the registry (one per canonical name,
// compared case-insensitively, and type); the id of an entity is its name.
// With Unit UnitStories, Articles counts the distinct stories naming them.
func (db *DB) TopEntities(ctx context.Context, q tidings.FacetQuery) ([]tidings.EntityCount, error) {
	if q.Limit <= 0 {
		q.Limit = 20
	}
	stories, err := countsStories(q.Unit)
	if err != nil {
		return nil, err
	}
	sub, args := sampleSQL(q.ArticleFilter)
	// Each entity row counts once, or with stories once per story of the
	// sample (s: id, sk).
	with, count, from := "", "count(*)", "WHERE e.article_id IN ("+sub+")"
	if stories {
		sub, args = sampleStoriesSQL(q.ArticleFilter)
		with, count, from = "WITH s AS ("+sub+") ", "count(DISTINCT s.sk)", "JOIN s ON s.id = e.article_id WHERE 1"
	}
	var typ string
	if q.EntityType != "" {
		typ = "AND e.type = ?"
		args = append(args, q.EntityType)
	}
	// Grouping by the integer registry id over the covering index
	// entities_api_article reads no entity rows.
	sqlText := fmt.Sprintf(`%sSELECT r.name, r.type, r.country, t.n, t.m FROM (
			SELECT e.registry_id AS rid, %s AS n, sum(e.mentions) AS m
			FROM entities e INDEXED BY entities_api_article %s %s
			GROUP BY e.registry_id ORDER BY n DESC, m DESC LIMIT ?) t
		JOIN registry r ON r.id = t.rid ORDER BY t.n DESC, t.m DESC, r.name`, with, count, from, typ)
	ents, err := db.entityCounts(ctx, sqlText, append(args, q.Limit)...)
	if err != nil {
		return nil, ftsError(fmt.Errorf("top entities: %w", err), q.Text)
	}
	return ents, nil
}

func (db *DB) entityCounts(ctx context.Context, sqlText string, args ...any) ([]tidings.EntityCount, error) {
	rows, err := db.read.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tidings.EntityCount
	for rows.Next() {
		var e tidings.EntityCount
		var mentions sql.NullInt64
		if err := rows.Scan(&e.Name, &e.Type, &e.Country, &e.Articles, &mentions); err != nil {
			return nil, err
		}
		e.ID, e.Mentions = e.Name, int(mentions.Int64)
		out = append(out, e)
	}
	return out, rows.Err()
}

// TopValues ranks the values of field among the articles matching q:
// "source" and "language" over all of them, "theme" and "event_type" over
// the newest FacetSample. With Unit UnitStories the counts are of distinct
// stories.
func (db *DB) TopValues(ctx context.Context, field string, q tidings.FacetQuery) ([]tidings.Facet, error) {
	if q.Limit <= 0 {
		q.Limit = 10
	}
	stories, err := countsStories(q.Unit)
	if err != nil {
		return nil, err
	}
	// Facts count their articles, or with stories the articles' stories.
	perArticle, index := "count(*)", "articles_api_published"
	if stories {
		perArticle, index = "count(DISTINCT "+storyKey+")", storyIndex
	}
	var sqlText string
	var args []any
	switch field {
	case "source", "language":
		var w sqlWhere
		articleFilter(&w, q.ArticleFilter, ftsIn)
		col := map[string]string{"source": "a.source", "language": "a.language"}[field]
		sqlText = fmt.Sprintf(`SELECT %s, %s AS n FROM %s WHERE %s AND %s != ''
			GROUP BY %s ORDER BY n DESC, 1 LIMIT ?`, col, perArticle, articlesFrom(q.ArticleFilter, index), w.String(), col, col)
		args = w.args
	case "theme", "event_type":
		col, table, per := "theme", "themes", "count(*)"
		if field == "event_type" {
			col, table, per = "type", "events", "count(DISTINCT x.article_id)"
		}
		if stories {
			sqlText, args = storyFactCounts(q.ArticleFilter, table, col)
			break
		}
		sub, a := sampleSQL(q.ArticleFilter)
		sqlText = fmt.Sprintf(`SELECT x.%s, %s AS n FROM %s x WHERE x.article_id IN (%s)
			GROUP BY x.%s ORDER BY n DESC, 1 LIMIT ?`, col, per, table, sub, col)
		args = a
	default:
		return nil, &QueryError{Param: "field", Msg: fmt.Sprintf("%q is not source, language, theme or event_type", field)}
	}
	rows, err := db.read.QueryContext(ctx, sqlText, append(args, q.Limit)...)
	if err != nil {
		return nil, ftsError(fmt.Errorf("top %s: %w", field, err), q.Text)
	}
	defer rows.Close()
	var out []tidings.Facet
	for rows.Next() {
		var f tidings.Facet
		if err := rows.Scan(&f.Key, &f.Count); err != nil {
			return nil, fmt.Errorf("top %s: %w", field, err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// entityPageLimit bounds each list of an entity page.
const entityPageLimit = 50

// coSample bounds the articles (the entity's newest) that co-occurrence
// looks at.
const coSample = 2000

// Entity gathers an entity page: id is the canonical name (compared
// case-insensitively). Every part is limited to articles matching f. A name
// that is no tagged entity but an event actor or a speaker gets a page of
// its events and quotes. It returns tidings.ErrNotFound when nothing
// matches the name.
func (db *DB) Entity(ctx context.Context, id string, f tidings.ArticleFilter) (*tidings.EntitySummary, error) {
	var w sqlWhere
	w.add("e.name = ? COLLATE NOCASE", id)
	articleFilter(&w, f, ftsIn)
	from := "FROM entities e JOIN " + articlesFrom(f, "articles_api_id") + " ON a.id = e.article_id WHERE " + w.String()
	ents, err := db.entityCounts(ctx, `SELECT min(e.name), e.type, max(e.country), count(DISTINCT e.article_id) AS n, sum(e.mentions) `+
		from+` GROUP BY e.type ORDER BY n DESC`, w.args...)
	if err != nil {
		return nil, ftsError(fmt.Errorf("entity %q: %w", id, err), f.Text)
	}
	// An actor or speaker that the entity tagger missed still has a page
	// with its events and quotes.
	s := &tidings.EntitySummary{EntityCount: tidings.EntityCount{ID: id, Name: id}}
	if len(ents) > 0 {
		s.EntityCount = ents[0]
	}
	for _, e := range ents[min(1, len(ents)):] {
		s.Articles += e.Articles
		s.Mentions += e.Mentions
	}
	steps := []func() error{
		func() (err error) {
			s.Roles, err = db.facets(ctx, `SELECT e.role, count(*) AS n `+from+` AND e.role != '' GROUP BY e.role ORDER BY n DESC LIMIT 10`, w.args...)
			return err
		},
		func() (err error) { s.Timeline, err = db.entityTimeline(ctx, from, w.args, f); return err },
		func() (err error) {
			s.CoOccurring, err = db.entityCounts(ctx, `SELECT r.name, r.type, r.country, t.n, t.m FROM (
					SELECT o.registry_id AS rid, count(*) AS n, sum(o.mentions) AS m
					FROM entities o INDEXED BY entities_api_article
					WHERE o.article_id IN (SELECT e.article_id `+from+` ORDER BY a.published DESC LIMIT `+fmt.Sprint(coSample)+`)
					GROUP BY o.registry_id ORDER BY n DESC, m DESC LIMIT 25) t
				JOIN registry r ON r.id = t.rid WHERE r.name != ? COLLATE NOCASE ORDER BY t.n DESC, t.m DESC, r.name LIMIT 20`,
				append(append([]any{}, w.args...), id)...)
			return err
		},
		func() (err error) {
			s.Quotes, err = db.Quotes(ctx, tidings.QuoteQuery{Speaker: id, From: f.From, To: f.To, Limit: entityPageLimit})
			return err
		},
		func() (err error) {
			s.AsActor, err = db.eventHits(ctx, tidings.EventQuery{Actor: id, From: f.From, To: f.To, Limit: entityPageLimit})
			return err
		},
		func() (err error) {
			s.AsRecipient, err = db.eventHits(ctx, tidings.EventQuery{Recipient: id, From: f.From, To: f.To, Limit: entityPageLimit})
			return err
		},
	}
	// The parts are independent reads: run them side by side.
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = step() }()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, ftsError(fmt.Errorf("entity %q: %w", id, err), f.Text)
		}
	}
	if len(ents) == 0 && len(s.Quotes) == 0 && len(s.AsActor) == 0 && len(s.AsRecipient) == 0 {
		return nil, tidings.ErrNotFound
	}
	return s, nil
}

func (db *DB) facets(ctx context.Context, sqlText string, args ...any) ([]tidings.Facet, error) {
	rows, err := db.read.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tidings.Facet
	for rows.Next() {
		var f tidings.Facet
		if err := rows.Scan(&f.Key, &f.Count); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// entityTimeline counts per day the matching articles naming the entity,
// between the first and the last such day.
func (db *DB) entityTimeline(ctx context.Context, from string, args []any, f tidings.ArticleFilter) ([]tidings.TimelineBucket, error) {
	bucket, _ := bucketExpr("a.published", tidings.IntervalDay)
	counts, err := db.bucketCounts(ctx, fmt.Sprintf("SELECT %s AS b, count(DISTINCT a.seq) %s AND a.published IS NOT NULL GROUP BY b",
		bucket, from), args)
	if err != nil {
		return nil, err
	}
	if len(counts) == 0 {
		return nil, nil
	}
	totals, err := db.bucketTotals(ctx, tidings.IntervalDay, f)
	if err != nil {
		return nil, err
	}
	all := fillBuckets(totals, counts)
	lo, hi := 0, len(all)
	for lo < hi && all[lo].Count == 0 {
		lo++
	}
	for hi > lo && all[hi-1].Count == 0 {
		hi--
	}
	return all[lo:hi], nil
}

// factRow is a fact with its article, read by factRows.
type factRow struct {
	ref  tidings.ArticleRef
	fact []byte // the fact's JSON, taken from the article record
}

// factRows runs a query whose rows are article id, title, source,
// published and the JSON of one fact.
func (db *DB) factRows(ctx context.Context, sqlText string, args ...any) ([]factRow, error) {
	rows, err := db.read.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []factRow
	for rows.Next() {
		var r factRow
		var pub *int64
		var fact sql.NullString
		if err := rows.Scan(&r.ref.ArticleID, &r.ref.Title, &r.ref.Source, &pub, &fact); err != nil {
			return nil, err
		}
		if !fact.Valid || !strings.HasPrefix(fact.String, "{") {
			continue // the record lost the fact: skip rather than fail the page
		}
		r.ref.Published = unixTime(pub)
		r.fact = []byte(fact.String)
		out = append(out, r)
	}
	return out, rows.Err()
}

// decodeFacts turns fact rows into hits with mk.
func decodeFacts[T any, H any](rows []factRow, mk func(tidings.ArticleRef, T) H) ([]H, error) {
	out := make([]H, 0, len(rows))
	for _, r := range rows {
		var v T
		if err := json.Unmarshal(r.fact, &v); err != nil {
			return nil, fmt.Errorf("article %s: bad fact JSON: %w", r.ref.ArticleID, err)
		}
		out = append(out, mk(r.ref, v))
	}
	return out, nil
}
