package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// This file holds the story side of the API (issue 7): counting stories
// instead of articles (unit=stories), collapsing a search to one hit per
// story and a story's page. A story is named by articles.story; an article
// without one (stored before coverage was enabled) is a story of its own.
// Near-duplicates are left out like everywhere else unless the filter
// includes them.

// storyKey is the SQL expression of an article's story (table alias a).
const storyKey = "ifnull(a.story, a.id)"

// storyIndex covers the columns story counts read (021_api_stories.sql).
const storyIndex = "articles_api_story"

// countsStories reads a Unit: false for articles (or empty), true for
// stories, a *QueryError otherwise.
func countsStories(unit string) (bool, error) {
	switch unit {
	case "", tidings.UnitArticles:
		return false, nil
	case tidings.UnitStories:
		return true, nil
	}
	return false, &QueryError{Param: "unit", Msg: fmt.Sprintf("%q is not articles or stories", unit)}
}

// unitName returns the canonical name of a unit already checked.
func unitName(stories bool) string {
	if stories {
		return tidings.UnitStories
	}
	return tidings.UnitArticles
}

// storyBucketCounts is bucketCountsAndTotals counting distinct stories: the
// stories with a dated report in each interval within f's dates (totals)
// and those with a report matching the rest of f (counts). A story with
// reports in several intervals counts in each.
func (db *DB) storyBucketCounts(ctx context.Context, interval string, f tidings.ArticleFilter) (totals, counts map[int64]int, err error) {
	bucket, err := bucketExpr("a.published", interval)
	if err != nil {
		return nil, nil, err
	}
	var base sqlWhere
	base.add("a.published IS NOT NULL")
	timeRange(&base, "a.published", f.From, f.To)
	if !f.IncludeDuplicates {
		base.add("a.duplicate_of IS NULL")
	}
	group := "SELECT %s AS b, count(DISTINCT " + storyKey + ") FROM " + articlesFrom(f, storyIndex) + " WHERE %s GROUP BY b"
	totals, err = db.bucketCounts(ctx, fmt.Sprintf(group, bucket, base.String()), base.args)
	if err != nil {
		return nil, nil, fmt.Errorf("story totals: %w", err)
	}
	if len(totals) > maxBuckets {
		return nil, nil, &QueryError{Param: "interval", Msg: fmt.Sprintf("more than %d intervals of an %s: choose a longer interval or a date range", maxBuckets, interval)}
	}
	rest := f
	rest.From, rest.To, rest.IncludeDuplicates = nil, nil, true
	if rest == (tidings.ArticleFilter{IncludeDuplicates: true}) {
		return totals, totals, nil
	}
	var w sqlWhere
	articleFilter(&w, f, ftsIn)
	w.add("a.published IS NOT NULL")
	counts, err = db.bucketCounts(ctx, fmt.Sprintf(group, bucket, w.String()), w.args)
	if err != nil {
		return nil, nil, fmt.Errorf("story counts: %w", err)
	}
	return totals, counts, nil
}

// sampleStoriesSQL is sampleSQL with each article's story: a subquery of
// (id, sk) for the newest FacetSample articles matching f.
func sampleStoriesSQL(f tidings.ArticleFilter) (string, []any) {
	var w sqlWhere
	articleFilter(&w, f, ftsIn)
	return fmt.Sprintf(`SELECT a.id AS id, %s AS sk FROM %s WHERE %s ORDER BY ifnull(a.published, %d) DESC, a.seq DESC LIMIT %d`,
		storyKey, articlesFrom(f, "articles_api_newest"), w.String(), noDate, FacetSample), w.args
}

// storyFactCounts returns the SQL (and its arguments but the limit) that
// ranks the values of column col of a fact table (themes, events) by the
// number of distinct stories among the newest FacetSample articles
// matching f. table and col are constants.
func storyFactCounts(f tidings.ArticleFilter, table, col string) (string, []any) {
	sub, args := sampleStoriesSQL(f)
	return fmt.Sprintf(`WITH s AS (%s) SELECT x.%s, count(DISTINCT s.sk) AS n FROM %s x JOIN s ON s.id = x.article_id
		GROUP BY x.%s ORDER BY n DESC, 1 LIMIT ?`, sub, col, table, col), args
}

// countStories counts the distinct stories of the articles matching f.
func (db *DB) countStories(ctx context.Context, f tidings.ArticleFilter) (int, error) {
	var w sqlWhere
	articleFilter(&w, f, ftsIn)
	var n int
	err := db.read.QueryRowContext(ctx, "SELECT count(DISTINCT "+storyKey+") FROM "+articlesFrom(f, storyIndex)+" WHERE "+w.String(), w.args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count stories: %w", err)
	}
	return n, nil
}

// articlesByStory is a page of q collapsed to one hit per story: the
// story's earliest matching report (undated reports last) stands for it,
// with Reports the number of its matching reports. In date order stories
// come newest activity first (their latest matching report), paged by a
// keyset cursor; in relevance order by their best-ranked report, paged by
// offset.
func (db *DB) articlesByStory(ctx context.Context, q tidings.ArticleQuery, relevance bool) ([]tidings.Hit, string, error) {
	var w sqlWhere
	rank, from := "0", articlesFrom(q.ArticleFilter, storyIndex)
	if relevance {
		rank, from = "bm25(articles_fts, 5.0, 1.0)", "articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
		w.add("articles_fts MATCH ?", prepareMatch(q.Text))
		articleFilter(&w, q.ArticleFilter, ftsJoined)
	} else {
		articleFilter(&w, q.ArticleFilter, ftsIn)
	}
	var (
		page  sqlWhere
		order = "g.latest DESC, g.seq DESC"
		extra []any
	)
	if relevance {
		order = "g.best, g.seq DESC"
	}
	offset := 0
	if q.Cursor != "" {
		kind := byte('d')
		if relevance {
			kind = 'r'
		}
		c, err := parseAPICursor(q.Cursor, kind)
		if err != nil {
			return nil, "", err
		}
		if relevance {
			offset = c.offset
		} else {
			page.add("(g.latest < ? OR (g.latest = ? AND g.seq < ?))", c.key, c.key, c.seq)
		}
	}
	extra = append(extra, page.args...)
	sqlText := fmt.Sprintf(`WITH m AS (
			SELECT a.seq AS seq, %s AS sk, ifnull(a.published, %d) AS pk, a.published IS NULL AS undated, %s AS rk
			FROM %s WHERE %s),
		r AS (SELECT seq, pk,
			row_number() OVER (PARTITION BY sk ORDER BY undated, pk, seq) AS rn,
			count(*) OVER (PARTITION BY sk) AS reports,
			max(pk) OVER (PARTITION BY sk) AS latest,
			min(rk) OVER (PARTITION BY sk) AS best
			FROM m),
		g AS (SELECT seq, reports, latest, best FROM r WHERE rn = 1)
		SELECT %s, g.reports, g.latest FROM g JOIN articles a ON a.seq = g.seq
		WHERE %s ORDER BY %s LIMIT ? OFFSET ?`,
		storyKey, noDate, rank, from, w.String(), hitColumns, page.String(), order)
	args := append(append(w.args, extra...), q.Limit+1, offset)
	rows, err := db.read.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, "", fmt.Errorf("search stories: %w", err)
	}
	hits, seqs, keys, err := scanStoryHits(rows)
	if err != nil {
		return nil, "", fmt.Errorf("search stories: %w", err)
	}
	var next string
	if len(hits) > q.Limit {
		hits = hits[:q.Limit]
		if relevance {
			next = apiCursor{kind: 'r', offset: offset + q.Limit}.String()
		} else {
			next = apiCursor{kind: 'd', key: keys[q.Limit-1], seq: seqs[q.Limit-1]}.String()
		}
	}
	if hits == nil {
		hits = []tidings.Hit{}
	}
	return hits, next, nil
}

// scanStoryHits reads rows of hitColumns followed by the number of reports
// and the story's sort key.
func scanStoryHits(rows *sql.Rows) (hits []tidings.Hit, seqs, keys []int64, err error) {
	defer rows.Close()
	for rows.Next() {
		var h tidings.Hit
		var seq, key int64
		var pub *int64
		if err := rows.Scan(&seq, &h.ID, &h.URL, &h.Title, &h.Source, &pub, &h.Language, &h.DuplicateOf, &h.Story, &h.Reports, &key); err != nil {
			return nil, nil, nil, fmt.Errorf("read hit: %w", err)
		}
		h.Published = unixTime(pub)
		hits = append(hits, h)
		seqs = append(seqs, seq)
		keys = append(keys, key)
	}
	return hits, seqs, keys, rows.Err()
}

// StoryReports lists the reports of a story, earliest first (undated
// last), near-duplicates included with their duplicate_of. It returns
// tidings.ErrNotFound when no article is in the story. An article stored
// without a story is a story of its own, named by its id.
func (db *DB) StoryReports(ctx context.Context, storyID string) ([]tidings.StoryReport, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.url, a.published, a.duplicate_of
		FROM articles a WHERE a.story = ? OR (a.id = ? AND a.story IS NULL)
		ORDER BY a.published IS NULL, a.published, a.seq LIMIT ?`, storyID, storyID, maxStoryArticles)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", storyID, err)
	}
	defer rows.Close()
	var out []tidings.StoryReport
	for rows.Next() {
		var r tidings.StoryReport
		var pub *int64
		if err := rows.Scan(&r.ID, &r.Title, &r.Source, &r.URL, &pub, &r.DuplicateOf); err != nil {
			return nil, fmt.Errorf("story %s: %w", storyID, err)
		}
		r.Published = unixTime(pub)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story %s: %w", storyID, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("story %s: %w", storyID, tidings.ErrNotFound)
	}
	return out, nil
}

// searchStories answers a tidings.SearchQuery with Stories set through the
// API's collapsed search: SearchQuery.To is inclusive to the second where
// ArticleFilter.To is exclusive.
func (db *DB) searchStories(ctx context.Context, q tidings.SearchQuery) (*tidings.SearchResult, error) {
	p, err := planSearch(tidings.SearchQuery{Text: q.Text, From: q.From, To: q.To, Sort: q.Sort, Limit: q.Limit})
	if err != nil {
		return nil, err
	}
	aq := tidings.ArticleQuery{
		ArticleFilter: tidings.ArticleFilter{Text: strings.TrimSpace(q.Text), From: q.From,
			Source: strings.TrimSpace(q.Source), Language: strings.ToLower(strings.TrimSpace(q.Language))},
		Limit: p.limit, Cursor: q.Cursor, Collapse: tidings.CollapseStory,
	}
	if p.sort == "rank" {
		aq.Sort = "relevance"
	}
	if q.To != nil {
		to := q.To.Add(time.Second)
		aq.To = &to
	}
	return db.Articles(ctx, aq)
}
