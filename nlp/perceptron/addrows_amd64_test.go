package perceptron

import "testing"

// TestAddRowsSSE2 runs TestAddRows on the SSE2 adder too when the CPU has
// AVX2 (addRows then picks AVX2).
func TestAddRowsSSE2(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no AVX2: TestAddRows already ran the SSE2 adder")
	}
	hasAVX2 = false
	defer func() { hasAVX2 = true }()
	TestAddRows(t)
}
