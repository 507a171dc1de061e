package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/tidings/tidings"
)

// putHook lets other parts of this package (near-duplicates, stories) take
// part in Put's transaction. before runs after the exact-duplicate check and
// may change the article (say, set DuplicateOf) before it is written; after
// runs once the article and its facts are written, with the article's seq.
// Either may be nil. An error from either aborts the Put: nothing is written.
// Hooks are added with addPutHook before the DB is shared between goroutines.
type putHook struct {
	name   string
	before func(ctx context.Context, tx *sql.Tx, a *tidings.Article) error
	after  func(ctx context.Context, tx *sql.Tx, a *tidings.Article, seq int64) error
}

// addPutHook registers h; it is not safe to call concurrently with Put.
func (db *DB) addPutHook(h putHook) { db.hooks = append(db.hooks, h) }

// Put stores a and all its facts in one transaction. It reports
// tidings.Duplicate, writing nothing, when an article with the same id, the
// same normalized URL (NormalizeURL) or the same cleaned text (TextHash) is
// already stored. The record is kept exactly as given: Get returns it.
func (db *DB) Put(ctx context.Context, a *tidings.Article) (tidings.PutStatus, error) {
	if err := checkArticle(a); err != nil {
		return 0, err
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	defer tx.Rollback()
	st, err := db.putTx(&writeTx{ctx: ctx, tx: tx, stmts: db.stmts}, a)
	if err != nil || st == tidings.Duplicate {
		return st, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("put article %s: commit: %w", a.ID, err)
	}
	return tidings.Stored, nil
}

// PutResult is what PutBatch did with one article.
type PutResult struct {
	Status tidings.PutStatus
	Err    error // this article's problem; the others were still stored
}

// PutBatch stores articles as Put does, many in one transaction: an
// article's rows and the b-tree pages they share with its neighbours are
// written once per batch instead of once per article, which multiplies the
// ingest rate. Each article is still all-or-nothing (a savepoint of its
// own): one that fails is reported in its PutResult and the rest go on. The
// error is for the batch as a whole (say, the commit failed): then nothing
// of the batch was stored, and running it again finishes the job.
func (db *DB) PutBatch(ctx context.Context, arts []*tidings.Article) ([]PutResult, error) {
	res := make([]PutResult, len(arts))
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put batch: %w", err)
	}
	defer tx.Rollback()
	w := &writeTx{ctx: ctx, tx: tx, stmts: db.stmts}
	for i, a := range arts {
		if res[i].Err = checkArticle(a); res[i].Err != nil {
			continue
		}
		if _, err := tx.ExecContext(ctx, "SAVEPOINT put"); err != nil {
			return nil, fmt.Errorf("put batch: %w", err)
		}
		res[i].Status, res[i].Err = db.putTx(w, a)
		if res[i].Err != nil {
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO put"); err != nil {
				return nil, fmt.Errorf("put batch: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, "RELEASE put"); err != nil {
			return nil, fmt.Errorf("put batch: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put batch: commit: %w", err)
	}
	return res, nil
}

func checkArticle(a *tidings.Article) error {
	if a == nil {
		return errors.New("put: nil article")
	}
	if strings.TrimSpace(a.ID) == "" {
		return fmt.Errorf("put article %q: article has no id", a.URL)
	}
	return nil
}

// putTx writes a and its facts within w's transaction, unless it duplicates
// a stored article. On error the caller must roll back what it wrote.
func (db *DB) putTx(w *writeTx, a *tidings.Article) (tidings.PutStatus, error) {
	urlNorm, hash := NormalizeURL(a.URL), TextHash(a.Text)
	dup, err := findDuplicate(w, a.ID, urlNorm, hash)
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	if dup != "" {
		return tidings.Duplicate, nil
	}
	for _, h := range db.hooks {
		if h.before != nil {
			if err := h.before(w.ctx, w.tx, a); err != nil {
				return 0, fmt.Errorf("put article %s: %s: %w", a.ID, h.name, err)
			}
		}
	}
	now := db.now()
	seq, err := insertArticle(w, a, urlNorm, hash, now.Unix())
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	if err := insertFacts(w, a); err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	seen := now.Unix()
	if a.Published != nil {
		seen = a.Published.Unix()
	}
	if err := updateRegistry(w, a, seen); err != nil {
		return 0, fmt.Errorf("put article %s: registry: %w", a.ID, err)
	}
	for _, h := range db.hooks {
		if h.after != nil {
			if err := h.after(w.ctx, w.tx, a, seq); err != nil {
				return 0, fmt.Errorf("put article %s: %s: %w", a.ID, h.name, err)
			}
		}
	}
	return tidings.Stored, nil
}

// findDuplicate returns the id of a stored article that a would duplicate,
// or "". Empty keys match nothing.
func findDuplicate(w *writeTx, id, urlNorm, hash string) (string, error) {
	var other string
	err := w.queryRow(sqlFindDuplicate, id, nullString(urlNorm), nullString(hash)).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("duplicate check: %w", err)
	}
	return other, nil
}

func insertArticle(w *writeTx, a *tidings.Article, urlNorm, hash string, now int64) (int64, error) {
	record, err := json.Marshal(a)
	if err != nil {
		return 0, fmt.Errorf("encode record: %w", err)
	}
	var published any
	if a.Published != nil {
		published = a.Published.Unix()
	}
	var toneScore, tonePos, toneNeg any
	if a.Tone != nil {
		toneScore, tonePos, toneNeg = a.Tone.Score, a.Tone.Positive, a.Tone.Negative
	}
	res, err := w.exec(sqlInsertArticle,
		a.ID, a.URL, nullString(urlNorm), nullString(hash), a.Source, a.Title, published, a.Language,
		a.DuplicateOf, a.Story, a.Extractor, toneScore, tonePos, toneNeg,
		string(record), now)
	if err != nil {
		return 0, fmt.Errorf("insert article: %w", err)
	}
	return res.LastInsertId()
}

// insertFacts writes the fact rows of a; see 001_articles.sql for the tables.
func insertFacts(w *writeTx, a *tidings.Article) error {
	for i, r := range a.Removed {
		if _, err := w.exec(sqlInsertRemoved,
			a.ID, i, r.Kind, r.Text); err != nil {
			return fmt.Errorf("insert removed %d: %w", i, err)
		}
	}
	for i, q := range a.Quotes {
		var ss, se any
		if q.Sentence != nil {
			ss, se = q.Sentence.Start, q.Sentence.End
		}
		if _, err := w.exec(sqlInsertQuote,
			a.ID, i, q.Speaker, q.SpeakerEntity, q.Cue, q.Start, q.End, q.Text, q.Partial, ss, se); err != nil {
			return fmt.Errorf("insert quote %d: %w", i, err)
		}
	}
	for i, e := range a.Events {
		an, ae, ac, as := actorColumns(e.Actor)
		rn, re, rc, rs := actorColumns(e.Recipient)
		if _, err := w.exec(sqlInsertEvent,
			a.ID, i, e.Type, e.Mode, e.Trigger, an, ae, ac, as, rn, re, rc, rs,
			e.Location, e.Date, e.Negated, e.Hypothetical, e.Sentence.Start, e.Sentence.End); err != nil {
			return fmt.Errorf("insert event %d: %w", i, err)
		}
	}
	for i, c := range a.Counts {
		if _, err := w.exec(sqlInsertCount,
			a.ID, i, c.Kind, c.Number, c.Qualifier, c.Object, c.Location, c.Start, c.End, c.Text); err != nil {
			return fmt.Errorf("insert count %d: %w", i, err)
		}
	}
	for i, p := range a.Places {
		var gid any
		if p.GeonamesID != 0 {
			gid = p.GeonamesID
		}
		if _, err := w.exec(sqlInsertPlace,
			a.ID, i, p.Name, p.Country, p.Lat, p.Lon, gid, p.Entity); err != nil {
			return fmt.Errorf("insert place %d: %w", i, err)
		}
	}
	for _, t := range a.Themes {
		if _, err := w.exec(sqlInsertTheme,
			a.ID, t); err != nil {
			return fmt.Errorf("insert theme %q: %w", t, err)
		}
	}
	return nil
}

// actorColumns spreads an optional actor over four nullable columns.
func actorColumns(x *tidings.Actor) (name, entity, country, sector any) {
	if x == nil {
		return nil, nil, nil, nil
	}
	return x.Name, nullString(x.Entity), nullString(x.Country), nullString(x.Sector)
}

// nullString maps "" to SQL NULL.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Get returns the stored record of the article with the given id, or an
// error wrapping tidings.ErrNotFound. duplicate_of and story come from their
// columns, which later stages may update after ingest.
func (db *DB) Get(ctx context.Context, id string) (*tidings.Article, error) {
	var record string
	var dup, story sql.NullString
	err := db.read.QueryRowContext(ctx, `SELECT record, duplicate_of, story FROM articles WHERE id = ?`, id).
		Scan(&record, &dup, &story)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, tidings.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get article %q: %w", id, err)
	}
	a := new(tidings.Article)
	if err := json.Unmarshal([]byte(record), a); err != nil {
		return nil, fmt.Errorf("get article %q: decode record: %w", id, err)
	}
	a.DuplicateOf = stringPtr(dup)
	a.Story = stringPtr(story)
	return a, nil
}

func stringPtr(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

// Count returns how many articles the store holds.
func (db *DB) Count(ctx context.Context) (int, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}
