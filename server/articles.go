package server

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// articlesResponse is the answer of GET /api/articles; next is null on the
// last page.
type articlesResponse struct {
	Articles []tidings.Hit `json:"articles"`
	Total    int           `json:"total"`
	Next     *string       `json:"next"`
}

// exportPage is how many rows an export writes between flushes.
const exportPage = 500

func (s *Server) handleArticles(w http.ResponseWriter, r *http.Request) {
	v, err := query(r.URL.RawQuery, with(filterParams, []string{"sort", "limit", "cursor", "format", "collapse"})...)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q := tidings.ArticleQuery{Cursor: v.Get("cursor")}
	if q.ArticleFilter, err = parseFilter(v); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if q.Sort, err = oneOf(v, "sort", "date", "date", "relevance"); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if q.Sort == "relevance" && q.Text == "" {
		q.Sort = "date" // nothing to rank by
	}
	if q.Limit, err = parseLimit(v, 20, 200); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	format, err := oneOf(v, "format", "json", "json", "csv", "jsonl")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if q.Collapse, err = oneOf(v, "collapse", "", tidings.CollapseStory); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if format != "json" && q.Collapse != "" {
		writeError(w, http.StatusBadRequest, "parameter \"collapse\": exports (format csv or jsonl) list every article; leave collapse out")
		return
	}
	if format != "json" {
		s.export(w, r, q, format)
		return
	}
	res, err := s.store.Articles(r.Context(), q)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	out := articlesResponse{Articles: res.Hits, Total: res.Total}
	if out.Articles == nil {
		out.Articles = []tidings.Hit{}
	}
	if res.Next != "" {
		out.Next = &res.Next
	}
	writeJSON(w, http.StatusOK, out)
}

// storeError answers a store failure: 400 for a query the store rejects
// (a malformed FTS5 expression, a bad cursor), 500 otherwise.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, err error) {
	var bq badQuery
	switch {
	case errors.As(err, &bq) && bq.BadQuery():
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, tidings.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case errors.Is(err, context.Canceled):
		// the client went away; nobody to answer
	default:
		s.opts.Logger.Error("store query failed", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error: the store failed to answer")
	}
}

// badQuery is implemented by store errors that blame the query (a
// malformed FTS5 expression, a bad cursor): the API answers them with 400
// and their message.
type badQuery interface {
	error
	BadQuery() bool
}

// export streams the whole result of q as CSV (one row per hit) or JSON
// lines (one full article record per line). A malformed query is found by
// a first page before the answer starts; later failures can only cut the
// stream short.
func (s *Server) export(w http.ResponseWriter, r *http.Request, q tidings.ArticleQuery, format string) {
	ctx := r.Context()
	if _, err := s.store.Articles(ctx, tidings.ArticleQuery{ArticleFilter: q.ArticleFilter, Limit: 1, NoTotal: true}); err != nil {
		s.storeError(w, r, err)
		return
	}
	name := "tidings-" + time.Now().UTC().Format("20060102-150405")
	var emit func(h tidings.Hit) error
	var flush func() error
	switch format {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		cw := csv.NewWriter(w)
		cw.Write([]string{"id", "published", "source", "language", "title", "url", "duplicate_of", "story"})
		emit = func(h tidings.Hit) error {
			row := []string{h.ID, fmtTime(h.Published), h.Source, h.Language,
				h.Title, h.URL, deref(h.DuplicateOf), deref(h.Story)}
			for i := range row {
				row[i] = csvSafe(row[i])
			}
			return cw.Write(row)
		}
		flush = func() error { cw.Flush(); return cw.Error() }
	default:
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.jsonl"`)
		enc := json.NewEncoder(w)
		emit = func(h tidings.Hit) error {
			a, err := s.store.Get(ctx, h.ID)
			if err != nil {
				return err
			}
			a.Normalize()
			return enc.Encode(a)
		}
		flush = func() error { return nil }
	}
	w.WriteHeader(http.StatusOK)
	n := 0
	err := s.store.EachArticle(ctx, q.ArticleFilter, func(h tidings.Hit) error {
		if err := emit(h); err != nil {
			return err
		}
		if n++; n%exportPage == 0 {
			if err := flush(); err != nil {
				return err
			}
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		s.opts.Logger.Error("export cut short", "query", r.URL.RawQuery, "rows", n, "err", err)
	}
}

func fmtTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// csvSafe defuses spreadsheet formula injection: a cell that starts with
// = + - @ or a tab is prefixed with an apostrophe.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	if _, err := query(r.URL.RawQuery); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	id := r.PathValue("id")
	a, err := s.store.Get(r.Context(), id)
	if errors.Is(err, tidings.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no article with id "+quoteID(id))
		return
	}
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	a.Normalize()
	writeJSON(w, http.StatusOK, a)
}

// quoteID quotes an id for an error message, shortened if long.
func quoteID(id string) string {
	if len(id) > 100 {
		id = id[:100] + "…"
	}
	return `"` + strings.ToValidUTF8(id, "?") + `"`
}
