package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/dedup"
	"github.com/tidings/tidings/story"
)

// Names of the put hooks of this file.
const (
	hookDedup   = "near-duplicates"
	hookStories = "stories"
)

// EnableCoverage makes every Put mark near-duplicates (a.DuplicateOf, by
// MinHash LSH over word 5-grams, package dedup) and assign stories
// (a.Story, package story) inside its transaction, keeping their state in
// this database so it holds across ingests and restarts. Values the caller
// already set are kept. It is idempotent and, like addPutHook, must be
// called before the DB is shared between goroutines.
func (db *DB) EnableCoverage() { db.enableCoverage() }

func (db *DB) enableCoverage() {
	for _, h := range db.hooks {
		if h.name == hookDedup || h.name == hookStories {
			return
		}
	}
	db.addPutHook(putHook{
		name: hookDedup,
		before: func(ctx context.Context, tx *sql.Tx, a *tidings.Article) error {
			if a.DuplicateOf != nil {
				return nil
			}
			m, err := dedup.NewIndex(txDedup{tx}, 0).Lookup(ctx, a.ID, a.Text)
			if err != nil {
				return err
			}
			if m.DuplicateOf != "" {
				dup := m.DuplicateOf
				a.DuplicateOf = &dup
			}
			return nil
		},
		after: func(ctx context.Context, tx *sql.Tx, a *tidings.Article, _ int64) error {
			root := ""
			if a.DuplicateOf != nil {
				root = *a.DuplicateOf
			}
			return dedup.NewIndex(txDedup{tx}, 0).Add(ctx, a.ID, a.Text, root)
		},
	})
	db.addPutHook(putHook{
		name: hookStories,
		before: func(ctx context.Context, tx *sql.Tx, a *tidings.Article) error {
			if a.Story != nil {
				return nil
			}
			id, err := story.New(txStory{tx}, story.Options{}).Assign(ctx, a, db.now())
			if err != nil {
				return err
			}
			a.Story = &id
			return nil
		},
	})
}

// txDedup is dedup.Store over one transaction.
type txDedup struct{ tx *sql.Tx }

// DedupCandidates implements dedup.Store.
func (s txDedup) DedupCandidates(ctx context.Context, keys []uint64) ([]dedup.Entry, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = int64(k)
	}
	rows, err := s.tx.QueryContext(ctx, `SELECT s.article_id, s.root, s.sig FROM dedup_signatures s
		WHERE s.article_id IN (SELECT article_id FROM dedup_bands WHERE band_key IN (`+coveragePlaceholders(len(keys))+`))`, args...)
	if err != nil {
		return nil, fmt.Errorf("near-duplicate candidates: %w", err)
	}
	defer rows.Close()
	var out []dedup.Entry
	for rows.Next() {
		var e dedup.Entry
		var sig []byte
		if err := rows.Scan(&e.ID, &e.Root, &sig); err != nil {
			return nil, fmt.Errorf("near-duplicate candidates: %w", err)
		}
		if err := e.Sig.UnmarshalBinary(sig); err != nil {
			return nil, fmt.Errorf("near-duplicate candidates: article %s: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// DedupAdd implements dedup.Store.
func (s txDedup) DedupAdd(ctx context.Context, e dedup.Entry, keys []uint64) error {
	if err := s.DedupRemove(ctx, e.ID); err != nil {
		return err
	}
	sig, _ := e.Sig.MarshalBinary()
	if _, err := s.tx.ExecContext(ctx, `INSERT INTO dedup_signatures(article_id, root, sig) VALUES (?, ?, ?)`,
		e.ID, e.Root, sig); err != nil {
		return fmt.Errorf("store signature: %w", err)
	}
	stmt, err := s.tx.PrepareContext(ctx, `INSERT OR IGNORE INTO dedup_bands(band_key, article_id) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("store bands: %w", err)
	}
	defer stmt.Close()
	for _, k := range keys {
		if _, err := stmt.ExecContext(ctx, int64(k), e.ID); err != nil {
			return fmt.Errorf("store bands: %w", err)
		}
	}
	return nil
}

// DedupRemove implements dedup.Store.
func (s txDedup) DedupRemove(ctx context.Context, id string) error {
	if _, err := s.tx.ExecContext(ctx, `DELETE FROM dedup_bands WHERE article_id = ?`, id); err != nil {
		return fmt.Errorf("remove bands: %w", err)
	}
	if _, err := s.tx.ExecContext(ctx, `DELETE FROM dedup_signatures WHERE article_id = ?`, id); err != nil {
		return fmt.Errorf("remove signature: %w", err)
	}
	return nil
}

// coveragePlaceholders returns "?, ?, …" for n arguments.
func coveragePlaceholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}
