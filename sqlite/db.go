// Package sqlite is the embedded store of tidings: article records and their
// facts in one SQLite file (pure Go, modernc.org/sqlite), searched with FTS5.
//
// The schema is built by numbered migrations embedded from migrations/
// (NNN_name.sql), each applied once, in order, inside its own transaction and
// recorded in schema_migrations. Ranges are reserved by concern so that work
// can proceed in parallel: 001–009 articles, search and facts; 010–019
// near-duplicates and stories; 020–029 the HTTP API.
//
// A DB has one writer connection (writes are serialized; each Put is one
// IMMEDIATE transaction) and a pool of query-only reader connections; WAL lets
// readers proceed while a write is in flight. It is safe for concurrent use.
//
// Put writes an article, its fact rows (removed, entities, mentions, quotes,
// events, counts, places, themes) and its share of the cross-article entity
// registry in one transaction; PutBatch does the same for many articles in
// one transaction (each its own savepoint), which ingests faster. Search is
// FTS5 full text with filters and keyset pagination (search.go,
// searcher.go). Other stages join Put's transaction through addPutHook.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"runtime"
	"time"

	"github.com/tidings/tidings"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// busyTimeout is how long a connection waits for a lock held by another
// process (another tidings writing the same file) before giving up.
const busyTimeout = 10 * time.Second

// DB is a tidings store in one SQLite file. It implements tidings.Store.
//
// Code of this package that adds queries (api_*.go, dedup*.go) reads through
// db.read and writes through db.write, always in a transaction.
type DB struct {
	path  string
	write *sql.DB // exactly one connection; BEGIN IMMEDIATE
	read  *sql.DB // query-only connections
	// hooks run inside Put's transaction; see addPutHook.
	hooks []putHook
	stmts map[string]*sql.Stmt // prepared on write; see stmts.go
	now   func() time.Time
}

var _ tidings.Store = (*DB)(nil)

// Open opens (creating if needed) the store at path and brings its schema up
// to date. The file is put in WAL mode with foreign keys on and
// synchronous=NORMAL: a crash may lose the last commits but never corrupts
// the file or leaves half an article.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open store: empty path")
	}
	w, err := openPool(path, true)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	// Open is lazy: make sure the file is a database before going on.
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	stmts, err := prepareStmts(ctx, w)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	r, err := openPool(path, false)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	n := max(4, runtime.NumCPU())
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	return &DB{path: path, write: w, read: r, stmts: stmts, now: time.Now}, nil
}

// openPool returns a connection pool on path; every new connection gets the
// pragmas through the DSN, so they hold for all of them.
func openPool(path string, writer bool) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-16000)") // 16 MB per connection
	q.Add("_pragma", "temp_store(MEMORY)") // savepoint journals and sorts
	if writer {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "wal_autocheckpoint(8000)")
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	return sql.Open("sqlite", dsn)
}

// Path returns the file the store lives in.
func (db *DB) Path() string { return db.path }

// Close checkpoints the WAL when it can and releases the file.
func (db *DB) Close() error {
	rerr := db.read.Close()
	// Best effort: refresh the planner's statistics where they went stale,
	// and checkpoint so the -wal file stays small between runs (a reader in
	// another process may make that a no-op).
	_, _ = db.write.Exec("PRAGMA optimize")
	_, _ = db.write.Exec("PRAGMA wal_checkpoint(PASSIVE)")
	for _, st := range db.stmts {
		st.Close()
	}
	werr := db.write.Close()
	if werr != nil {
		return fmt.Errorf("close store %s: %w", db.path, werr)
	}
	if rerr != nil {
		return fmt.Errorf("close store %s: %w", db.path, rerr)
	}
	return nil
}
