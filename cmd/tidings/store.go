package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/tidings/tidings/sqlite"
)

// openWriter opens (or creates) the store for commands that add articles:
// near-duplicates get duplicate_of and every article a story, inside the
// same transaction as the article, whichever command wrote it.
func openWriter(ctx context.Context, path string) (*sqlite.DB, error) {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	db.EnableCoverage()
	return db, nil
}

// openExisting opens the store for commands that only read it, refusing to
// create an empty one where the user mistyped the path.
func openExisting(ctx context.Context, path string) (*sqlite.DB, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no store at %s: run tidings ingest first", path)
	}
	return sqlite.Open(ctx, path)
}
