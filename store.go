package tidings

import (
	"context"
	"time"
)

// PutStatus says what a Store did with an article.
type PutStatus int

const (
	// Stored: the article is new and was written with all its facts.
	Stored PutStatus = iota
	// Duplicate: the same article (same normalized URL, or same cleaned text
	// when it has no URL) is already stored; nothing was written.
	Duplicate
)

// Store keeps article records and answers queries over them. Put writes one
// article and all its facts atomically.
type Store interface {
	Put(ctx context.Context, a *Article) (PutStatus, error)
	Get(ctx context.Context, id string) (*Article, error)
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	Close() error
}

// SearchQuery selects stored articles. Text uses SQLite FTS5 syntax
// (phrases, AND/OR/NOT, prefix*); empty Text matches everything.
type SearchQuery struct {
	Text     string
	From, To *time.Time
	Source   string
	Language string
	// Sort is "date" (newest first, the default) or "rank".
	Sort   string
	Limit  int
	Cursor string
	// Stories collapses the hits to one per story (its earliest matching
	// report, with Hit.Reports set); near-duplicates are left out.
	Stories bool
}

// Hit is one search result.
type Hit struct {
	ID          string     `json:"id"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	Source      string     `json:"source"`
	Published   *time.Time `json:"published"`
	Language    string     `json:"language"`
	Snippet     string     `json:"snippet"`
	DuplicateOf *string    `json:"duplicate_of"`
	Story       *string    `json:"story"`
	// Reports is, in a search collapsed to stories, the number of the
	// story's reports that match; 0 otherwise.
	Reports int `json:"reports,omitempty"`
}

// SearchResult is a page of hits.
type SearchResult struct {
	Hits  []Hit  `json:"articles"`
	Total int    `json:"total"`
	Next  string `json:"next,omitempty"`
}
