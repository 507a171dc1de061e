package story

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/tidings/tidings"
)

// Story is a cluster of reports of one event.
type Story struct {
	// ID is the id of the story's first article.
	ID          string
	First, Last time.Time
	Size        int
	// Centroid is the sum of the members' unit vectors, trimmed to
	// CentroidTerms terms.
	Centroid Vector
}

// Store keeps stories and document frequencies. Package sqlite keeps them
// in the article database (inside Put's transaction); MemStore in memory.
type Store interface {
	// StoryOf returns the story of a stored article, or "".
	StoryOf(ctx context.Context, articleID string) (string, error)
	// DocFreqs returns how many documents contain each term, and how many
	// documents there are.
	DocFreqs(ctx context.Context, terms []string) (df map[string]int, n int, err error)
	// AddDoc counts one more document containing terms.
	AddDoc(ctx context.Context, terms []string) error
	// Candidates returns the stories, at most limit, whose centroid has
	// any of terms and whose span [First, Last] comes within [from, to].
	Candidates(ctx context.Context, terms []string, from, to time.Time, limit int) ([]*Story, error)
	// LoadStory returns the story with this id, or nil.
	LoadStory(ctx context.Context, id string) (*Story, error)
	// SaveStory creates or replaces a story.
	SaveStory(ctx context.Context, s *Story) error
}

// Options tune the clustering; zero values take the defaults.
type Options struct {
	// Threshold is the least cosine similarity between an article and a
	// story's centroid for the article to join it (default 0.3).
	Threshold float64
	// Window is how far apart in time reports of one event may be
	// (default 3 days).
	Window time.Duration
}

// Defaults, tuned with "tidings eval dedup" on the VOA stories and their
// synthetic rewrites.
const (
	DefaultThreshold = 0.3
	DefaultWindow    = 72 * time.Hour
	// ArticleTerms is the size of an article's vector; CentroidTerms of a
	// story's; QueryTerms how many of an article's heaviest terms look up
	// candidate stories.
	ArticleTerms   = 60
	CentroidTerms  = 120
	QueryTerms     = 15
	maxCandidates  = 200
	minStoryWeight = 1e-6
)

// Clusterer assigns articles to stories.
type Clusterer struct {
	store Store
	opts  Options
	// mu makes look-up and update one step for concurrent callers.
	mu sync.Mutex
}

// New returns a Clusterer over store.
func New(store Store, opts Options) *Clusterer {
	if opts.Threshold <= 0 {
		opts.Threshold = DefaultThreshold
	}
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	return &Clusterer{store: store, opts: opts}
}

// Assign returns the story of a and records a in it. A near-duplicate
// (a.DuplicateOf set) joins its original's story. An article's time is
// its publication date, else now. Articles without id are refused.
func (c *Clusterer) Assign(ctx context.Context, a *tidings.Article, now time.Time) (string, error) {
	if a.ID == "" {
		return "", errors.New("story: article has no id")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	t := now
	if a.Published != nil {
		t = *a.Published
	}
	if a.DuplicateOf != nil && *a.DuplicateOf != "" {
		id, err := c.store.StoryOf(ctx, *a.DuplicateOf)
		if err != nil {
			return "", fmt.Errorf("story of %s: %w", a.ID, err)
		}
		if id != "" {
			return id, c.touch(ctx, id, t)
		}
	}
	tf := TermFreqs(a)
	terms := make([]string, 0, len(tf))
	for term := range tf {
		terms = append(terms, term)
	}
	df, n, err := c.store.DocFreqs(ctx, terms)
	if err != nil {
		return "", fmt.Errorf("story of %s: %w", a.ID, err)
	}
	v := Weigh(tf, df, n, ArticleTerms)
	if err := c.store.AddDoc(ctx, terms); err != nil {
		return "", fmt.Errorf("story of %s: %w", a.ID, err)
	}
	best, score, err := c.best(ctx, v, t)
	if err != nil {
		return "", fmt.Errorf("story of %s: %w", a.ID, err)
	}
	if best == nil || score < c.opts.Threshold {
		best = &Story{ID: a.ID, First: t, Last: t, Centroid: Vector{}}
	}
	join(best, v, t)
	if err := c.store.SaveStory(ctx, best); err != nil {
		return "", fmt.Errorf("story of %s: %w", a.ID, err)
	}
	return best.ID, nil
}

// best finds the candidate story most similar to v around time t.
func (c *Clusterer) best(ctx context.Context, v Vector, t time.Time) (*Story, float64, error) {
	query := sortedTerms(v)
	if len(query) > QueryTerms {
		query = query[:QueryTerms]
	}
	if len(query) == 0 {
		return nil, 0, nil
	}
	cands, err := c.store.Candidates(ctx, query, t.Add(-c.opts.Window), t.Add(c.opts.Window), maxCandidates)
	if err != nil {
		return nil, 0, err
	}
	var best *Story
	var score float64
	for _, s := range cands {
		if x := Cosine(v, s.Centroid); x > score || (x == score && best != nil && s.ID < best.ID) {
			best, score = s, x
		}
	}
	return best, score, nil
}

// join adds a unit vector v at time t to s.
func join(s *Story, v Vector, t time.Time) {
	for term, x := range v {
		s.Centroid[term] += x
	}
	s.Centroid = top(s.Centroid, CentroidTerms)
	for term, x := range s.Centroid {
		if x < minStoryWeight {
			delete(s.Centroid, term)
		}
	}
	s.Size++
	if s.Size == 1 || t.Before(s.First) {
		s.First = t
	}
	if s.Size == 1 || t.After(s.Last) {
		s.Last = t
	}
}

// touch records one more (duplicate) member of story id at time t without
// moving its centroid: copies must not outweigh independent reports.
func (c *Clusterer) touch(ctx context.Context, id string, t time.Time) error {
	s, err := c.store.LoadStory(ctx, id)
	if err != nil || s == nil {
		return err
	}
	s.Size++
	if t.Before(s.First) {
		s.First = t
	}
	if t.After(s.Last) {
		s.Last = t
	}
	return c.store.SaveStory(ctx, s)
}
