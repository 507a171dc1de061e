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
// with the compact table, gives exactly scale times the integer sum of the
// quantized weights the general path holds (as floats), over rows of one,
// two, a few and all classes and over features absent from the model.
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
	scale := m.fast.scale
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
		sums, one := make([]int32, nc), make([]float32, nc)
		for _, k := range q {
			clear(one)
			slow.Scores([]uint64{k}, one)
			for c, w := range one {
				sums[c] += int32(math.Round(float64(w) / float64(scale)))
			}
		}
		for c := range got {
			if d := math.Abs(float64(got[c] - want[c])); d > 1e-3*(1+math.Abs(float64(want[c]))) {
				t.Fatalf("query %d class %d: fast %v, general path %v", i, c, got[c], want[c])
			}
			want[c] = float32(sums[c]) * scale
		}
		for c := range got {
			if math.Float32bits(got[c]) != math.Float32bits(want[c]) {
				t.Fatalf("query %d class %d: fast %v, slow %v", i, c, got[c], want[c])
			}
		}
	}
}

// TestAddRows checks the vector adders against addRowsGo on random rows,
// including the extreme int16 values.
func TestAddRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, width := range []int{16, 32, 112, 256} {
		pd := make([]int16, 40*width)
		for i := range pd {
			pd[i] = int16(rng.IntN(1 << 16))
		}
		pd[0], pd[1] = math.MinInt16, math.MaxInt16
		for _, nrows := range []int{1, 2, 7, 40} {
			offs := make([]uint32, nrows)
			for i := range offs {
				offs[i] = uint32(rng.IntN(40) * width)
			}
			acc0 := make([]int32, width)
			for i := range acc0 {
				acc0[i] = int32(rng.IntN(1<<20)) - 1<<19
			}
			want := slices.Clone(acc0)
			addRowsGo(want, pd, offs)
			got := slices.Clone(acc0)
			addRows(got, pd, offs)
			if !slices.Equal(got, want) {
				t.Fatalf("width %d rows %d: addRows differs from addRowsGo", width, nrows)
			}
		}
	}
}
