package perceptron

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
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
	if sz := unsafe.Sizeof(fastSlot{}); sz != 32 {
		t.Fatalf("fastSlot is %d bytes, want 32 (two a cache line)", sz)
	}
	kinds := map[string]int{} // how each row is stored
	for _, sl := range m.fast.table {
		switch {
		case sl.n == 0:
		case sl.n == 1:
			kinds["one"]++
		case sl.n < maxInline:
			kinds["few"]++
		case sl.n == maxInline:
			kinds["full"]++
		case sl.n == denseRow:
			kinds["dense"]++
		default:
			kinds["sparse"]++
		}
	}
	nKinds := 5
	if denseMin > 256 {
		nKinds = 4 // no dense rows on this architecture
	}
	if len(kinds) != nKinds {
		t.Fatalf("rows by kind: %v; want some of each", kinds)
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

// TestAddF32 checks addF32 against the scalar float32 additions, bit for
// bit, on values that round, on zeros of both signs and on subnormals.
func TestAddF32(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 8, 16, 104, 256} {
		dst, src := make([]float32, 256), make([]float32, n)
		for i := range dst {
			dst[i] = float32(rng.NormFloat64())
		}
		for i := range src {
			src[i] = float32(rng.NormFloat64() * 1e-3)
		}
		if n > 0 {
			src[0], dst[1], src[1] = float32(math.Copysign(0, -1)), 0, 0
			dst[2], src[2] = math.SmallestNonzeroFloat32, math.SmallestNonzeroFloat32
		}
		want := slices.Clone(dst)
		for i, w := range src {
			want[i] += w
		}
		addF32(dst, src)
		for i := range dst {
			if math.Float32bits(dst[i]) != math.Float32bits(want[i]) {
				t.Fatalf("n=%d: dst[%d] = %v, want %v", n, i, dst[i], want[i])
			}
		}
	}
}
