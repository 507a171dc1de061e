// Package server is the HTTP face of tidings (tidings serve): a JSON API
// over the article store, described by an OpenAPI document, and a web
// dashboard (plain JS modules, embedded) built on that API.
//
// Reads are open; writes (POST /api/ingest) need a bearer token and are
// rate limited. Every request body is size-limited, every connection has
// read and write timeouts, and every page carries a strict CSP.
package server

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/story"
)

// Store is what the server needs from the article store: the basic
// tidings.Store plus the analytical queries of the API. *sqlite.DB has them.
type Store interface {
	tidings.Store
	// Articles is a search with all the API's filters.
	Articles(ctx context.Context, q tidings.ArticleQuery) (*tidings.SearchResult, error)
	// EachArticle streams every article matching f, newest first (exports).
	EachArticle(ctx context.Context, f tidings.ArticleFilter, fn func(tidings.Hit) error) error
	// Timeline counts matching articles per interval.
	Timeline(ctx context.Context, q tidings.TimelineQuery) (*tidings.Timeline, error)
	// TopEntities ranks entities by the number of matching articles naming them.
	TopEntities(ctx context.Context, q tidings.FacetQuery) ([]tidings.EntityCount, error)
	// TopValues ranks the values of field ("theme", "source", "event_type"
	// or "language") among matching articles.
	TopValues(ctx context.Context, field string, q tidings.FacetQuery) ([]tidings.Facet, error)
	// Entity is an entity page; id is the canonical name. It returns
	// tidings.ErrNotFound for an unknown entity.
	Entity(ctx context.Context, id string, f tidings.ArticleFilter) (*tidings.EntitySummary, error)
	Quotes(ctx context.Context, q tidings.QuoteQuery) ([]tidings.QuoteHit, error)
	Events(ctx context.Context, q tidings.EventQuery) (*tidings.EventResult, error)
	Places(ctx context.Context, f tidings.ArticleFilter) ([]tidings.PlaceAggregate, error)
	Network(ctx context.Context, q tidings.EventQuery) (*tidings.Network, error)
	// StoryReports lists a story's reports, earliest first; it returns
	// tidings.ErrNotFound for an unknown story.
	StoryReports(ctx context.Context, storyID string) ([]tidings.StoryReport, error)
	// StoryCasualties sums up a story's casualty figures as ranges.
	StoryCasualties(ctx context.Context, storyID string) ([]story.CasualtyRange, error)
}

// Analyzer turns a raw document into an article record; the server uses it
// to ingest. *analyze.Pipeline has this method.
type Analyzer interface {
	Analyze(ctx context.Context, doc *tidings.Document) (*tidings.Article, error)
}

// Options configure a Server. Zero values take the defaults below.
type Options struct {
	// Token is the bearer token that POST /api/ingest requires; empty
	// disables ingest (403).
	Token string
	// MaxBody bounds request bodies (default 32 MiB).
	MaxBody int64
	// WriteRate is the number of write requests per second allowed on
	// average (default 2), WriteBurst the bucket size (default 10).
	WriteRate  float64
	WriteBurst int
	// Logger gets one line per failed request (default slog.Default()).
	Logger *slog.Logger
	// ReadTimeout and WriteTimeout bound each request (defaults 60 s and
	// 5 min: exports of large results take time).
	ReadTimeout, WriteTimeout time.Duration
}

func (o *Options) defaults() {
	if o.MaxBody <= 0 {
		o.MaxBody = 32 << 20
	}
	if o.WriteRate <= 0 {
		o.WriteRate = 2
	}
	if o.WriteBurst <= 0 {
		o.WriteBurst = 10
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = 60 * time.Second
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 5 * time.Minute
	}
}

// Server serves the API and the dashboard. It is an http.Handler.
type Server struct {
	store    Store
	analyzer Analyzer
	opts     Options
	writes   *tokenBucket
	mux      *http.ServeMux
	handler  http.Handler
}

//go:embed web
var webFS embed.FS

//go:embed openapi.json
var openAPI []byte

// New returns a server over store; analyzer may be nil, which disables
// ingest like a missing token does.
func New(store Store, analyzer Analyzer, opts Options) *Server {
	opts.defaults()
	s := &Server{
		store:    store,
		analyzer: analyzer,
		opts:     opts,
		writes:   newTokenBucket(opts.WriteRate, opts.WriteBurst, time.Now),
		mux:      http.NewServeMux(),
	}
	s.routes()
	s.handler = s.secure(s.mux)
	return s
}

// apiRoutes lists the API routes; each must be in openapi.json (a test
// checks). Ids may hold slashes, hence {id...}.
func apiRoutes() []string {
	return []string{
		"GET /api/openapi.json", "GET /api/articles", "GET /api/articles/{id...}",
		"GET /api/timeline", "GET /api/facets", "GET /api/entities", "GET /api/entities/{id...}",
		"GET /api/quotes", "GET /api/events", "GET /api/places", "GET /api/network",
		"GET /api/stories/{id...}", "POST /api/ingest",
	}
}

// routes registers every route.
func (s *Server) routes() {
	handlers := map[string]http.HandlerFunc{
		"GET /api/openapi.json":     s.handleOpenAPI,
		"GET /api/articles":         s.handleArticles,
		"GET /api/articles/{id...}": s.handleArticle,
		"GET /api/timeline":         s.handleTimeline,
		"GET /api/facets":           s.handleFacets,
		"GET /api/entities":         s.handleEntities,
		"GET /api/entities/{id...}": s.handleEntity,
		"GET /api/quotes":           s.handleQuotes,
		"GET /api/events":           s.handleEvents,
		"GET /api/places":           s.handlePlaces,
		"GET /api/network":          s.handleNetwork,
		"GET /api/stories/{id...}":  s.handleStory,
		"POST /api/ingest":          s.handleIngest,
	}
	for _, route := range apiRoutes() {
		s.mux.HandleFunc(route, handlers[route])
	}
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	web, err := fs.Sub(webFS, "web")
	if err != nil {
		panic(err) // the embedded tree always has web/
	}
	files := http.FileServerFS(web)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method not allowed")
			return
		}
		files.ServeHTTP(w, r)
	})
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// ListenAndServe serves on addr until ctx is cancelled, then shuts down
// gracefully, letting running requests finish for up to 10 s before
// closing their connections. ready, if
// not nil, gets the bound address once listening.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	if ready != nil {
		ready(ln.Addr())
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is cancelled, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.opts.ReadTimeout,
		WriteTimeout:      s.opts.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		// Requests still running after the grace period (long exports) are
		// cut off.
		s.opts.Logger.Warn("forced shutdown", "err", err)
		hs.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}
