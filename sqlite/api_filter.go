package sqlite

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// This file holds what the API queries (api_*.go) share: the SQL of an
// article filter, query errors and cursors. Every value reaches SQLite as a
// bound parameter; the SQL text is assembled only from constant fragments.

// QueryError is a query the store rejects because of what was asked (a
// malformed FTS5 expression, a bad cursor), not because the store failed.
// The HTTP API answers it with 400 and its message.
type QueryError struct {
	Param string // the parameter at fault: "q", "cursor"…
	Msg   string
}

func (e *QueryError) Error() string { return fmt.Sprintf("parameter %q: %s", e.Param, e.Msg) }

// BadQuery marks the error as the asker's fault (see server.badQuery).
func (e *QueryError) BadQuery() bool { return true }

// Is makes a *QueryError match ErrBadQuery, like Search's errors.
func (e *QueryError) Is(target error) bool { return target == ErrBadQuery }

// ftsError turns an SQLite error caused by a malformed FTS5 expression into
// a *QueryError; other errors pass unchanged.
func ftsError(err error, text string) error {
	if err == nil || text == "" {
		return err
	}
	msg := err.Error()
	if !isFTSQueryError(msg) {
		return err
	}
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:] // drop our wrapping and SQLite's "SQL logic error"
	}
	if i := strings.LastIndex(msg, " ("); i > 0 && strings.HasSuffix(msg, ")") {
		msg = msg[:i] // SQLite's result code
	}
	return &QueryError{Param: "q", Msg: fmt.Sprintf("malformed search %q: %s (see FTS5 query syntax; quote phrases)", text, msg)}
}

// noDate sorts undated articles last (the articles_newest index expression).
const noDate = -9007199254740992

// sqlWhere collects the conditions and arguments of a WHERE clause.
type sqlWhere struct {
	conds []string
	args  []any
}

func (w *sqlWhere) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// String returns "c1 AND c2 …", or "1" when there is no condition.
func (w *sqlWhere) String() string {
	if len(w.conds) == 0 {
		return "1"
	}
	return strings.Join(w.conds, " AND ")
}

// ftsMode says how an article query applies its full-text condition.
type ftsMode int

const (
	// ftsIn builds the set of matching rows once: best when few match.
	ftsIn ftsMode = iota
	// ftsExists checks each candidate row against the index: best when
	// most rows match and the query stops early (a page in date order).
	ftsExists
	// ftsJoined: the query joins articles_fts itself.
	ftsJoined
)

// ftsSetLimit is the number of matches above which a page query checks rows
// one by one (ftsExists) instead of building the set of matches.
const ftsSetLimit = 20000

// matchCount returns how many articles the FTS5 query text matches,
// copies included; it is cheap (the index's document list).
func (db *DB) matchCount(ctx context.Context, text string) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, prepareMatch(text)).Scan(&n)
	if err != nil {
		return 0, ftsError(fmt.Errorf("count matches: %w", err), text)
	}
	return n, nil
}

// articlesFrom names the articles table for a query with filter f, forcing
// the partial index idx (020_api_indexes.sql) when copies are left out:
// without statistics SQLite would rather scan the wide table.
func articlesFrom(f tidings.ArticleFilter, idx string) string {
	if f.IncludeDuplicates {
		return "articles a"
	}
	return "articles a INDEXED BY " + idx
}

// articleFilter adds the conditions of f on the articles table aliased a;
// mode says how to apply the text condition.
func articleFilter(w *sqlWhere, f tidings.ArticleFilter, mode ftsMode) {
	if f.Text != "" {
		switch mode {
		case ftsIn:
			w.add("a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", prepareMatch(f.Text))
		case ftsExists:
			w.add("EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.seq)", prepareMatch(f.Text))
		}
	}
	if f.Entity != "" {
		w.add("a.id IN (SELECT article_id FROM entities WHERE name = ? COLLATE NOCASE)", f.Entity)
	}
	if f.EntityType != "" {
		w.add("EXISTS (SELECT 1 FROM entities et WHERE et.article_id = a.id AND et.type = ?)", f.EntityType)
	}
	if f.ActorCountry != "" {
		w.add("a.id IN (SELECT article_id FROM events WHERE actor_country = ?)", f.ActorCountry)
	}
	if f.EventType != "" {
		w.add("a.id IN (SELECT article_id FROM events WHERE type = ?)", f.EventType)
	}
	if f.Theme != "" {
		w.add("a.id IN (SELECT article_id FROM themes WHERE theme = ?)", f.Theme)
	}
	if f.Place != "" {
		w.add("a.id IN (SELECT article_id FROM places WHERE name = ? COLLATE NOCASE)", f.Place)
	}
	if f.Source != "" {
		w.add("a.source = ?", f.Source)
	}
	if f.Language != "" {
		w.add("a.language = ?", f.Language)
	}
	timeRange(w, "a.published", f.From, f.To)
	if !f.IncludeDuplicates {
		w.add("a.duplicate_of IS NULL")
	}
}

// timeRange adds from <= col < to for the bounds given. col is a constant.
func timeRange(w *sqlWhere, col string, from, to *time.Time) {
	if from != nil {
		w.add(col+" >= ?", from.Unix())
	}
	if to != nil {
		w.add(col+" < ?", to.Unix())
	}
}

// unixTime turns a nullable unix-seconds column into a *time.Time.
func unixTime(sec *int64) *time.Time {
	if sec == nil {
		return nil
	}
	t := time.Unix(*sec, 0).UTC()
	return &t
}

// apiCursor is a position in a result list: the sort key and seq of the last
// row for date order, the offset for relevance order.
type apiCursor struct {
	kind   byte // 'd' or 'r'
	key    int64
	seq    int64
	offset int
}

func (c apiCursor) String() string {
	var s string
	if c.kind == 'r' {
		s = "r|" + strconv.Itoa(c.offset)
	} else {
		s = "d|" + strconv.FormatInt(c.key, 10) + "|" + strconv.FormatInt(c.seq, 10)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

var errCursor = errors.New("not a cursor of this query (take it from \"next\")")

// parseAPICursor reads a cursor made by apiCursor.String for sort order kind.
func parseAPICursor(s string, kind byte) (apiCursor, error) {
	bad := &QueryError{Param: "cursor", Msg: errCursor.Error()}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(raw) < 3 || raw[0] != kind || raw[1] != '|' {
		return apiCursor{}, bad
	}
	parts := strings.Split(string(raw[2:]), "|")
	c := apiCursor{kind: kind}
	if kind == 'r' {
		if len(parts) != 1 {
			return c, bad
		}
		if c.offset, err = strconv.Atoi(parts[0]); err != nil || c.offset < 0 {
			return c, bad
		}
		return c, nil
	}
	if len(parts) != 2 {
		return c, bad
	}
	var e1, e2 error
	c.key, e1 = strconv.ParseInt(parts[0], 10, 64)
	c.seq, e2 = strconv.ParseInt(parts[1], 10, 64)
	if e1 != nil || e2 != nil {
		return c, bad
	}
	return c, nil
}
