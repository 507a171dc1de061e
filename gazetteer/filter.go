package gazetteer

import "hash/maphash"

// keyFilter is a Bloom filter of a set of keys, blocked to one 64-bit word
// per key: four bits of the word a key's hash picks are set. It answers
// "surely not a key" from one probe of a table small enough to stay in the
// CPU's caches (under 3 bytes a key), where a miss in a big Go map costs
// a cache miss or two; the strings it lets through (the keys and a
// fraction of a percent of the others) are looked up in the map as
// before, so the answers do not change.
type keyFilter struct {
	seed  maphash.Seed
	words []uint64
	mask  uint64
}

// newKeyFilter returns a filter of the keys of m.
func newKeyFilter[V any](m map[string]V) *keyFilter {
	n := 64
	for n < len(m)/3 { // about 19 bits a key
		n <<= 1
	}
	f := &keyFilter{seed: maphash.MakeSeed(), words: make([]uint64, n), mask: uint64(n - 1)}
	for k := range m {
		f.add(maphash.String(f.seed, k))
	}
	return f
}

// filterBits are the four bits of the word of hash h.
func filterBits(h uint64) uint64 {
	return 1<<(h>>40&63) | 1<<(h>>46&63) | 1<<(h>>52&63) | 1<<(h>>58&63)
}

func (f *keyFilter) add(h uint64) { f.words[h&f.mask] |= filterBits(h) }

// mayHave reports whether the key of hash h may be in the set.
func (f *keyFilter) mayHave(h uint64) bool {
	b := filterBits(h)
	return f.words[h&f.mask]&b == b
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
	if f != nil && !f.mayHave(f.keyHash(name)) {
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
			if f.mayHave(hs[k]) {
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
		sink += f.words[hs[k]&f.mask]
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
			may[k] = f.mayHave(hs[k])
		}
		names, may = names[n:], may[n:]
	}
}
