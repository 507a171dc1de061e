package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"
	"unicode"

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
	// dated ones. It must match the expression of index articles_newest in
	// 001_articles.sql.
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
// following page, valid only with the same query.
func (db *DB) Search(ctx context.Context, q tidings.SearchQuery) (*tidings.SearchResult, error) {
	p, err := planSearch(q)
	if err != nil {
		return nil, err
	}
	res := &tidings.SearchResult{Hits: []tidings.Hit{}}
	if err := db.searchPage(ctx, p, res); err != nil {
		return nil, err
	}
	total, err := db.searchTotal(ctx, p)
	if err != nil {
		return nil, err
	}
	res.Total = total
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
	p.finger = fingerprint(q, p)
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

// where returns the WHERE clause (without keyset) and its arguments.
func (p *searchPlan) where() (string, []any) {
	var conds []string
	var args []any
	if p.match != "" {
		conds = append(conds, "articles_fts MATCH ?")
		args = append(args, p.match)
	}
	conds = append(conds, p.filters...)
	args = append(args, p.args...)
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (p *searchPlan) from() string {
	if p.match != "" {
		return " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
	}
	return " FROM articles a"
}

func (db *DB) searchPage(ctx context.Context, p *searchPlan, res *tidings.SearchResult) error {
	snippet := "substr(json_extract(a.record, '$.text'), 1, " + fmt.Sprint(leadChars+40) + ")"
	if p.match != "" {
		snippet = fmt.Sprintf("snippet(articles_fts, 1, '%s', '%s', '…', %d)", MarkOpen, MarkClose, snippetTokens)
	}
	query := "SELECT a.seq, a.id, a.url, a.title, a.source, json_extract(a.record, '$.published'), " +
		"a.language, a.duplicate_of, a.story, " + snippet + ", " + dateKey + p.from()
	where, args := p.where()
	var order string
	if p.sort == "rank" {
		order = " ORDER BY articles_fts.rank, a.seq LIMIT ? OFFSET ?"
		off := 0
		if p.after != nil {
			off = p.after.Offset
		}
		args = append(args, p.limit+1, off)
	} else {
		if p.after != nil {
			where = addCond(where, "("+dateKey+", a.seq) < (?, ?)")
			args = append(args, p.after.Published, p.after.Seq)
		}
		order = " ORDER BY " + dateKey + " DESC, a.seq DESC LIMIT ?"
		args = append(args, p.limit+1)
	}
	rows, err := db.read.QueryContext(ctx, query+where+order, args...)
	if err != nil {
		return p.queryError(err)
	}
	defer rows.Close()
	var last cursor
	for rows.Next() {
		if len(res.Hits) == p.limit {
			res.Next = p.next(last, len(res.Hits))
			break
		}
		h, c, err := scanHit(rows, p.match == "")
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		res.Hits = append(res.Hits, h)
		last = c
	}
	if err := rows.Err(); err != nil {
		return p.queryError(err)
	}
	return nil
}

func addCond(where, cond string) string {
	if where == "" {
		return " WHERE " + cond
	}
	return where + " AND " + cond
}

// scanHit reads one result row; c is the keyset position of the row.
func scanHit(rows *sql.Rows, lead bool) (tidings.Hit, cursor, error) {
	var (
		h         tidings.Hit
		c         cursor
		published sql.NullString
		dup, st   sql.NullString
		snippet   sql.NullString
	)
	err := rows.Scan(&c.Seq, &h.ID, &h.URL, &h.Title, &h.Source, &published, &h.Language,
		&dup, &st, &snippet, &c.Published)
	if err != nil {
		return h, c, err
	}
	if published.Valid {
		if t, err := time.Parse(time.RFC3339Nano, published.String); err == nil {
			h.Published = &t
		}
	}
	h.DuplicateOf, h.Story = stringPtr(dup), stringPtr(st)
	h.Snippet = snippet.String
	if lead {
		h.Snippet = leadText(snippet.String, leadChars)
	}
	return h, c, nil
}

// leadText returns the start of text, cut at a word boundary near n bytes,
// with white space collapsed.
func leadText(text string, n int) string {
	text = strings.Join(strings.FieldsFunc(text, unicode.IsSpace), " ")
	if len(text) <= n {
		return text
	}
	cut := strings.LastIndexByte(text[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !isRuneStart(text[cut]) {
			cut--
		}
	}
	return text[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func (db *DB) searchTotal(ctx context.Context, p *searchPlan) (int, error) {
	from := p.from()
	if p.match != "" && len(p.filters) == 0 {
		from = " FROM articles_fts" // the join adds nothing to a count
	}
	where, args := p.where()
	var n int
	if err := db.read.QueryRowContext(ctx, "SELECT count(*)"+from+where, args...).Scan(&n); err != nil {
		return 0, p.queryError(err)
	}
	return n, nil
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
	for _, s := range []string{"fts5", "syntax error", "no such column", "unterminated", "unknown special query"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// cursor is the position after which the next page starts: the keyset of
// the last hit for date order, the offset for rank order. Finger ties it to
// the query it came from.
type cursor struct {
	Sort      string `json:"s"`
	Published int64  `json:"p,omitempty"`
	Seq       int64  `json:"q,omitempty"`
	Offset    int    `json:"o,omitempty"`
	Finger    string `json:"f"`
}

func (p *searchPlan) next(last cursor, n int) string {
	c := cursor{Sort: p.sort, Finger: p.finger}
	if p.sort == "rank" {
		c.Offset = n
		if p.after != nil {
			c.Offset += p.after.Offset
		}
	} else {
		c.Published, c.Seq = last.Published, last.Seq
	}
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor parses a cursor made by next; anything else is ErrBadQuery.
func decodeCursor(s string) (*cursor, error) {
	bad := badQueryf(": invalid cursor")
	if len(s) > 512 {
		return nil, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || (c.Sort != "date" && c.Sort != "rank") ||
		c.Offset < 0 || c.Finger == "" {
		return nil, bad
	}
	return &c, nil
}

// fingerprint identifies what a query selects and in which order, so that
// a cursor is not replayed against a different one.
func fingerprint(q tidings.SearchQuery, p *searchPlan) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00", p.match, p.sort)
	for _, a := range p.args {
		fmt.Fprintf(h, "%v\x00", a)
	}
	fmt.Fprint(h, strings.Join(p.filters, "\x00"))
	return fmt.Sprintf("%016x", h.Sum64())
}

// prepareMatch readies a user's FTS5 query: quoted strings, operators and
// plain words pass through unchanged; a word holding characters FTS5 only
// accepts inside quotes (".", "-", "'", "/", …) is quoted, so "U.S." and
// "kyiv-strike" search as phrases instead of failing. An unterminated quote
// is left for FTS5 to report.
func prepareMatch(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '"':
			j := i + 1
			for ; j < len(q); j++ {
				if q[j] == '"' {
					if j+1 < len(q) && q[j+1] == '"' {
						j++
						continue
					}
					break
				}
			}
			if j >= len(q) {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : j+1])
			i = j + 1
		case isFTSSyntax(c) || isASCIISpace(c):
			b.WriteByte(c)
			i++
		default:
			j := i
			for j < len(q) && q[j] != '"' && !isFTSSyntax(q[j]) && !isASCIISpace(q[j]) {
				j++
			}
			if word := q[i:j]; isBareword(word) {
				b.WriteString(word)
			} else {
				b.WriteString(`"` + word + `"`)
			}
			i = j
		}
	}
	return b.String()
}

func isFTSSyntax(c byte) bool { return strings.IndexByte("()*:^{},+", c) >= 0 }

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isBareword reports whether FTS5 accepts w unquoted: ASCII letters, digits,
// "_", the substitute byte, and any non-ASCII character.
func isBareword(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || c == '_' || c == 0x1a || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			continue
		}
		return false
	}
	return true
}
