package ner

import (
	"math/rand/v2"
	"testing"
)

// TestFlatMapMatchesMap checks that flatMap answers as the map it copies,
// for present and absent keys, including the key 0.
func TestFlatMapMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, withZero := range []bool{false, true} {
		m := make(map[uint64]uint16)
		for i := 0; i < 5000; i++ {
			m[rng.Uint64()|1] = uint16(rng.Uint32())
		}
		if withZero {
			m[0] = 42
		}
		f := newFlatMap(m)
		for k, v := range m {
			if got, ok := f.get(k); !ok || got != v {
				t.Fatalf("get(%d) = %d, %v; want %d", k, got, ok, v)
			}
		}
		for i := 0; i < 5000; i++ {
			k := rng.Uint64() &^ 1
			_, want := m[k]
			if _, ok := f.get(k); ok != want {
				t.Fatalf("get(%d) found %v, want %v", k, ok, want)
			}
		}
	}
}
