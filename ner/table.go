package ner

// featTable maps feature hashes to weight rows with open addressing and
// linear probing: one flat array, faster than a Go map on the hot path of
// emissions. Hash 0 marks an empty slot (a feature hashing to 0 is dropped).
type featTable struct {
	slots []tableSlot
	mask  uint64
	shift uint
	n     int
}

type tableSlot struct {
	key uint64
	row int32
}

func newFeatTable(n int) *featTable {
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	return &featTable{slots: make([]tableSlot, size), mask: uint64(size - 1), shift: 64 - bits}
}

// home is the first slot probed for h (Fibonacci hashing spreads the FNV
// hashes' high bits over the table).
func (t *featTable) home(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> t.shift }

func (t *featTable) put(h uint64, row int32) {
	if h == 0 {
		return
	}
	for i := t.home(h); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == 0 {
			s.key, s.row = h, row
			t.n++
			return
		}
		if s.key == h {
			s.row = row
			return
		}
	}
}

func (t *featTable) get(h uint64) (int32, bool) {
	for i := t.home(h); ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.key == h && h != 0 {
			return s.row, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}
