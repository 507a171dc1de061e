package ner

import "testing"

// TestSIMDFallback runs the tests of the AVX2 code on the plain Go code
// too when the CPU has AVX2 (which is then used).
func TestSIMDFallback(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no AVX2: the tests already ran the Go code")
	}
	hasAVX2 = false
	defer func() { hasAVX2 = true }()
	t.Run("addRows", TestAddRowsMatchesNaive)
	t.Run("maxPlus8", TestMaxPlus8)
	t.Run("viterbi", TestViterbiTies)
	t.Run("dense", TestViterbiMarginalsMatchDense)
}
