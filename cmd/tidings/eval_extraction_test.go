package main

import (
	"math"
	"testing"
)

// TestZyteScore checks the shingle metric against hand-counted cases of
// the benchmark's evaluate.py.
func TestZyteScore(t *testing.T) {
	gold := "one two three four five"        // shingles: 1-4, 2-5
	pred := "one two three four six, seven!" // shingles: 1-4, 2-6, 3-7
	s := zyteScore(gold, pred)
	if s.tp != 1 || s.fp != 2 || s.fn != 1 {
		t.Fatalf("counts = %+v, want tp=1 fp=2 fn=1", s)
	}
	if got := zyteShingles("Only three tokens", 4); len(got) != 1 {
		t.Errorf("short text: %v, want one shingle of all tokens", got)
	}
	if got := zyteShingles("A_b c-d é1 ü", 4); got["A_b\x00c\x00d\x00é1"] != 1 {
		t.Errorf("tokens: %v", got)
	}
	p, r, f := zyteAverages([]zyteCounts{s, zyteScore(gold, gold), zyteScore(gold, "")})
	// precision over pages that predicted something: (1/3 + 1) / 2;
	// recall over pages with gold: (1/2 + 1 + 0) / 3.
	if math.Abs(p-2.0/3) > 1e-9 || math.Abs(r-0.5) > 1e-9 || math.Abs(f-2*p*r/(p+r)) > 1e-9 {
		t.Errorf("averages p=%v r=%v f=%v", p, r, f)
	}
}
