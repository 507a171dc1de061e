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

// TestHashFilter checks that the gazetteer's filter lets every phrase
// through, so that get answers exactly as the flat map, and that it keeps
// most other hashes out.
func TestHashFilter(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for h, v := range g.phrases {
		if got, ok := g.get(h); !ok || got != v {
			t.Fatalf("get(%#x) = %d, %v; want %d, true", h, got, ok, v)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	passed := 0
	const n = 100000
	for range n {
		h := rng.Uint64()
		want, wantOK := g.flat.get(h)
		if got, ok := g.get(h); got != want || ok != wantOK {
			t.Fatalf("get(%#x) = %d, %v; want %d, %v", h, got, ok, want, wantOK)
		}
		if g.filter.MayHave(mixHash(h)) {
			passed++
		}
	}
	if passed > n/100 {
		t.Errorf("the filter lets %d of %d random hashes through", passed, n)
	}
	t.Logf("%d of %d random hashes passed the filter", passed, n)
}
