package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tidings/tidings/feed"
)

// The methods of this file make *DB a feed.State: which feed items were
// already fetched, and each feed's validators for conditional GETs, kept
// beside the articles so "tidings watch" fetches nothing twice across
// restarts.
var _ feed.State = (*DB)(nil)

// FeedState returns the validators remembered for a feed URL.
func (db *DB) FeedState(ctx context.Context, feedURL string) (feed.Conditional, error) {
	var c feed.Conditional
	err := db.read.QueryRowContext(ctx, `SELECT etag, last_modified FROM feed_state WHERE url = ?`, feedURL).
		Scan(&c.ETag, &c.LastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return feed.Conditional{}, nil
	}
	if err != nil {
		return c, fmt.Errorf("feed state %s: %w", feedURL, err)
	}
	return c, nil
}

// SaveFeedState records a feed's validators and when it was checked.
func (db *DB) SaveFeedState(ctx context.Context, feedURL string, c feed.Conditional, checked time.Time) error {
	return db.feedWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feed_state(url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
			ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
				checked_at = excluded.checked_at`,
			feedURL, c.ETag, c.LastModified, checked.Unix())
		if err != nil {
			return fmt.Errorf("save feed state %s: %w", feedURL, err)
		}
		return nil
	})
}

// ItemState returns what is remembered of a feed item (zero if unseen).
func (db *DB) ItemState(ctx context.Context, key string) (feed.ItemState, error) {
	var st feed.ItemState
	err := db.read.QueryRowContext(ctx, `SELECT status, attempts FROM feed_items WHERE item_key = ?`, key).
		Scan(&st.Status, &st.Attempts)
	if errors.Is(err, sql.ErrNoRows) {
		return feed.ItemState{}, nil
	}
	if err != nil {
		return st, fmt.Errorf("feed item %s: %w", key, err)
	}
	return st, nil
}

// SaveItemState records the outcome of a feed item.
func (db *DB) SaveItemState(ctx context.Context, feedURL, key string, st feed.ItemState) error {
	return db.feedWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feed_items(item_key, feed, status, attempts, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(item_key) DO UPDATE SET feed = excluded.feed, status = excluded.status,
				attempts = excluded.attempts, updated_at = excluded.updated_at`,
			key, feedURL, st.Status, st.Attempts, db.now().Unix())
		if err != nil {
			return fmt.Errorf("save feed item %s: %w", key, err)
		}
		return nil
	})
}

// feedWriteTx runs f in a write transaction and commits it.
func (db *DB) feedWriteTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}
