package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/tidings/tidings"
)

// Snippet markers: the matched terms of a hit's snippet are wrapped in
// SnippetOpen … SnippetClose (Unicode private-use characters, which news
// text does not carry), for the client to highlight without parsing HTML.
const (
	SnippetOpen  = "\ue000"
	SnippetClose = "\ue001"
)

// snippetLen is the length in code points of a snippet without a query.
const snippetLen = 280

// Articles is a search with all the filters of the API: full text (FTS5
// syntax), entity, entity type, actor country, event type, theme, place,
// source, language and dates. Sort "date" (default) is newest first with
// keyset pagination; "relevance" is BM25 order (title weighted 5×) with an
// offset cursor. Limit <= 0 means 500. Total is left 0 with NoTotal.
func (db *DB) Articles(ctx context.Context, q tidings.ArticleQuery) (*tidings.SearchResult, error) {
	if q.Limit <= 0 {
		q.Limit = 500
	}
	relevance := q.Sort == "relevance" && q.Text != ""
	if q.Sort != "" && q.Sort != "date" && q.Sort != "relevance" && q.Sort != "rank" {
		return nil, &QueryError{Param: "sort", Msg: fmt.Sprintf("%q is not date or relevance", q.Sort)}
	}
	if q.Sort == "rank" && q.Text != "" {
		relevance = true
	}
	collapse := q.Collapse == tidings.CollapseStory
	if q.Collapse != "" && !collapse {
		return nil, &QueryError{Param: "collapse", Msg: fmt.Sprintf("%q is not story", q.Collapse)}
	}
	mode, matches := ftsIn, 0
	if q.Text != "" {
		var err error
		if matches, err = db.matchCount(ctx, q.Text); err != nil {
			return nil, err
		}
		// Checking rows one by one pays only for a short page of a
		// frequent term; exports take big pages.
		if matches > ftsSetLimit && q.Limit <= 200 {
			mode = ftsExists
		}
	}
	var (
		hits []tidings.Hit
		next string
		err  error
	)
	switch {
	case collapse:
		hits, next, err = db.articlesByStory(ctx, q, relevance)
	case relevance:
		hits, next, err = db.articlesByRank(ctx, q, matches)
	default:
		hits, next, err = db.articlesByDate(ctx, q, mode)
	}
	if err != nil {
		return nil, ftsError(err, q.Text)
	}
	if err := db.snippets(ctx, q.Text, hits); err != nil {
		return nil, ftsError(err, q.Text)
	}
	res := &tidings.SearchResult{Hits: hits, Next: next}
	if q.NoTotal {
		return res, nil
	}
	if collapse {
		res.Total, err = db.countStories(ctx, q.ArticleFilter)
	} else {
		res.Total, err = db.countArticles(ctx, q.ArticleFilter, matches)
	}
	if err != nil {
		return nil, ftsError(err, q.Text)
	}
	return res, nil
}

// onlyText reports whether f filters by nothing but its text (and copies).
func onlyText(f tidings.ArticleFilter) bool {
	g := f
	g.Text, g.IncludeDuplicates = "", false
	return g == (tidings.ArticleFilter{})
}

// countArticles counts the articles matching f; matches is the number of
// FTS matches of f.Text. A text-only filter is counted from the index's
// document list, minus the copies it matches.
func (db *DB) countArticles(ctx context.Context, f tidings.ArticleFilter, matches int) (int, error) {
	if f.Text != "" && onlyText(f) {
		if f.IncludeDuplicates {
			return matches, nil
		}
		var copies int
		err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE a.duplicate_of IS NOT NULL
			AND EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.seq)`, prepareMatch(f.Text)).Scan(&copies)
		if err != nil {
			return 0, fmt.Errorf("count copies: %w", err)
		}
		return matches - copies, nil
	}
	var w sqlWhere
	articleFilter(&w, f, ftsIn)
	var n int
	err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM "+articlesFrom(f, "articles_api_published")+" WHERE "+w.String(), w.args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

const hitColumns = `a.seq, a.id, a.url, a.title, a.source, a.published, a.language, a.duplicate_of, a.story`

// scanHits reads rows of hitColumns followed by one int64 sort key.
func scanHits(rows *sql.Rows) (hits []tidings.Hit, seqs, keys []int64, err error) {
	defer rows.Close()
	for rows.Next() {
		var h tidings.Hit
		var seq int64
		var key int64
		var pub *int64
		if err := rows.Scan(&seq, &h.ID, &h.URL, &h.Title, &h.Source, &pub, &h.Language, &h.DuplicateOf, &h.Story, &key); err != nil {
			return nil, nil, nil, fmt.Errorf("read hit: %w", err)
		}
		h.Published = unixTime(pub)
		hits = append(hits, h)
		seqs = append(seqs, seq)
		keys = append(keys, key)
	}
	return hits, seqs, keys, rows.Err()
}

func (db *DB) articlesByDate(ctx context.Context, q tidings.ArticleQuery, mode ftsMode) ([]tidings.Hit, string, error) {
	var w sqlWhere
	articleFilter(&w, q.ArticleFilter, mode)
	if q.Cursor != "" {
		c, err := parseAPICursor(q.Cursor, 'd')
		if err != nil {
			return nil, "", err
		}
		w.add(fmt.Sprintf("(ifnull(a.published, %d) < ? OR (ifnull(a.published, %d) = ? AND a.seq < ?))", noDate, noDate),
			c.key, c.key, c.seq)
	}
	// The newest-first index gives rows in order, so the scan stops after
	// one page.
	sqlText := fmt.Sprintf(`SELECT %s, ifnull(a.published, %d) FROM %s WHERE %s
		ORDER BY ifnull(a.published, %d) DESC, a.seq DESC LIMIT ?`,
		hitColumns, noDate, articlesFrom(q.ArticleFilter, "articles_api_newest"), w.String(), noDate)
	rows, err := db.read.QueryContext(ctx, sqlText, append(w.args, q.Limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("search articles: %w", err)
	}
	hits, seqs, keys, err := scanHits(rows)
	if err != nil {
		return nil, "", fmt.Errorf("search articles: %w", err)
	}
	var next string
	if len(hits) > q.Limit {
		hits = hits[:q.Limit]
		next = apiCursor{kind: 'd', key: keys[q.Limit-1], seq: seqs[q.Limit-1]}.String()
	}
	return hits, next, nil
}

func (db *DB) articlesByRank(ctx context.Context, q tidings.ArticleQuery, matches int) ([]tidings.Hit, string, error) {
	offset := 0
	if q.Cursor != "" {
		c, err := parseAPICursor(q.Cursor, 'r')
		if err != nil {
			return nil, "", err
		}
		offset = c.offset
	}
	hits, err := db.rankFast(ctx, q, offset, matches)
	if err != nil {
		return nil, "", err
	}
	if hits == nil {
		var w sqlWhere
		w.add("articles_fts MATCH ?", prepareMatch(q.Text))
		articleFilter(&w, q.ArticleFilter, ftsJoined)
		sqlText := fmt.Sprintf(`SELECT %s, 0 FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
			WHERE %s ORDER BY bm25(articles_fts, 5.0, 1.0), a.seq DESC LIMIT ? OFFSET ?`, hitColumns, w.String())
		rows, err := db.read.QueryContext(ctx, sqlText, append(w.args, q.Limit+1, offset)...)
		if err != nil {
			return nil, "", fmt.Errorf("search articles: %w", err)
		}
		if hits, _, _, err = scanHits(rows); err != nil {
			return nil, "", fmt.Errorf("search articles: %w", err)
		}
	}
	var next string
	if len(hits) > q.Limit {
		hits = hits[:q.Limit]
		next = apiCursor{kind: 'r', offset: offset + q.Limit}.String()
	}
	return hits, next, nil
}

// rankFast answers a text-only relevance page from the best-ranked matches
// alone, then drops copies: exact when enough remain, which is the common
// case. It returns nil when the full query is needed.
func (db *DB) rankFast(ctx context.Context, q tidings.ArticleQuery, offset, matches int) ([]tidings.Hit, error) {
	if !onlyText(q.ArticleFilter) {
		return nil, nil
	}
	need := offset + q.Limit + 1
	k := 2*need + 50
	var dup string
	if !q.IncludeDuplicates {
		dup = "WHERE a.duplicate_of IS NULL"
	}
	sqlText := fmt.Sprintf(`SELECT %s, 0 FROM (SELECT rowid AS s, bm25(articles_fts, 5.0, 1.0) AS r
			FROM articles_fts WHERE articles_fts MATCH ? ORDER BY r LIMIT ?) f
		JOIN articles a ON a.seq = f.s %s ORDER BY f.r, a.seq DESC LIMIT ? OFFSET ?`, hitColumns, dup)
	rows, err := db.read.QueryContext(ctx, sqlText, prepareMatch(q.Text), k, q.Limit+1, offset)
	if err != nil {
		return nil, fmt.Errorf("search articles: %w", err)
	}
	hits, _, _, err := scanHits(rows)
	if err != nil {
		return nil, fmt.Errorf("search articles: %w", err)
	}
	if offset+len(hits) < need && matches > k {
		return nil, nil // copies took too many places: rank them all
	}
	if hits == nil {
		hits = []tidings.Hit{}
	}
	return hits, nil
}

// snippets fills the Snippet of each hit: the best passage for the query
// with matched terms marked, or the start of the text without one.
func (db *DB) snippets(ctx context.Context, text string, hits []tidings.Hit) error {
	if len(hits) == 0 {
		return nil
	}
	idx := make(map[string]int, len(hits))
	args := make([]any, 0, len(hits)+1)
	marks := make([]string, 0, len(hits))
	if text != "" {
		args = append(args, prepareMatch(text))
	}
	for i, h := range hits {
		idx[h.ID] = i
		args = append(args, h.ID)
		marks = append(marks, "?")
	}
	in := strings.Join(marks, ",")
	var sqlText string
	if text != "" {
		// rowid IN (…) lets FTS5 seek each hit instead of walking every match.
		sqlText = fmt.Sprintf(`SELECT a.id, snippet(articles_fts, 1, '%s', '%s', '…', 32) FROM articles_fts
			JOIN articles a ON a.seq = articles_fts.rowid
			WHERE articles_fts MATCH ? AND articles_fts.rowid IN (SELECT seq FROM articles WHERE id IN (%s))`, SnippetOpen, SnippetClose, in)
	} else {
		sqlText = fmt.Sprintf(`SELECT a.id, substr(json_extract(a.record, '$.text'), 1, %d) FROM articles a WHERE a.id IN (%s)`,
			snippetLen, in)
	}
	rows, err := db.read.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return fmt.Errorf("snippets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var snip sql.NullString
		if err := rows.Scan(&id, &snip); err != nil {
			return fmt.Errorf("snippets: %w", err)
		}
		s := snip.String
		if text == "" && len([]rune(s)) >= snippetLen {
			s += "…"
		}
		if i, ok := idx[id]; ok {
			hits[i].Snippet = s
		}
	}
	return rows.Err()
}

// EachArticle calls fn with every article matching f, newest first, reading
// them as one stream (exports). fn's error stops the walk and is returned.
// The hits carry no snippet.
func (db *DB) EachArticle(ctx context.Context, f tidings.ArticleFilter, fn func(tidings.Hit) error) error {
	var w sqlWhere
	articleFilter(&w, f, ftsIn)
	sqlText := fmt.Sprintf(`SELECT %s, 0 FROM %s WHERE %s ORDER BY ifnull(a.published, %d) DESC, a.seq DESC`,
		hitColumns, articlesFrom(f, "articles_api_newest"), w.String(), noDate)
	rows, err := db.read.QueryContext(ctx, sqlText, w.args...)
	if err != nil {
		return ftsError(fmt.Errorf("export articles: %w", err), f.Text)
	}
	defer rows.Close()
	for rows.Next() {
		var h tidings.Hit
		var seq, key int64
		var pub *int64
		if err := rows.Scan(&seq, &h.ID, &h.URL, &h.Title, &h.Source, &pub, &h.Language, &h.DuplicateOf, &h.Story, &key); err != nil {
			return fmt.Errorf("export articles: %w", err)
		}
		h.Published = unixTime(pub)
		if err := fn(h); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return ftsError(fmt.Errorf("export articles: %w", err), f.Text)
	}
	return nil
}
