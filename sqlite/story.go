package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/story"
)

// txStory is story.Store over one transaction (Put's).
type txStory struct{ tx *sql.Tx }

// StoryOf implements story.Store.
func (s txStory) StoryOf(ctx context.Context, articleID string) (string, error) {
	var id sql.NullString
	err := s.tx.QueryRowContext(ctx, `SELECT story FROM articles WHERE id = ?`, articleID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("story of %s: %w", articleID, err)
	}
	return id.String, nil
}

// DocFreqs implements story.Store.
func (s txStory) DocFreqs(ctx context.Context, terms []string) (map[string]int, int, error) {
	df := make(map[string]int, len(terms))
	list, err := json.Marshal(terms)
	if err != nil {
		return nil, 0, err
	}
	rows, err := s.tx.QueryContext(ctx, `SELECT d.term, d.n FROM json_each(?) j JOIN story_df d ON d.term = j.value`, string(list))
	if err != nil {
		return nil, 0, fmt.Errorf("document frequencies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, 0, fmt.Errorf("document frequencies: %w", err)
		}
		df[t] = n
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("document frequencies: %w", err)
	}
	var n int
	err = s.tx.QueryRowContext(ctx, `SELECT value FROM story_meta WHERE key = 'documents'`).Scan(&n)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("document count: %w", err)
	}
	return df, n, nil
}

// AddDoc implements story.Store.
func (s txStory) AddDoc(ctx context.Context, terms []string) error {
	if _, err := s.tx.ExecContext(ctx, `INSERT INTO story_meta(key, value) VALUES ('documents', 1)
		ON CONFLICT(key) DO UPDATE SET value = value + 1`); err != nil {
		return fmt.Errorf("document count: %w", err)
	}
	list, err := json.Marshal(terms)
	if err != nil {
		return err
	}
	if _, err := s.tx.ExecContext(ctx, `INSERT INTO story_df(term, n) SELECT DISTINCT value, 1 FROM json_each(?) WHERE true
		ON CONFLICT(term) DO UPDATE SET n = n + 1`, string(list)); err != nil {
		return fmt.Errorf("document frequencies: %w", err)
	}
	return nil
}

// Candidates implements story.Store.
func (s txStory) Candidates(ctx context.Context, terms []string, from, to time.Time, limit int) ([]*story.Story, error) {
	if len(terms) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(terms)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.tx.QueryContext(ctx, `SELECT id, first_seen, last_seen, size, centroid FROM stories
		WHERE id IN (SELECT t.story_id FROM json_each(?) j JOIN story_terms t ON t.term = j.value)
		  AND last_seen >= ? AND first_seen <= ?
		ORDER BY last_seen DESC LIMIT ?`, string(list), from.Unix(), to.Unix(), limit)
	if err != nil {
		return nil, fmt.Errorf("candidate stories: %w", err)
	}
	defer rows.Close()
	var out []*story.Story
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("candidate stories: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// LoadStory implements story.Store.
func (s txStory) LoadStory(ctx context.Context, id string) (*story.Story, error) {
	row := s.tx.QueryRowContext(ctx, `SELECT id, first_seen, last_seen, size, centroid FROM stories WHERE id = ?`, id)
	st, err := scanStory(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	return st, nil
}

func scanStory(row interface{ Scan(...any) error }) (*story.Story, error) {
	var st story.Story
	var first, last int64
	var centroid string
	if err := row.Scan(&st.ID, &first, &last, &st.Size, &centroid); err != nil {
		return nil, err
	}
	st.First, st.Last = time.Unix(first, 0).UTC(), time.Unix(last, 0).UTC()
	if err := json.Unmarshal([]byte(centroid), &st.Centroid); err != nil {
		return nil, fmt.Errorf("story %s: centroid: %w", st.ID, err)
	}
	if st.Centroid == nil {
		st.Centroid = story.Vector{}
	}
	return &st, nil
}

// SaveStory implements story.Store.
func (s txStory) SaveStory(ctx context.Context, st *story.Story) error {
	centroid, err := json.Marshal(st.Centroid)
	if err != nil {
		return fmt.Errorf("story %s: %w", st.ID, err)
	}
	if _, err := s.tx.ExecContext(ctx, `INSERT INTO stories(id, first_seen, last_seen, size, centroid)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET first_seen = excluded.first_seen, last_seen = excluded.last_seen,
			size = excluded.size, centroid = excluded.centroid`,
		st.ID, st.First.Unix(), st.Last.Unix(), st.Size, string(centroid)); err != nil {
		return fmt.Errorf("story %s: %w", st.ID, err)
	}
	if _, err := s.tx.ExecContext(ctx, `DELETE FROM story_terms WHERE story_id = ?`, st.ID); err != nil {
		return fmt.Errorf("story %s: terms: %w", st.ID, err)
	}
	terms := make([]string, 0, len(st.Centroid))
	for t := range st.Centroid {
		terms = append(terms, t)
	}
	list, err := json.Marshal(terms)
	if err != nil {
		return err
	}
	if _, err := s.tx.ExecContext(ctx, `INSERT OR IGNORE INTO story_terms(term, story_id) SELECT value, ? FROM json_each(?)`,
		st.ID, string(list)); err != nil {
		return fmt.Errorf("story %s: terms: %w", st.ID, err)
	}
	return nil
}

// maxStoryArticles bounds the reports read for one story's summary.
const maxStoryArticles = 1000

// StoryCasualties returns the casualty figures of a story's reports as
// ranges, one per kind, with each source's number (see story.Casualties);
// near-duplicates are left out.
func (db *DB) StoryCasualties(ctx context.Context, storyID string) ([]story.CasualtyRange, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, source, duplicate_of, json_extract(record, '$.counts')
		FROM articles WHERE story = ? ORDER BY ifnull(published, 0), seq LIMIT ?`, storyID, maxStoryArticles)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", storyID, err)
	}
	defer rows.Close()
	var arts []*tidings.Article
	for rows.Next() {
		a := &tidings.Article{}
		var dup, counts sql.NullString
		if err := rows.Scan(&a.ID, &a.Source, &dup, &counts); err != nil {
			return nil, fmt.Errorf("story %s: %w", storyID, err)
		}
		if dup.Valid {
			a.DuplicateOf = &dup.String
		}
		if counts.Valid && counts.String != "" {
			if err := json.Unmarshal([]byte(counts.String), &a.Counts); err != nil {
				return nil, fmt.Errorf("story %s: article %s: counts: %w", storyID, a.ID, err)
			}
		}
		arts = append(arts, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story %s: %w", storyID, err)
	}
	return story.Casualties(arts), nil
}
