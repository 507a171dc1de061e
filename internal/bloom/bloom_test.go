package bloom

import (
	"math/rand/v2"
	"testing"
)

// TestFilter checks that a filter never rejects a key it holds and lets
// only a small fraction of other hashes through.
func TestFilter(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 100, 50000} {
		f := New(n)
		keys := make([]uint64, n)
		for i := range keys {
			keys[i] = rng.Uint64()
			f.Add(keys[i])
		}
		for _, k := range keys {
			if !f.MayHave(k) {
				t.Fatalf("n=%d: key %x rejected", n, k)
			}
		}
		passed := 0
		const probes = 100000
		for range probes {
			if f.MayHave(rng.Uint64()) {
				passed++
			}
		}
		if passed > probes/100 {
			t.Errorf("n=%d: %d of %d other hashes passed", n, passed, probes)
		}
	}
}
