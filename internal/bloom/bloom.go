// Package bloom holds a blocked Bloom filter of 64-bit hashes: four bits of
// one 64-bit word, picked by the hash, stand for each key. It answers
// "surely not in the set" from one probe of an array of under 3 bytes a key,
// small enough to stay in the CPU's caches, where a miss in a big map costs
// a cache miss or two; callers look up in the map only the hashes it lets
// through (the keys and a fraction of a percent of the others), so their
// answers do not change. Hashes must be well mixed: the word comes from the
// low bits and the four bits from the high ones.
package bloom

// Filter is a blocked Bloom filter. The zero value is not usable; make one
// with New. It is safe for concurrent reads once built.
type Filter struct {
	words []uint64
	mask  uint64
}

// New returns an empty filter sized for n keys (about 20 bits a key).
func New(n int) *Filter {
	size := 64
	for size < n/3 {
		size <<= 1
	}
	return &Filter{words: make([]uint64, size), mask: uint64(size - 1)}
}

// bits are the four bits of the word of hash h.
func bits(h uint64) uint64 {
	return 1<<(h>>40&63) | 1<<(h>>46&63) | 1<<(h>>52&63) | 1<<(h>>58&63)
}

// Add puts hash h in the set.
func (f *Filter) Add(h uint64) { f.words[h&f.mask] |= bits(h) }

// MayHave reports whether h may be in the set; false means it is not.
func (f *Filter) MayHave(h uint64) bool {
	b := bits(h)
	return f.words[h&f.mask]&b == b
}

// Word returns the filter word of h. Callers testing a batch of hashes read
// all their words first, so that the cache misses overlap.
func (f *Filter) Word(h uint64) uint64 { return f.words[h&f.mask] }
