package perceptron

import (
	"bytes"
	"fmt"
	"testing"
)

// TestLearnAndRoundTrip trains on a separable toy problem (class = which
// of three features is present) and checks the written model predicts the
// same.
func TestLearnAndRoundTrip(t *testing.T) {
	tr := NewTrainer(3)
	data := [][]uint64{{Hash1(1, 10), Hash1(9, 0)}, {Hash1(1, 11), Hash1(9, 0)}, {Hash1(1, 12), Hash1(9, 0)}}
	scores := make([]float32, 3)
	for it := 0; it < 5; it++ {
		for gold, feats := range data {
			tr.Tick()
			clear(scores)
			tr.Scores(feats, scores)
			best := 0
			for k := range scores {
				if scores[k] > scores[best] {
					best = k
				}
			}
			tr.Update(feats, gold, best)
		}
	}
	m := tr.Model(0)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for gold, feats := range data {
		for _, mm := range []*Model{m, m2} {
			clear(scores)
			mm.Scores(feats, scores)
			for k := range scores {
				if k != gold && scores[k] >= scores[gold] {
					t.Errorf("instance %d: class %d scores %v", gold, k, scores)
				}
			}
		}
	}
	if _, err := Read(bytes.NewReader([]byte("TDPC1garbage"))); err == nil {
		t.Error("Read of garbage: no error")
	}
}

// TestTupleDistinct checks that Tuple1..3 give distinct keys over small
// integers (labels, distances, valencies), across templates and arities.
func TestTupleDistinct(t *testing.T) {
	seen := map[uint64]string{}
	add := func(k uint64, what string) {
		if prev, ok := seen[k]; ok {
			t.Fatalf("%s and %s share key %x", prev, what, k)
		}
		seen[k] = what
	}
	for tmpl := uint64(0); tmpl < 8; tmpl++ {
		for a := uint64(0); a < 16; a++ {
			add(Tuple1(tmpl, a), fmt.Sprint("1:", tmpl, a))
			for b := uint64(0); b < 16; b++ {
				add(Tuple2(tmpl+8, a, b), fmt.Sprint("2:", tmpl, a, b))
				for c := uint64(0); c < 16; c++ {
					add(Tuple3(tmpl+16, a, b, c), fmt.Sprint("3:", tmpl, a, b, c))
				}
			}
		}
	}
}
