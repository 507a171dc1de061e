package ner

// featTable maps feature hashes to weight rows with open addressing and
// linear probing over one flat array of 8-byte slots: much less memory
// traffic than a Go map on the hot path of emissions. A slot keeps a 32-bit
// fingerprint of the hash (its high half, never 0) and the home slot comes
// from the low half, so a false match needs two independent 32-bit
// collisions.
type featTable struct {
	slots []tableSlot
	mask  uint64
	n     int
}

type tableSlot struct {
	fp  uint32 // 0: empty
	row int32
}

func newFeatTable(n int) *featTable {
	size := 16
	for size*7 < n*10 { // load factor at most 0.7
		size <<= 1
	}
	return &featTable{slots: make([]tableSlot, size), mask: uint64(size - 1)}
}

func fingerprint(h uint64) uint32 { return uint32(h>>32) | 1 }

// home is the first slot probed for h (Fibonacci hashing of the low half).
func (t *featTable) home(h uint64) uint64 {
	return (uint64(uint32(h)) * 0x9E3779B97F4A7C15 >> 20) & t.mask
}

func (t *featTable) put(h uint64, row int32) {
	fp := fingerprint(h)
	for i := t.home(h); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.fp == 0 {
			s.fp, s.row = fp, row
			t.n++
			return
		}
		if s.fp == fp {
			s.row = row
			return
		}
	}
}

func (t *featTable) get(h uint64) (int32, bool) {
	fp := fingerprint(h)
	for i := t.home(h); ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.fp == fp {
			return s.row, true
		}
		if s.fp == 0 {
			return 0, false
		}
	}
}

// flatMap is a frozen copy of a map from 64-bit hashes to small values, with
// open addressing over one array of key/value slots: the gazetteer and
// lexicon lookups of feature extraction probe it instead of a Go map.
// Unlike featTable it keeps whole keys, so it answers exactly as the map.
type flatMap[V uint8 | uint16] struct {
	slots   []flatSlot[V]
	mask    uint64
	hasZero bool // key 0 marks empty slots, so it is kept aside
	zero    V
}

type flatSlot[V uint8 | uint16] struct {
	key uint64
	val V
}

func newFlatMap[V uint8 | uint16](m map[uint64]V) *flatMap[V] {
	size := 16
	for size < 2*len(m) { // load factor at most 0.5
		size <<= 1
	}
	f := &flatMap[V]{slots: make([]flatSlot[V], size), mask: uint64(size - 1)}
	for k, v := range m {
		if k == 0 {
			f.hasZero, f.zero = true, v
			continue
		}
		i := f.home(k)
		for f.slots[i].key != 0 {
			i = (i + 1) & f.mask
		}
		f.slots[i] = flatSlot[V]{k, v}
	}
	return f
}

func (f *flatMap[V]) home(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15 >> 32) & f.mask }

func (f *flatMap[V]) get(k uint64) (V, bool) {
	if k == 0 {
		return f.zero, f.hasZero
	}
	for i := f.home(k); ; i = (i + 1) & f.mask {
		s := &f.slots[i]
		if s.key == k {
			return s.val, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}

// mixHash spreads the bits of a feature hash (the splitmix64 finalizer):
// the filter takes its word from the low bits and its bits from the high.
func mixHash(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}
