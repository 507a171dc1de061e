package dedup

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/tidings/tidings"
)

// Entry is one indexed article.
type Entry struct {
	ID string
	// Root is the id of the original this article copies, or ID itself when
	// it is an original: a copy of a copy points at the first report.
	Root string
	Sig  Signature
}

// Store persists the index. Implementations must be safe for concurrent
// use; package sqlite keeps it in the article database, MemStore in memory.
type Store interface {
	// DedupCandidates returns the entries that share at least one band key
	// with keys.
	DedupCandidates(ctx context.Context, keys []uint64) ([]Entry, error)
	// DedupAdd stores e under its band keys, replacing an entry with the
	// same id.
	DedupAdd(ctx context.Context, e Entry, keys []uint64) error
	// DedupRemove forgets the entry with this id; unknown ids are no error.
	DedupRemove(ctx context.Context, id string) error
}

// DefaultThreshold is the least estimated Jaccard similarity of word
// 5-grams at which a candidate counts as a near-duplicate. LSH with 14×8
// bands already finds pairs above ≈0.72 most of the time; this check
// drops band collisions between texts that share one passage only.
const DefaultThreshold = 0.6

// Index finds near-duplicates of articles among those it has seen.
type Index struct {
	store     Store
	threshold float64
	// mu makes Check's look-up and insert one step, so two copies checked
	// at the same time cannot both be taken for originals.
	mu sync.Mutex
}

// NewIndex returns an index over store. threshold ≤ 0 means
// DefaultThreshold.
func NewIndex(store Store, threshold float64) *Index {
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	return &Index{store: store, threshold: threshold}
}

// Match is the outcome of a look-up.
type Match struct {
	// DuplicateOf is the id of the original the text copies ("" if none).
	DuplicateOf string
	// Similarity is the estimated Jaccard similarity to the closest
	// indexed article (0 if none).
	Similarity float64
}

// Check looks a for a near-duplicate among the indexed articles and then
// adds a to the index. It returns the id of the original a copies, or ""
// when a is new. Call it before storing a, set a.DuplicateOf from it, and
// call Forget if a is then not stored after all. Articles without text are
// neither matched nor indexed.
func (ix *Index) Check(ctx context.Context, a *tidings.Article) (string, error) {
	if a.ID == "" {
		return "", errors.New("dedup: article has no id")
	}
	sig, err := Sign(a.Text)
	if errors.Is(err, ErrNoText) {
		return "", nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	m, err := ix.lookup(ctx, a.ID, &sig)
	if err != nil {
		return "", fmt.Errorf("dedup %s: %w", a.ID, err)
	}
	root := a.ID
	if m.DuplicateOf != "" {
		root = m.DuplicateOf
	}
	keys := BandKeys(&sig)
	if err := ix.store.DedupAdd(ctx, Entry{ID: a.ID, Root: root, Sig: sig}, keys[:]); err != nil {
		return "", fmt.Errorf("dedup %s: index: %w", a.ID, err)
	}
	return m.DuplicateOf, nil
}

// Lookup finds the original that text copies without indexing anything;
// id (may be "") is excluded from the matches.
func (ix *Index) Lookup(ctx context.Context, id, text string) (Match, error) {
	sig, err := Sign(text)
	if errors.Is(err, ErrNoText) {
		return Match{}, nil
	}
	return ix.lookup(ctx, id, &sig)
}

func (ix *Index) lookup(ctx context.Context, id string, sig *Signature) (Match, error) {
	keys := BandKeys(sig)
	cands, err := ix.store.DedupCandidates(ctx, keys[:])
	if err != nil {
		return Match{}, err
	}
	// Prefer the most similar candidate; among equals, the earliest root
	// (lowest id) so the answer does not depend on the store's order.
	sort.Slice(cands, func(i, j int) bool { return cands[i].ID < cands[j].ID })
	var best Match
	for i := range cands {
		c := &cands[i]
		if c.ID == id || c.Root == id {
			continue
		}
		s := Similarity(sig, &c.Sig)
		if s >= ix.threshold && s > best.Similarity {
			best = Match{DuplicateOf: c.Root, Similarity: s}
		}
	}
	return best, nil
}

// Add indexes the text of article id as a copy of root ("" or id for an
// original), without looking for matches: for callers that looked up
// first and stored the article in between.
func (ix *Index) Add(ctx context.Context, id, text, root string) error {
	sig, err := Sign(text)
	if errors.Is(err, ErrNoText) {
		return nil
	}
	if root == "" {
		root = id
	}
	keys := BandKeys(&sig)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.store.DedupAdd(ctx, Entry{ID: id, Root: root, Sig: sig}, keys[:]); err != nil {
		return fmt.Errorf("dedup %s: index: %w", id, err)
	}
	return nil
}

// Forget removes an article from the index, e.g. when the store refused it
// as an exact duplicate after Check had indexed it.
func (ix *Index) Forget(ctx context.Context, id string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.store.DedupRemove(ctx, id); err != nil {
		return fmt.Errorf("dedup: forget %s: %w", id, err)
	}
	return nil
}

// MemStore is an in-memory Store, for tests, evaluation and one-off runs.
type MemStore struct {
	mu      sync.RWMutex
	entries map[string]memEntry
	bands   map[uint64][]string
}

type memEntry struct {
	e    Entry
	keys []uint64
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{entries: map[string]memEntry{}, bands: map[uint64][]string{}}
}

// DedupCandidates implements Store.
func (m *MemStore) DedupCandidates(_ context.Context, keys []uint64) ([]Entry, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	seen := map[string]bool{}
	var out []Entry
	for _, k := range keys {
		for _, id := range m.bands[k] {
			if !seen[id] {
				seen[id] = true
				out = append(out, m.entries[id].e)
			}
		}
	}
	return out, nil
}

// DedupAdd implements Store.
func (m *MemStore) DedupAdd(ctx context.Context, e Entry, keys []uint64) error {
	m.remove(e.ID)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries[e.ID] = memEntry{e: e, keys: append([]uint64(nil), keys...)}
	for _, k := range keys {
		m.bands[k] = append(m.bands[k], e.ID)
	}
	return nil
}

// DedupRemove implements Store.
func (m *MemStore) DedupRemove(_ context.Context, id string) error {
	m.remove(id)
	return nil
}

func (m *MemStore) remove(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	old, ok := m.entries[id]
	if !ok {
		return
	}
	delete(m.entries, id)
	for _, k := range old.keys {
		ids := m.bands[k]
		for i, x := range ids {
			if x == id {
				ids = append(ids[:i], ids[i+1:]...)
				break
			}
		}
		if len(ids) == 0 {
			delete(m.bands, k)
		} else {
			m.bands[k] = ids
		}
	}
}
