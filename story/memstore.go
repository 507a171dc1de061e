package story

import (
	"context"
	"maps"
	"sort"
	"sync"
	"time"
)

// MemStore is an in-memory Store, for tests and evaluation. Articles'
// stories are recorded with SetStoryOf (a database finds them in its
// article table).
type MemStore struct {
	mu      sync.Mutex
	df      map[string]int
	n       int
	stories map[string]*Story
	byTerm  map[string]map[string]bool
	of      map[string]string
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{
		df:      map[string]int{},
		stories: map[string]*Story{},
		byTerm:  map[string]map[string]bool{},
		of:      map[string]string{},
	}
}

// SetStoryOf records that article id belongs to story.
func (m *MemStore) SetStoryOf(id, story string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.of[id] = story
}

// StoryOf implements Store.
func (m *MemStore) StoryOf(_ context.Context, id string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.of[id], nil
}

// DocFreqs implements Store.
func (m *MemStore) DocFreqs(_ context.Context, terms []string) (map[string]int, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]int, len(terms))
	for _, t := range terms {
		if n := m.df[t]; n > 0 {
			out[t] = n
		}
	}
	return out, m.n, nil
}

// AddDoc implements Store.
func (m *MemStore) AddDoc(_ context.Context, terms []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.n++
	for _, t := range terms {
		m.df[t]++
	}
	return nil
}

// Candidates implements Store.
func (m *MemStore) Candidates(_ context.Context, terms []string, from, to time.Time, limit int) ([]*Story, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	seen := map[string]bool{}
	var out []*Story
	for _, t := range terms {
		for id := range m.byTerm[t] {
			s := m.stories[id]
			if seen[id] || s.Last.Before(from) || s.First.After(to) {
				continue
			}
			seen[id] = true
			out = append(out, clone(s))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Last.After(out[j].Last) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// LoadStory implements Store.
func (m *MemStore) LoadStory(_ context.Context, id string) (*Story, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s, ok := m.stories[id]; ok {
		return clone(s), nil
	}
	return nil, nil
}

// SaveStory implements Store.
func (m *MemStore) SaveStory(_ context.Context, s *Story) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.stories[s.ID]; ok {
		for t := range old.Centroid {
			delete(m.byTerm[t], s.ID)
		}
	}
	m.stories[s.ID] = clone(s)
	for t := range s.Centroid {
		if m.byTerm[t] == nil {
			m.byTerm[t] = map[string]bool{}
		}
		m.byTerm[t][s.ID] = true
	}
	return nil
}

func clone(s *Story) *Story {
	c := *s
	c.Centroid = maps.Clone(s.Centroid)
	if c.Centroid == nil {
		c.Centroid = Vector{}
	}
	return &c
}
