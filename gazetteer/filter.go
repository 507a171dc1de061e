package gazetteer

import (
	"hash/maphash"

	"github.com/tidings/tidings/internal/bloom"
)

// keyFilter is a Bloom filter (internal/bloom) of the keys of a map of
// names, hashed with a seed of its own: it rules out most non-names before
// the map is probed.
type keyFilter struct {
	seed maphash.Seed
	*bloom.Filter
}

// newKeyFilter returns a filter of the keys of m.
func newKeyFilter[V any](m map[string]V) *keyFilter {
	f := &keyFilter{seed: maphash.MakeSeed(), Filter: bloom.New(len(m))}
	for k := range m {
		f.Add(maphash.String(f.seed, k))
	}
	return f
}

// keyHash is the hash of Key(name) that the filter keeps, computed
// without allocating for ASCII names of up to 64 bytes.
func (f *keyFilter) keyHash(name string) uint64 {
	if len(name) <= 64 && isASCII(name) {
		if isKeyASCII(name) {
			return maphash.String(f.seed, name)
		}
		var buf [64]byte
		return maphash.Bytes(f.seed, appendKeyASCII(buf[:0], name))
	}
	return maphash.String(f.seed, Key(name))
}

// filteredLookup is lookup (m[Key(name)]) that first asks f, a filter of
// the keys of m, and only probes m for the names it lets through.
func filteredLookup[V any](f *keyFilter, m map[string]V, name string) (V, bool) {
	if f != nil && !f.MayHave(f.keyHash(name)) {
		var zero V
		return zero, false
	}
	return lookup(m, name)
}

// filteredLookups sets out[k], ok[k] to filteredLookup(f, m, names[k]) for
// every k; ok may be nil. It reads the filter's words for a batch of names
// before it tests any, so that their cache misses overlap: the filter is
// small, but between two documents the parser's tables push it out of the
// caches.
func filteredLookups[V any](f *keyFilter, m map[string]V, names []string, out []V, ok []bool) {
	if f == nil { // a DB not built by load
		for k, name := range names {
			v, found := lookup(m, name)
			out[k] = v
			if ok != nil {
				ok[k] = found
			}
		}
		return
	}
	var hs [32]uint64
	for len(names) > 0 {
		n := min(len(names), len(hs))
		f.hashBatch(names[:n], hs[:n])
		for k, name := range names[:n] {
			var v V
			found := false
			if f.MayHave(hs[k]) {
				v, found = lookup(m, name)
			}
			out[k] = v
			if ok != nil {
				ok[k] = found
			}
		}
		names, out = names[n:], out[n:]
		if ok != nil {
			ok = ok[n:]
		}
	}
}

// hashBatch sets hs[k] to the key hash of names[k] and reads the filter
// word of every one before any test, so that their cache misses overlap.
func (f *keyFilter) hashBatch(names []string, hs []uint64) {
	var sink uint64
	for k, name := range names {
		hs[k] = f.keyHash(name)
		sink += f.Word(hs[k])
	}
	if sink == 1 { // never mind the value; keeps the loads alive
		hs[0] |= 0
	}
}

// mayHaveAll sets may[k] to whether the key of names[k] may be in the set,
// for every k, reading the filter's words for a batch of names before it
// tests any (see filteredLookups).
func (f *keyFilter) mayHaveAll(names []string, may []bool) {
	if f == nil { // a DB not built by load: anything may be a name
		for k := range may[:len(names)] {
			may[k] = true
		}
		return
	}
	var hs [32]uint64
	for len(names) > 0 {
		n := min(len(names), len(hs))
		f.hashBatch(names[:n], hs[:n])
		for k := range names[:n] {
			may[k] = f.MayHave(hs[k])
		}
		names, may = names[n:], may[n:]
	}
}
