package ner

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestSpansFromIOB(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []tagSpan
	}{
		{"iob2", []string{"B-PER", "I-PER", "O", "B-LOC"}, []tagSpan{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob1", []string{"I-PER", "I-PER", "O", "I-LOC"}, []tagSpan{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob1 adjacent same type", []string{"I-LOC", "B-LOC", "I-LOC"}, []tagSpan{{0, 1, "LOC"}, {1, 3, "LOC"}}},
		{"type change", []string{"I-ORG", "I-LOC"}, []tagSpan{{0, 1, "ORG"}, {1, 2, "LOC"}}},
		{"bilou", []string{"B-ORG", "L-ORG", "U-PER"}, []tagSpan{{0, 2, "ORG"}, {2, 3, "PER"}}},
		{"stray B-O", []string{"B-O", "B-PER"}, []tagSpan{{1, 2, "PER"}}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		if got := spansFromIOB(tt.tags); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestBILOURoundTrip(t *testing.T) {
	spans := []tagSpan{{0, 1, "PER"}, {2, 5, "ORG"}, {5, 7, "LOC"}, {8, 9, "MISC"}}
	ls := bilouLabels(10, spans)
	want := []string{"U-PER", "O", "B-ORG", "I-ORG", "L-ORG", "B-LOC", "L-LOC", "O", "U-MISC", "O"}
	for i, l := range ls {
		if l.String() != want[i] {
			t.Errorf("label %d: got %s, want %s", i, l, want[i])
		}
	}
	if got := spansFromLabels(ls); !reflect.DeepEqual(got, spans) {
		t.Errorf("decode: got %v, want %v", got, spans)
	}
}

func TestValidTrans(t *testing.T) {
	bPER, iPER, lPER := makeLabel(classPER, posB), makeLabel(classPER, posI), makeLabel(classPER, posL)
	uORG, bORG := makeLabel(classORG, posU), makeLabel(classORG, posB)
	tests := []struct {
		a, b label
		ok   bool
	}{
		{labelO, bPER, true}, {labelO, iPER, false}, {labelO, lPER, false},
		{bPER, iPER, true}, {bPER, lPER, true}, {bPER, labelO, false}, {bPER, bORG, false},
		{iPER, lPER, true}, {iPER, makeLabel(classORG, posL), false},
		{lPER, uORG, true}, {uORG, bPER, true}, {uORG, iPER, false},
	}
	for _, tt := range tests {
		if got := validTrans(tt.a, tt.b); got != tt.ok {
			t.Errorf("%s → %s: got %v, want %v", tt.a, tt.b, got, tt.ok)
		}
	}
}

// TestViterbiValid decodes random scores and checks that every output is a
// valid BILOU sequence.
func TestViterbiValid(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var trans [numLabels][numLabels]float32
	var start, end [numLabels]float32
	for trial := 0; trial < 500; trial++ {
		n := 1 + rng.IntN(12)
		em := make([]float32, n*numLabels)
		for i := range em {
			em[i] = float32(rng.NormFloat64() * 5)
		}
		for i := range trans {
			for j := range trans[i] {
				trans[i][j] = float32(rng.NormFloat64())
			}
		}
		ls := viterbi(n, em, &trans, &start, &end)
		if !validStart(ls[0]) || !validEnd(ls[n-1]) {
			t.Fatalf("invalid start/end: %v", ls)
		}
		for i := 1; i < n; i++ {
			if !validTrans(ls[i-1], ls[i]) {
				t.Fatalf("invalid transition %s → %s in %v", ls[i-1], ls[i], ls)
			}
		}
	}
}

func TestMarginalsSumToOne(t *testing.T) {
	m := &model{}
	rng := rand.New(rand.NewPCG(3, 4))
	n := 6
	em := make([]float32, n*numLabels)
	for i := range em {
		em[i] = float32(rng.NormFloat64() * 3)
	}
	p := marginals(n, em, m)
	for tk := 0; tk < n; tk++ {
		s := 0.0
		for j := 0; j < numLabels; j++ {
			s += p[tk*numLabels+j]
		}
		if s < 0.999 || s > 1.001 {
			t.Errorf("token %d: marginals sum to %v", tk, s)
		}
	}
	// An inside label cannot start a sentence.
	if p[int(makeLabel(classPER, posI))] != 0 {
		t.Errorf("I-PER at position 0 has probability %v", p[int(makeLabel(classPER, posI))])
	}
}
