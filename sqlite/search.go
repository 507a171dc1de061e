package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// ErrBadQuery marks an error in what the caller asked for: FTS5 syntax, an
// unknown sort, a cursor that is not ours. Callers map it to "400 Bad
// Request" or a usage error; its message says what is wrong.
var ErrBadQuery = errors.New("bad query")

// badQueryError is an ErrBadQuery with its message. BadQuery lets the HTTP
// server recognize it without importing this package's sentinel.
type badQueryError struct{ msg string }

func (e *badQueryError) Error() string        { return e.msg }
func (e *badQueryError) Is(target error) bool { return target == ErrBadQuery }
func (e *badQueryError) BadQuery() bool       { return true }

// badQueryf makes a bad-query error; the message starts "bad query".
func badQueryf(format string, args ...any) error {
	return &badQueryError{msg: "bad query" + fmt.Sprintf(format, args...)}
}

const (
	// DefaultLimit is the page size when SearchQuery.Limit is not set.
	DefaultLimit = 20
	// MaxLimit caps a page; larger requests get MaxLimit hits.
	MaxLimit = 10000
	// dateKey is the sort key of date order, undated articles after all
	// dated ones. It must match the expression of index articles_newest
	// (002_search_indexes.sql).
	dateKey = "ifnull(a.published, -9007199254740992)"
	// Snippet markers around matched terms; plain text, to be escaped by
	// whoever shows it as HTML.
	MarkOpen, MarkClose = "«", "»"
	snippetTokens       = 24
	leadChars           = 240 // snippet length when there is no text query
)

// Search returns a page of the articles matching q. Text is an FTS5 query
// over title and text (phrases, AND/OR/NOT, NEAR, prefix*, title:word);
// words holding characters FTS5 does not accept unquoted ("U.S.",
// "kyiv-strike", "don't") are quoted for the caller. Sort "date" (default)
// is newest first with undated articles last; "rank" is bm25 relevance with
// title matches weighted five to one. Next is an opaque cursor for the
// following page, valid only with the same query. With Stories the hits
// are collapsed to one per story (see DB.Articles with CollapseStory).
func (db *DB) Search(ctx context.Context, q tidings.SearchQuery) (*tidings.SearchResult, error) {
	if q.Stories {
		return db.searchStories(ctx, q)
	}
	p, err := planSearch(q)
	if err != nil {
		return nil, err
	}
	// One read transaction, so that the count and the page agree.
	tx, err := db.read.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer tx.Rollback()
	s := &searcher{ctx: ctx, tx: tx, p: p}
	res := &tidings.SearchResult{Hits: []tidings.Hit{}}
	if res.Total, err = s.total(); err != nil {
		return nil, err
	}
	if res.Total == 0 {
		return res, nil
	}
	keys, err := s.pageKeys(res.Total)
	if err != nil {
		return nil, err
	}
	if len(keys) > p.limit {
		keys = keys[:p.limit]
		res.Next = p.next(keys[len(keys)-1], len(keys))
	}
	if res.Hits, err = s.hits(keys); err != nil {
		return nil, err
	}
	return res, nil
}

// searchPlan is a validated query: the FTS5 expression, the filter clauses
// and their arguments, and where the page starts.
type searchPlan struct {
	text    string // as the user gave it, for messages
	match   string
	filters []string
	args    []any
	sort    string
	limit   int
	after   *cursor
	finger  string
}

func planSearch(q tidings.SearchQuery) (*searchPlan, error) {
	p := &searchPlan{text: q.Text, match: prepareMatch(strings.TrimSpace(q.Text)), limit: q.Limit}
	switch q.Sort {
	case "", "date":
		p.sort = "date"
	case "rank":
		p.sort = "rank"
		if p.match == "" { // no relevance without words: newest first
			p.sort = "date"
		}
	default:
		return nil, badQueryf(": unknown sort %q (want date or rank)", q.Sort)
	}
	if p.limit <= 0 {
		p.limit = DefaultLimit
	}
	p.limit = min(p.limit, MaxLimit)
	if q.From != nil && q.To != nil && q.To.Before(*q.From) {
		return nil, badQueryf(": to %s is before from %s",
			q.To.Format(time.RFC3339), q.From.Format(time.RFC3339))
	}
	if q.From != nil {
		p.filters = append(p.filters, "a.published >= ?")
		p.args = append(p.args, q.From.Unix())
	}
	if q.To != nil {
		p.filters = append(p.filters, "a.published <= ?")
		p.args = append(p.args, q.To.Unix())
	}
	if s := strings.TrimSpace(q.Source); s != "" {
		p.filters = append(p.filters, "a.source = ?")
		p.args = append(p.args, s)
	}
	if l := strings.TrimSpace(q.Language); l != "" {
		p.filters = append(p.filters, "a.language = ?")
		p.args = append(p.args, strings.ToLower(l))
	}
	p.finger = fingerprint(p)
	if q.Cursor != "" {
		c, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, err
		}
		if c.Finger != p.finger || c.Sort != p.sort {
			return nil, badQueryf(": cursor belongs to another query")
		}
		p.after = c
	}
	return p, nil
}

// queryError turns an FTS5 complaint about the user's query into an
// ErrBadQuery with SQLite's message, and wraps anything else.
func (p *searchPlan) queryError(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("search: %w", err)
	}
	msg := err.Error()
	if p.match != "" && isFTSQueryError(msg) {
		msg = strings.TrimPrefix(msg, "SQL logic error: ")
		if i := strings.LastIndex(msg, " ("); i > 0 && strings.HasSuffix(msg, ")") {
			msg = msg[:i] // SQLite's result code
		}
		msg = strings.TrimPrefix(msg, "fts5: ")
		msg = strings.Replace(msg, `near ""`, "at the end", 1)
		if strings.HasPrefix(msg, "unknown special query") {
			msg = "syntax error"
		}
		return badQueryf(" %q: %s", p.text, msg)
	}
	return fmt.Errorf("search: %w", err)
}

func isFTSQueryError(msg string) bool {
	for _, s := range []string{"fts5", "syntax error", "no such column", "unterminated", "unknown special query",
		"expected integer"} { // NEAR(a b, 0A)
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
