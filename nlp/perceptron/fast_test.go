package perceptron

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFastScoresMatchSlow checks that a model read from disk, which scores
// with the compact table, adds exactly (bit for bit) what the general path
// adds, over rows of one, two, a few and all classes and over features
// absent from the model.
func TestFastScoresMatchSlow(t *testing.T) {
	const nc = 40
	rng := rand.New(rand.NewPCG(1, 2))
	feats := []uint64{0} // stored as 1
	for f := range 3000 {
		feats = append(feats, Hash1(7, uint64(f)))
	}
	slices.Sort(feats) // WriteTo delta-encodes keys in order
	b := newBuilder(nc)
	for f, k := range feats {
		n := 1 + rng.IntN(3)
		if f%10 == 0 {
			n = 1 + rng.IntN(nc)
		}
		var cls []uint16
		var ws []float32
		for c := range nc {
			if rng.IntN(nc) < n {
				cls = append(cls, uint16(c))
				ws = append(ws, float32(rng.NormFloat64()))
			}
		}
		b.add(k, cls, ws)
	}
	m0 := b.build()
	var buf bytes.Buffer
	if _, err := m0.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m.fast == nil {
		t.Fatal("read model has no fast table")
	}
	kinds := map[uint64]int{} // row length: 1, 2 inline, 3 for more
	for _, sl := range m.fast.table {
		switch {
		case sl.v&inlineBit != 0:
			kinds[sl.v>>48&3]++
		case sl.v != 0:
			kinds[3]++
		}
	}
	if kinds[1] == 0 || kinds[2] == 0 || kinds[3] == 0 {
		t.Fatalf("rows of 1, 2 and more weights: %v; want some of each", kinds)
	}
	slow := m.Prune(0) // the same rows, built for the general path
	if slow.fast != nil {
		t.Fatal("Prune: built a fast table")
	}
	got, want := make([]float32, nc), make([]float32, nc)
	for i := range 500 {
		q := make([]uint64, 1+rng.IntN(150))
		for j := range q {
			q[j] = feats[rng.IntN(len(feats))]
			if j%5 == 0 {
				q[j] = Hash1(8, uint64(i*1000+j)) // not in the model
			}
		}
		clear(got)
		clear(want)
		m.Scores(q, got)
		slow.Scores(q, want)
		for c := range got {
			if math.Float32bits(got[c]) != math.Float32bits(want[c]) {
				t.Fatalf("query %d class %d: fast %v, slow %v", i, c, got[c], want[c])
			}
		}
	}
}
