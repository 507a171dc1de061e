package ner

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestJointSlotRoundTrip checks that weights read back as stored, extremes
// included, and that setting one does not disturb the others.
func TestJointSlotRoundTrip(t *testing.T) {
	var s jointSlot
	for j := range rowWeights {
		s.setWeight(j, 0)
	}
	vals := []int16{math.MinInt16, -1, 0, 1, math.MaxInt16, 12345, -12345}
	for j := range rowWeights {
		s.setWeight(j, vals[j%len(vals)])
	}
	for j := range rowWeights {
		if got, want := s.weight(j), vals[j%len(vals)]; got != want {
			t.Errorf("weight %d = %d, want %d", j, got, want)
		}
	}
}

// TestAddRowsMatchesNaive compares addRows with weight-by-weight sums.
func TestAddRowsMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	tests := []struct {
		name string
		n    int
		w    func() int16
	}{
		{"none", 0, nil},
		{"one", 1, func() int16 { return int16(rng.IntN(1 << 16)) }},
		{"random", 64, func() int16 { return int16(rng.IntN(1 << 16)) }},
		{"all min", 64, func() int16 { return math.MinInt16 }},
		{"all max", 64, func() int16 { return math.MaxInt16 }},
		{"small", 37, func() int16 { return int16(rng.IntN(201) - 100) }},
		{"many max", 4000, func() int16 { return math.MaxInt16 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := make([]*jointSlot, tt.n)
			var want [rowWeights]int32
			for r := range rows {
				s := &jointSlot{}
				for j := range rowWeights {
					v := tt.w()
					s.setWeight(j, v)
					want[j] += int32(v)
				}
				rows[r] = s
			}
			var got [rowWeights]int32
			addRows(rows, &got)
			if got != want {
				t.Errorf("addRows = %v, want %v", got, want)
			}
		})
	}
}
